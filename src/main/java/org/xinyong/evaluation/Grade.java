package org.xinyong.evaluation;

import java.time.LocalDate;
import java.util.List;

/**
 * A subject's grade in one evaluation run, with its explanation.
 *
 * @param asOf the day the run evaluated
 */
public record Grade(long subjectId, String grade, int score, long runId, int modelVersion, LocalDate asOf,
		List<Contribution> explanation) {

	public Grade {
		explanation = List.copyOf(explanation);
	}
}
