/**
 * Measures: the national base list of punishment measures and the incentive measures of art. 40 (as data, each
 * with its provenance), and regional supplementary measures that must fall under a base measure (art. 45).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Measures")
package org.xinyong.measures;
