/**
 * Audit: the append-only, hash-chained log of who saw or changed what — logins, denied requests, non-public
 * reads, changes, exports — with time, actor, organisation, address and outcome.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.xinyong.audit;
