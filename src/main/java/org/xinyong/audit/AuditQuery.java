package org.xinyong.audit;

import java.time.LocalDate;

/**
 * Filters of an audit search; null or blank means "any". Dates are days in Asia/Shanghai, inclusive.
 */
public record AuditQuery(String actor, String organisation, String subject, String action, String outcome,
		LocalDate from, LocalDate to) {
}
