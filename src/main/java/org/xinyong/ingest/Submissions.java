package org.xinyong.ingest;

/**
 * Submissions by API: every record is checked on its own; good records are kept and bad ones reported with the
 * rule they broke; the accepted records commit together; repeating a submission key returns the first result and
 * stores nothing twice.
 */
public interface Submissions {

	/** Larger submissions go through the file path, which streams. */
	int MAX_API_RECORDS = 10_000;

	SubmissionResult submit(SubmitCommand command);
}
