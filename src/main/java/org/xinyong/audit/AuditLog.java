package org.xinyong.audit;

/**
 * Appends entries to the audit log. An entry joins the caller's transaction, so a change and its audit entry
 * commit together or not at all; outside a transaction (e.g. a refused request) it commits on its own.
 */
public interface AuditLog {

	/** Records the entry and returns its sequence number in the log. */
	long record(AuditEntry entry);
}
