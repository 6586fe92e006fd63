package org.xinyong.objection.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xinyong.objection.CaseKind;
import org.xinyong.objection.CaseStatus;
import org.xinyong.objection.Grounds;
import org.xinyong.objection.Remedy;
import org.xinyong.objection.Route;

/** An objection or self-correction task with its whole history (oldest event first) and attachments. */
public record Case(long id, CaseKind kind, UUID recordId, int versionNo, String catalogItem, long providerId,
		long subjectId, boolean nonPublic, Route route, Grounds grounds, String explanation, LocalDate receivedOn,
		String filedBy, Instant filedAt, List<Event> history, List<Attachment> attachments, Agent agent) {

	/**
	 * The authorised agent (代理人) who filed for the subject, signed in with a verified identity of their own.
	 *
	 * @param letterAttachment the attachment holding the letter of authorisation
	 */
	public record Agent(long subjectId, String name, String verification, long letterAttachment) {
	}

	/** One status change. */
	public record Event(long id, CaseStatus status, LocalDate deadline, Long assistingOrgId, LocalDate assistDeadline,
			Remedy remedy, Integer correctedVersion, String note, String actor, LocalDate occurredOn,
			Instant occurredAt) {
	}

	public record Attachment(long id, String fileName, String contentType, long size) {
	}

	public Event current() {
		return history.get(history.size() - 1);
	}

	public CaseStatus status() {
		return current().status();
	}

	/** The decision deadline in force (null when the calendar of its year is not published yet). */
	public LocalDate deadline() {
		return current().deadline();
	}

	/** The assisting unit's answer deadline, while its answer is awaited. */
	public LocalDate assistDeadline() {
		return status() == CaseStatus.ASSISTANCE_REQUESTED ? current().assistDeadline() : null;
	}

	/** The last event that recorded an assisting unit, if any. */
	public Long assistingOrgId() {
		return history.stream().map(Event::assistingOrgId).filter(java.util.Objects::nonNull).reduce((a, b) -> b)
			.orElse(null);
	}
}
