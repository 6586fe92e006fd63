/**
 * Subject: credit subjects and the identifiers that name them (统一社会信用代码, 公民身份号码 and other documents).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subject")
package org.xinyong.subject;
