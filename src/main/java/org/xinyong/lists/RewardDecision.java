package org.xinyong.lists;

import java.time.LocalDate;

/**
 * An organisation's confirmation of a reward entry (守信激励对象, art. 39): the subject, one ground with its detail
 * and evidence (for a good grade: the grade and who gave it), the confirming document and its validity.
 */
public record RewardDecision(String subjectCode, RewardGround ground, String groundDetail, String documentNumber,
		String confirmingOrganisation, LocalDate effectiveDate, LocalDate plannedEnd) {

	public RewardDecision withGroundDetail(String detail) {
		return new RewardDecision(subjectCode, ground, detail, documentNumber, confirmingOrganisation, effectiveDate,
				plannedEnd);
	}
}
