package org.xinyong.jointcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xinyong.measures.MeasureKind;

/** The answer to a joint check, as returned and as stored. */
public record CheckAnswer(UUID checkId, Subject subject, CheckStatus status, List<AppliedMeasure> measures,
		List<RecordSummary> records) {

	/** @param name null when the subject is unknown */
	public record Subject(String code, String name, String type) {
	}

	/**
	 * @param listEntry the entry the measure applies for: {@code serious-dishonesty:<id>}, {@code reward:<id>} or
	 *                  {@code record:<record id>}
	 */
	public record AppliedMeasure(String measureId, MeasureKind kind, String text, String basis,
			String implementingUnit, String listEntry) {
	}

	/** A currently disclosed dishonesty record of the subject. */
	public record RecordSummary(UUID recordId, String catalogItem, LocalDate decisionDate, String authority,
			String typeLabel, LocalDate shownUntil) {
	}
}
