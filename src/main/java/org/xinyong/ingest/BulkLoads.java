package org.xinyong.ingest;

/**
 * Whether a bulk load (a file submission) is being ingested right now. Consumers of {@link CreditRecordsChanged}
 * that derive data from the record versions (the ledger, the website's read model) wait here before they start a
 * batch, so that on a small machine their work does not compete with a running file for CPU and I/O: the events
 * stay in the persisted publication registry meanwhile (nothing is lost on a crash) and are worked off as soon as
 * no file is being loaded, or after a bounded delay at the latest ({@code xinyong.ingest.derived-work-max-delay},
 * 10 minutes by default), so that a very long load never holds derived data back for long.
 */
public interface BulkLoads {

	/**
	 * The name of the executor that such consumers run on ({@code @Async(BulkLoads.EXECUTOR)}): waiting there never
	 * blocks the application's general executor and the other asynchronous listeners it serves.
	 */
	String EXECUTOR = "derivedWorkExecutor";

	/**
	 * The executor of the ledger's leaves: one thread of its own (the ledger appends one batch at a time anyway), so
	 * that after a file load the leaves catch up at their own pace instead of queueing behind the website projection's
	 * batches on {@link #EXECUTOR}.
	 */
	String LEDGER_EXECUTOR = "ledgerWorkExecutor";

	/** True while at least one file submission is being ingested. */
	boolean running();

	/**
	 * Returns at once if no file is being ingested; otherwise waits until none is, or until the maximum delay has
	 * passed since this call. Call it outside any transaction: waiting must not hold a database connection.
	 */
	void awaitIdle() throws InterruptedException;
}
