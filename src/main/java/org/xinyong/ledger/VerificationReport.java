package org.xinyong.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of recomputing the ledger from the database.
 *
 * @param leaves      leaves checked
 * @param versions    record versions checked
 * @param checkpoints signed checkpoints checked
 * @param problems    everything that does not match; empty when the data is intact
 */
public record VerificationReport(Instant startedAt, Instant finishedAt, long leaves, long versions, long checkpoints,
		long auditEntries, List<Problem> problems) {

	public VerificationReport {
		problems = List.copyOf(problems);
	}

	public boolean intact() {
		return problems.isEmpty();
	}

	/**
	 * One finding.
	 *
	 * @param kind     {@code VERSION_ALTERED} (a version no longer matches its leaf), {@code VERSION_NOT_IN_LEDGER}
	 *                 (a version written outside the platform, or not yet appended), {@code VERSION_DELETED} (a leaf
	 *                 whose version is gone), {@code LEAF_ALTERED} (stored tree hashes differ from the leaves),
	 *                 {@code CHECKPOINT_ROOT_MISMATCH}, {@code CHECKPOINT_SIGNATURE_INVALID}, {@code AUDIT_CHAIN_BROKEN}
	 */
	public record Problem(String kind, UUID recordId, Integer versionNo, Long leafIndex, String detail) {
	}
}
