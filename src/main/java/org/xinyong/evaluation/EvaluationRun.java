package org.xinyong.evaluation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An evaluation run and its latest progress.
 *
 * @param state      {@code RUNNING}, {@code DONE} or {@code FAILED}
 * @param dataCutoff the instant of the database snapshot the run read
 * @param finishedAt when it ended (null while running)
 */
public record EvaluationRun(long id, int modelVersion, LocalDate asOf, Instant dataCutoff, String trigger,
		String startedBy, Instant startedAt, String state, long processed, long total, String failure,
		Instant finishedAt) {

	public int percent() {
		return total == 0 ? (state.equals("DONE") ? 100 : 0) : (int) (processed * 100 / total);
	}
}
