package org.xinyong.ledger.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Random;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs after the ingestion benchmark ({@code benchmark ingest N}): waits until every ingested version has its
 * leaf, signs a checkpoint, then times inclusion and consistency proofs and a full verification.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.ingest.rows")
@Order(200)
class LedgerBenchmark implements ApplicationRunner {

	private final JdbcClient jdbc;
	private final LedgerService ledger;
	private final Verifier verifier;
	private final TreeHasher hasher;

	LedgerBenchmark(JdbcClient jdbc, LedgerService ledger, Verifier verifier, TreeHasher hasher) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.verifier = verifier;
		this.hasher = hasher;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		long versions = jdbc.sql("select count(*) from record_version").query(Long.class).single();
		long start = System.nanoTime();
		while (ledger.size() < versions) {
			Thread.sleep(200);
		}
		double catchUp = (System.nanoTime() - start) / 1e9;
		long size = ledger.size();
		var checkpoint = ledger.checkpoint();
		Random random = new Random(7);
		int inclusions = 10_000;
		start = System.nanoTime();
		for (int i = 0; i < inclusions; i++) {
			long index = (long) (random.nextDouble() * size);
			var proof = ledger.inclusionProof(index, size);
			byte[] leaf = jdbc.sql("select leaf_hash from ledger_leaf where leaf_index = ?").param(index)
				.query(byte[].class)
				.single();
			if (!MerkleTree.verifyInclusion(hasher, index, size, leaf, proof, checkpoint.rootHash())) {
				throw new IllegalStateException("inclusion proof failed for leaf " + index);
			}
		}
		double inclusionSeconds = (System.nanoTime() - start) / 1e9;
		int consistencies = 1_000;
		start = System.nanoTime();
		for (int i = 0; i < consistencies; i++) {
			long m = 1 + (long) (random.nextDouble() * (size - 1));
			var proof = ledger.consistencyProof(m, size);
			if (!MerkleTree.verifyConsistency(hasher, m, size, ledger.root(m), checkpoint.rootHash(), proof)) {
				throw new IllegalStateException("consistency proof failed from " + m);
			}
		}
		double consistencySeconds = (System.nanoTime() - start) / 1e9;
		start = System.nanoTime();
		var report = verifier.verify(Duration.ZERO);
		double verifySeconds = (System.nanoTime() - start) / 1e9;
		String text = String.format("""

				Ledger (%s, %d leaves)
				| operation | count | seconds | per second |
				|---|---|---|---|
				| leaves appended after ingestion finished (catch-up) | — | %.1f | — |
				| inclusion proof generated + verified (incl. leaf read) | %d | %.1f | %.0f |
				| consistency proof generated + verified (incl. old root) | %d | %.1f | %.0f |
				| full verification (recompute every leaf, tree, checkpoints) | %d leaves | %.1f | %.0f leaves/s |
				verification result: %s
				""", hasher.algorithm(), size, catchUp, inclusions, inclusionSeconds, inclusions / inclusionSeconds,
				consistencies, consistencySeconds, consistencies / consistencySeconds, report.leaves(), verifySeconds,
				report.leaves() / verifySeconds, report.intact() ? "intact" : report.problems().size() + " problems");
		System.out.println(text);
		Files.writeString(Path.of("target", "benchmark-ingest.md"), text, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}
}
