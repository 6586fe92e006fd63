package org.xinyong.audit;

import java.util.List;

/** Re-checks the audit log's hash chain: an edited, removed or inserted entry breaks it. */
public interface AuditChain {

	/**
	 * @param entries  entries checked
	 * @param brokenAt ids of the entries where the chain breaks (the first id whose stored hash or link does not
	 *                 match the recomputation); empty when intact
	 */
	record Result(long entries, List<Long> brokenAt) {

		public boolean intact() {
			return brokenAt.isEmpty();
		}
	}

	Result verify();
}
