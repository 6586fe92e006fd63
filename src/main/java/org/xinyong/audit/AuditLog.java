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
	default void recordAll(java.util.List<AuditEntry> entries, ChainHead head) {
		recordAll(entries, head, null, java.util.Map.of());
	}

	/**
	 * As {@link #recordAll(java.util.List, ChainHead)}, with the caller's own write in the same statement: the audited
	 * change and its audit entries then travel to the database together. {@code companionSql} is a data-modifying
	 * statement (e.g. {@code insert … select from unnest(…)}) with named parameters {@code companionParams}, run as a
	 * common table expression of the audit insert; the names must not be ones of the audit insert (refused).
	 */
	void recordAll(java.util.List<AuditEntry> entries, ChainHead head, String companionSql,
			java.util.Map<String, ?> companionParams);

	/**
	 * The statement {@link #recordAll(java.util.List, ChainHead, String, java.util.Map)} would execute, with the same
	 * checks and the entries' hashes computed, for a caller that executes it itself in the transaction that reserved
	 * {@code head} — e.g. followed by that transaction's {@code COMMIT} in the same round trip. Refused without entries.
	 */
	Append prepareAll(java.util.List<AuditEntry> entries, ChainHead head, String companionSql,
			java.util.Map<String, ?> companionParams);

	/** An append ready to execute: its SQL with named parameters, and their values. */
	record Append(String sql, java.util.Map<String, Object> params) {
	}
}
