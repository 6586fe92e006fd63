package org.xinyong.lists;

import java.time.Instant;
import java.time.LocalDate;

/** An entry of the serious-dishonesty list, with its removal if it has left the list. */
public record ListEntry(long id, long subjectId, String subjectCode, String subjectName, String legalRepresentative,
		DishonestyCategory category, String reason, String basis, String measures, String removalConditions,
		String remedies, String documentNumber, String decidingOrganisation, LocalDate effectiveDate,
		LocalDate plannedEnd, String recordedBy, Instant recordedAt, Removal removal) {

	/** A removal decision. */
	public record Removal(RemovalKind kind, String documentNumber, String reason, LocalDate removedOn,
			String recordedBy, Instant recordedAt) {
	}

	/** Where the entry stands on a day. */
	public enum Status {
		/** 在列 */
		ON_LIST,
		/** 未生效: the effective date is still ahead. */
		NOT_YET_EFFECTIVE,
		/** 到期移出: past its planned end without a removal document. */
		EXPIRED,
		/** 已移出: removed by a document (repair, revocation, or an expiry decision). */
		REMOVED
	}

	/** The entry's status on {@code day}. */
	public Status status(LocalDate day) {
		if (removal != null) {
			return Status.REMOVED;
		}
		if (day.isBefore(effectiveDate)) {
			return Status.NOT_YET_EFFECTIVE;
		}
		return day.isAfter(plannedEnd) ? Status.EXPIRED : Status.ON_LIST;
	}

	/** On the list on {@code day}: effective, not past its planned end, not removed. */
	public boolean activeOn(LocalDate day) {
		return removal == null && !day.isBefore(effectiveDate) && !day.isAfter(plannedEnd);
	}
}
