package org.xinyong.jointcheck;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Checks and their feedback per organisation on a day (art. 47): a check without feedback is overdue once more
 * than the configured number of working days have passed since the day of the check.
 *
 * @param cutoff checks made on or before this day without feedback are overdue
 */
public record CheckOverview(LocalDate day, int workingDays, LocalDate cutoff, List<PerOrganisation> organisations,
		List<OverdueCheck> overdue) {

	public record PerOrganisation(String organisationCode, String organisationName, long checks, long answered,
			long pending, long overdue) {
	}

	public record OverdueCheck(UUID checkId, String organisationCode, String reference, String matter, String status,
			LocalDate checkedOn, Instant checkedAt) {
	}
}
