/**
 * Credit reports (公共信用信息报告, regulation art. 50): a subject's information grouped by the national report standard
 * (2022), issued as PDF and HTML, recorded append-only with the ledger checkpoint it was issued under, and verifiable
 * by its number on a public page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit reports")
package org.xinyong.report;
