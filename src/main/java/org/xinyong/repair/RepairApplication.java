package org.xinyong.repair;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A repair application as stored (no fee: repair is free, art. 56). */
public record RepairApplication(long id, String number, UUID recordId, long subjectId, String catalogItem,
		RepairOutcome outcome, String regime, RepairStatus status, String obligations, String commitment,
		LocalDate receivedOn, LocalDate acceptDue, LocalDate acceptedOn, LocalDate decideDue, boolean complex,
		String complexReason, LocalDate decidedOn, String decisionReason, LocalDate feedbackDue, LocalDate feedbackOn,
		List<Deadline> deadlines) {

	public boolean overdue() {
		return deadlines.stream().anyMatch(Deadline::overdue);
	}
}
