package org.xinyong.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What to record. Actor, organisation and client address are taken from the current request and security
 * context when not given.
 *
 * @param action     stable action name, e.g. {@code LOGIN}, {@code ACCESS_DENIED}, {@code API_KEY_ISSUED}
 * @param outcome    what happened
 * @param actor      user name, {@code api-key:<prefix>} or {@code anonymous}; null to take it from the context
 * @param subjectRef the credit subject concerned (unified code or masked ID), if any
 * @param purpose    the stated purpose of a non-public read, if any
 * @param detail     further facts (no secrets, no unmasked personal ID numbers)
 */
public record AuditEntry(String action, Outcome outcome, String actor, Long organisationId, String organisationCode,
		String clientAddress, String subjectRef, String purpose, Map<String, ?> detail) {

	public enum Outcome {
		SUCCESS, FAILURE, DENIED
	}

	public AuditEntry {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
		detail = detail == null ? Map.of() : Map.copyOf(detail);
	}

	public static AuditEntry of(String action, Outcome outcome, Map<String, ?> detail) {
		return new AuditEntry(action, outcome, null, null, null, null, null, null, detail);
	}

	public AuditEntry withActor(String actor, Long organisationId, String organisationCode) {
		return new AuditEntry(action, outcome, actor, organisationId, organisationCode, clientAddress, subjectRef,
				purpose, detail);
	}

	public AuditEntry withClientAddress(String address) {
		return new AuditEntry(action, outcome, actor, organisationId, organisationCode, address, subjectRef, purpose,
				detail);
	}

	public AuditEntry aboutSubject(String subjectRef, String purpose) {
		return new AuditEntry(action, outcome, actor, organisationId, organisationCode, clientAddress, subjectRef,
				purpose, detail);
	}
}
