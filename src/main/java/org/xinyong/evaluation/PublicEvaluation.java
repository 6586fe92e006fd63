package org.xinyong.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation as the credit website shows it for an organisation (art. 38): grade, score and a short explanation,
 * with the sector departments' graded-supervision results beside it.
 *
 * @param grade null when the organisation has not been evaluated yet (only sector results)
 */
public record PublicEvaluation(String grade, String gradeLabel, String gradeLabelEn, Integer score, LocalDate asOf,
		Integer modelVersion, List<Line> explanation, List<SectorResult> sectorResults) {

	/** One contribution: the indicator's name (null for the base score), how many records moved it, its points. */
	public record Line(String indicator, String name, String nameEn, int count, int points) {
	}

	static PublicEvaluation of(Grade grade, ScoringModel model, List<SectorResult> sector) {
		if (grade == null) {
			return new PublicEvaluation(null, null, null, null, null, null, List.of(), sector);
		}
		List<Line> lines = grade.explanation().stream().map(c -> {
			if (c.indicator().equals(Contribution.BASE) || model == null) {
				return new Line(c.indicator(), null, null, c.count(), c.points());
			}
			var i = model.indicator(c.indicator());
			return new Line(c.indicator(), i.map(ScoringModel.Indicator::name).orElse(c.indicator()),
					i.map(ScoringModel.Indicator::nameEn).orElse(c.indicator()), c.count(), c.points());
		}).toList();
		var band = model == null ? null : model.band(grade.grade()).orElse(null);
		return new PublicEvaluation(grade.grade(), band == null ? null : band.label(),
				band == null ? null : band.labelEn(), grade.score(), grade.asOf(), grade.modelVersion(), lines, sector);
	}

	public String label(boolean english) {
		return english && gradeLabelEn != null ? gradeLabelEn : gradeLabel;
	}
}
