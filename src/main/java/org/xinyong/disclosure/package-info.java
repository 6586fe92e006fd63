/**
 * Disclosure (公示): whether a record version is shown on the credit website today, by the dated disclosure policy
 * that governed its decision, the item's openness, and the record's state.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure")
package org.xinyong.disclosure;
