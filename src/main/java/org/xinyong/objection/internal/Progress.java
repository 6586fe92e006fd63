package org.xinyong.objection.internal;

import java.time.LocalDate;

/**
 * How an open case stands against its deadlines on a given day.
 *
 * @param remaining       working days left until the deadline (0 on the deadline itself, negative when overdue),
 *                        null when unknown
 * @param assistRemaining the same for the assisting unit's answer, null when none is awaited
 */
public record Progress(LocalDate today, LocalDate deadline, Integer remaining, LocalDate assistDeadline,
		Integer assistRemaining) {

	public boolean overdue() {
		return deadline != null && today.isAfter(deadline);
	}

	public boolean assistOverdue() {
		return assistDeadline != null && today.isAfter(assistDeadline);
	}

	/** Flagged to supervisors (art. 66(10)): the decision or the assisting unit's answer is late. */
	public boolean flagged() {
		return overdue() || assistOverdue();
	}
}
