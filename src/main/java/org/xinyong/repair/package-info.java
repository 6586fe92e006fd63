/**
 * Credit repair (信用修复, art. 55-57): per-record eligibility under the dated repair rules, applications with proof
 * and a public credit commitment, handling with working-day deadlines, outcomes (end disclosure, removal from the
 * serious list, repair of other dishonesty info) and propagation of each repair to every consumer that holds the
 * record. Repair is free: no fee exists anywhere.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Credit repair")
package org.xinyong.repair;
