package org.xinyong.jointcheck;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.xinyong.measures.MeasureKind;

/** The answer to a joint check, as returned and as stored. */
public record CheckAnswer(UUID checkId, Subject subject, CheckStatus status, List<AppliedMeasure> measures,
		List<RecordSummary> records) {

	/**
	 * @param name  null when the subject is unknown
	 * @param grade the platform's latest public credit evaluation (art. 38), null when not evaluated; information for
	 *              the department, never a measure by itself
	 */
	public record Subject(String code, String name, String type, Grade grade) {
	}

	/** A grade of the platform's evaluation: grade, score and the day it was evaluated. */
	public record Grade(String grade, int score, LocalDate evaluatedOn) {
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
