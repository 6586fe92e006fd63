package org.xinyong.audit;

/**
 * Appends entries to the audit log. An entry joins the caller's transaction, so a change and its audit entry
 * commit together or not at all; outside a transaction (e.g. a refused request) it commits on its own.
 */
public interface AuditLog {

	/** Records the entry and returns its sequence number in the log. */
	long record(AuditEntry entry);

	/**
	 * Records several entries in order, in the caller's transaction, paying the chain's lock and the read of the
	 * previous hash once (for callers that batch writes, e.g. the joint check's group commit).
	 */
	default void recordAll(java.util.List<AuditEntry> entries) {
		entries.forEach(this::record);
	}

	/**
	 * Records the entries in order under a head the caller reserved in this transaction ({@link ChainHead}: function
	 * {@code audit_chain_append(n)} with {@code n} the number of entries). Refused unless the head has exactly one id
	 * per entry.
	 */
	void recordAll(java.util.List<AuditEntry> entries, ChainHead head);
}
