package org.xinyong.lists;

import java.time.LocalDate;

/**
 * An entry of the reward list (守信激励对象, art. 39), confirmed by an organisation. It lapses by itself when a
 * dishonesty record of the subject appears ({@code lapsedOn} and {@code lapseReason} are then set).
 */
public record RewardEntry(long id, long subjectId, String subjectCode, String subjectName, RewardGround ground,
		String groundDetail, String documentNumber, String confirmingOrganisation, LocalDate effectiveDate,
		LocalDate plannedEnd, LocalDate lapsedOn, String lapseReason) {

	/** On the reward list on {@code day}: effective, not past its planned end, not lapsed by then. */
	public boolean activeOn(LocalDate day) {
		return !day.isBefore(effectiveDate) && (plannedEnd == null || !day.isAfter(plannedEnd))
				&& (lapsedOn == null || day.isBefore(lapsedOn));
	}
}
