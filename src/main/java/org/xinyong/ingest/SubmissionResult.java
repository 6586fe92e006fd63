package org.xinyong.ingest;

import java.util.List;

/**
 * What a submission did. {@code accepted} = {@code created + changed + unchanged}: rows that passed every rule
 * (an unchanged row is accepted and writes nothing). The same result is returned when the submission key is
 * repeated.
 *
 * @param replay true when this answers a repeated submission key (nothing was stored this time)
 */
public record SubmissionResult(long submissionId, String catalogItem, long accepted, long rejected, long created,
		long changed, long unchanged, List<RowError> errors, boolean replay) {

	public SubmissionResult {
		errors = List.copyOf(errors);
	}
}
