package org.xinyong.audit;

/** Appends entries to the audit log. Every entry is committed on its own, whatever happens to the caller's work. */
public interface AuditLog {

	/** Records the entry and returns its sequence number in the log. */
	long record(AuditEntry entry);
}
