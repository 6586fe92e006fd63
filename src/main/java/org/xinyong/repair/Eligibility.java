package org.xinyong.repair;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Whether and from when repair of one record can be applied for, and what to submit.
 *
 * @param status         {@code ELIGIBLE}, {@code NOT_YET} (minimum period not reached), {@code NOT_DISHONESTY},
 *                       {@code NOT_REPAIRABLE}, {@code EXCLUDED} (by law), {@code NOT_DISCLOSED}, {@code ENDED}
 *                       (disclosure already ended), {@code PENDING} (an application is open), {@code REVOKED}
 * @param from           first day an application can be made (null when never)
 * @param recordRegime   the disclosure rules governing the record's decision (its minimum period)
 * @param rulesRegime    the repair rules governing an application made today
 * @param outcome        what a granted repair does
 * @param exclusion      the legal exclusion, when excluded
 * @param materials      what to submit
 */
public record Eligibility(UUID recordId, String itemCode, String itemName, String status, LocalDate from,
		String recordRegime, String rulesRegime, RepairOutcome outcome, String exclusion, List<String> materials) {

	public boolean eligible() {
		return "ELIGIBLE".equals(status);
	}
}
