package org.xinyong.audit;

import java.time.Instant;

/** An audit log entry as read back (subject references and personal numbers masked unless revealed). */
public record AuditEvent(long id, Instant occurredAt, String action, String outcome, String actor,
		String organisationCode, String clientAddress, String subjectRef, String purpose, String detail) {
}
