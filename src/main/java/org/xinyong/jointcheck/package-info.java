/**
 * Joint reward and punishment check (联合奖惩核查, art. 34, 47): a department asks, for one subject and one
 * administrative matter, which measures of the published measure lists apply (art. 46); it then reports what it
 * did. Checks without feedback become overdue after a configurable number of working days.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Joint check")
package org.xinyong.jointcheck;
