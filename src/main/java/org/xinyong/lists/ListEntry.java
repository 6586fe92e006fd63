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

	/** On the list on {@code day}: effective, not past its planned end, not removed. */
	public boolean activeOn(LocalDate day) {
		return removal == null && !day.isBefore(effectiveDate) && !day.isAfter(plannedEnd);
	}
}
