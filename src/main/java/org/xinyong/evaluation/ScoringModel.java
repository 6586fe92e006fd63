package org.xinyong.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * A scoring model: every subject starts at {@code baseScore}; each indicator adds (bonus) or subtracts (penalty)
 * {@code points} per record that matches it, up to {@code maxPoints}; the grade is the first band (thresholds in
 * descending order) whose {@code minScore} the score reaches, the last band taking every lower score.
 */
public record ScoringModel(String name, String nameEn, int baseScore, List<Indicator> indicators,
		List<GradeBand> grades) {

	public ScoringModel {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
		grades = grades == null ? List.of() : List.copyOf(grades);
	}

	/**
	 * One indicator.
	 *
	 * @param source      {@code RECORDS} (currently disclosed records of {@code catalogItem}) or
	 *                    {@code SERIOUS_DISHONESTY_LIST} (current entries of the serious-dishonesty list)
	 * @param severity    only records of this severity (items with a severity field), or null for all
	 * @param field       with {@code values}: only records whose field has one of these values
	 * @param unlessField records where this field has a value do not count (e.g. a removal date)
	 * @param years       only records decided in the last N years (null: no limit)
	 * @param direction   {@code BONUS} or {@code PENALTY}
	 * @param points      points per record (positive)
	 * @param maxPoints   cap on the indicator's points (null: no cap)
	 */
	public record Indicator(String code, String name, String nameEn, String source, String catalogItem,
			String severity, String field, List<String> values, String unlessField, Integer years, String direction,
			int points, Integer maxPoints) {

		public static final String RECORDS = "RECORDS";
		public static final String SERIOUS_DISHONESTY_LIST = "SERIOUS_DISHONESTY_LIST";
		public static final String BONUS = "BONUS";
		public static final String PENALTY = "PENALTY";

		public Indicator {
			values = values == null ? null : List.copyOf(values);
		}

		public int sign() {
			return PENALTY.equals(direction) ? -1 : 1;
		}

		public String name(boolean english) {
			return english && nameEn != null ? nameEn : name;
		}
	}

	/** A grade and the lowest score that earns it (null for the last, open band). */
	public record GradeBand(String grade, Integer minScore, String label, String labelEn) {

		public String label(boolean english) {
			return english && labelEn != null ? labelEn : label;
		}
	}

	public Optional<Indicator> indicator(String code) {
		return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
	}

	public Optional<GradeBand> band(String grade) {
		return grades.stream().filter(g -> g.grade().equals(grade)).findFirst();
	}

	public String name(boolean english) {
		return english && nameEn != null ? nameEn : name;
	}
}
