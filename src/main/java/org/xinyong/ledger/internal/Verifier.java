package org.xinyong.ledger.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.audit.AuditChain;
import org.xinyong.ledger.VerificationReport;
import org.xinyong.ledger.VerificationReport.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the ledger from the database: every record version's leaf from its stored facts, the tree from the
 * leaves, every checkpoint's root and signature. Streams both tables (bounded memory).
 */
@Component
class Verifier {

	static final int MAX_PROBLEMS = 10_000;

	private final DataSource dataSource;
	private final JdbcClient jdbc;
	private final TreeHasher hasher;
	private final LedgerService ledger;
	private final JsonMapper json;
	private final Clock clock;
	private final AuditChain audit;

	Verifier(DataSource dataSource, JdbcClient jdbc, TreeHasher hasher, LedgerService ledger, JsonMapper json,
			Clock clock, AuditChain audit) {
		this.audit = audit;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.ledger = ledger;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @param grace versions recorded more recently than this may still be waiting for their leaf
	 */
	VerificationReport verify(Duration grace) {
		Instant started = clock.instant();
		List<Problem> problems = new ArrayList<>();
		long[] counts = new long[2];
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			c.setReadOnly(true);
			try (var s = c.createStatement()) {
				s.execute("set transaction isolation level repeatable read");
			}
			checkVersions(c, started.minus(grace), problems, counts);
			checkEvents(c, problems);
			List<Checkpoint> checkpoints = checkpoints(c);
			checkTree(c, checkpoints, problems, counts);
			c.rollback();
			AuditChain.Result chain = audit.verify();
			for (Long id : chain.brokenAt()) {
				add(problems, new Problem("AUDIT_CHAIN_BROKEN", null, null, null,
						"audit entry " + id + " was edited, or an entry before it was removed or inserted"));
			}
			VerificationReport report = new VerificationReport(started, clock.instant(), counts[1], counts[0],
					checkpoints.size(), chain.entries(), problems);
			return report;
		}
		catch (SQLException e) {
			throw new IllegalStateException("Verification could not read the database: " + e.getMessage(), e);
		}
	}

	private void checkVersions(Connection c, Instant pendingAfter, List<Problem> problems, long[] counts)
			throws SQLException {
		String sql = """
				select rv.record_id as version_record, rv.version_no as version_number, l.record_id as leaf_record,
				       l.version_no as leaf_version, l.leaf_index, l.leaf_hash, rv.kind, rv.catalog_item, rv.provider_id,
				       rv.subject_id, sha256(convert_to(rv.payload::text, 'UTF8')) as payload_hash,
				       rv.catalog_version_id, rv.submission_id, rv.agreement_id, rv.self_declared, rv.recorded_by,
				       rv.recorded_at, rv.reason
				from record_version rv
				full join (select * from ledger_leaf where record_id is not null) l
				  on l.record_id = rv.record_id and l.version_no = rv.version_no""";
		try (PreparedStatement ps = c.prepareStatement(sql)) {
			ps.setFetchSize(5_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					UUID versionRecord = rs.getObject("version_record", UUID.class);
					UUID leafRecord = rs.getObject("leaf_record", UUID.class);
					if (versionRecord == null) {
						add(problems, new Problem("VERSION_DELETED", leafRecord, rs.getInt("leaf_version"),
								rs.getLong("leaf_index"), "the ledger has a leaf for a version that is no longer stored"));
						continue;
					}
					counts[0]++;
					int versionNo = rs.getInt("version_number");
					if (leafRecord == null) {
						if (rs.getTimestamp("recorded_at").toInstant().isBefore(pendingAfter)) {
							add(problems, new Problem("VERSION_NOT_IN_LEDGER", versionRecord, versionNo, null,
									"a version without a leaf: written outside the platform"));
						}
						continue;
					}
					long submission = rs.getLong("submission_id");
					Long submissionId = rs.wasNull() ? null : submission;
					long agreement = rs.getLong("agreement_id");
					Long agreementId = rs.wasNull() ? null : agreement;
					byte[] expected = hasher.leafHash(LeafEncoding.encode(new LeafEncoding.VersionFacts(versionRecord,
							versionNo, rs.getString("kind"), rs.getString("catalog_item"), rs.getLong("provider_id"),
							rs.getLong("subject_id"), rs.getBytes("payload_hash"), rs.getLong("catalog_version_id"),
							submissionId, agreementId, rs.getBoolean("self_declared"), rs.getString("recorded_by"),
							rs.getTimestamp("recorded_at").toInstant(), rs.getString("reason"))));
					if (!Arrays.equals(expected, rs.getBytes("leaf_hash"))) {
						add(problems, new Problem("VERSION_ALTERED", versionRecord, versionNo, rs.getLong("leaf_index"),
								"the stored version no longer matches its ledger leaf"));
					}
				}
			}
		}
	}

	/** Status-event leaves: their hash must be the hash of their stored text. */
	private void checkEvents(Connection c, List<Problem> problems) throws SQLException {
		try (PreparedStatement ps = c.prepareStatement(
				"select leaf_index, kind, event_data, leaf_hash from ledger_leaf where record_id is null order by leaf_index")) {
			ps.setFetchSize(5_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					String data = rs.getString("event_data");
					byte[] expected = hasher.leafHash(data == null ? new byte[0]
							: data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
					if (!Arrays.equals(expected, rs.getBytes("leaf_hash"))) {
						add(problems, new Problem("EVENT_ALTERED", null, null, rs.getLong("leaf_index"),
								rs.getString("kind") + " event no longer matches its leaf"));
					}
				}
			}
		}
	}

	private record Checkpoint(long size, byte[] root, String algorithm, Instant signedAt, String signature,
			String publicKey) {
	}

	private List<Checkpoint> checkpoints(Connection c) throws SQLException {
		List<Checkpoint> out = new ArrayList<>();
		try (var s = c.createStatement(); ResultSet rs = s.executeQuery("""
				select tree_size, root_hash, algorithm, signed_at, signature, public_key
				from ledger_checkpoint order by tree_size, id""")) {
			while (rs.next()) {
				out.add(new Checkpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getString(5), rs.getString(6)));
			}
		}
		return out;
	}

	/**
	 * Streams the leaves in index order, folding them into the compact range of complete subtrees; at each
	 * checkpoint's size the root is the right-to-left fold of that range.
	 */
	private void checkTree(Connection c, List<Checkpoint> checkpoints, List<Problem> problems, long[] counts)
			throws SQLException {
		Deque<byte[]> hashes = new ArrayDeque<>();
		Deque<Long> sizes = new ArrayDeque<>();
		int next = 0;
		long expectedIndex = 0;
		next = checkpointsAt(0, hashes, checkpoints, next, problems);
		try (PreparedStatement ps = c.prepareStatement("select leaf_index, leaf_hash from ledger_leaf order by leaf_index")) {
			ps.setFetchSize(10_000);
			try (ResultSet rs = ps.executeQuery()) {
				while (rs.next()) {
					long index = rs.getLong(1);
					if (index != expectedIndex) {
						add(problems, new Problem("LEAF_MISSING", null, null, expectedIndex,
								"leaves " + expectedIndex + "–" + (index - 1) + " are missing from the ledger"));
						expectedIndex = index;
					}
					expectedIndex++;
					counts[1]++;
					byte[] h = rs.getBytes(2);
					long size = 1;
					while (!sizes.isEmpty() && sizes.peekLast() == size) {
						h = hasher.nodeHash(hashes.pollLast(), h);
						sizes.pollLast();
						size *= 2;
					}
					hashes.addLast(h);
					sizes.addLast(size);
					next = checkpointsAt(counts[1], hashes, checkpoints, next, problems);
				}
			}
		}
		for (; next < checkpoints.size(); next++) {
			add(problems, new Problem("CHECKPOINT_ROOT_MISMATCH", null, null, checkpoints.get(next).size(),
					"a checkpoint of " + checkpoints.get(next).size() + " leaves, but the ledger has only " + counts[1]));
		}
		if (counts[1] > 0) {
			byte[] fromNodes = ledger.root(counts[1]);
			byte[] fromLeaves = fold(hashes);
			if (!Arrays.equals(fromNodes, fromLeaves)) {
				add(problems, new Problem("LEAF_ALTERED", null, null, null,
						"the stored subtree hashes do not match the leaves (proofs would not verify)"));
			}
		}
	}

	private int checkpointsAt(long size, Deque<byte[]> hashes, List<Checkpoint> checkpoints, int next,
			List<Problem> problems) {
		while (next < checkpoints.size() && checkpoints.get(next).size() == size) {
			Checkpoint cp = checkpoints.get(next++);
			byte[] root = size == 0 ? hasher.emptyRoot() : fold(hashes);
			if (!Arrays.equals(root, cp.root())) {
				add(problems, new Problem("CHECKPOINT_ROOT_MISMATCH", null, null, size,
						"signed root " + HexFormat.of().formatHex(cp.root()) + ", recomputed "
								+ HexFormat.of().formatHex(root)));
			}
			String text = CheckpointText.of(cp.algorithm(), cp.size(), cp.root(), cp.signedAt());
			if (!LedgerKeys.verify(cp.publicKey(), CheckpointText.bytes(text), cp.signature())
					|| !cp.publicKey().equals(ledger.publicKeyPem())) {
				add(problems, new Problem("CHECKPOINT_SIGNATURE_INVALID", null, null, size,
						"the checkpoint's SM2 signature does not verify with the platform's public key"));
			}
		}
		return next;
	}

	private byte[] fold(Deque<byte[]> hashes) {
		var it = hashes.descendingIterator();
		byte[] root = it.next();
		while (it.hasNext()) {
			root = hasher.nodeHash(it.next(), root);
		}
		return root;
	}

	private static void add(List<Problem> problems, Problem p) {
		if (problems.size() < MAX_PROBLEMS) {
			problems.add(p);
		}
	}

	/** Runs a verification and keeps its result for the console. */
	VerificationReport verifyAndRecord(Duration grace) {
		VerificationReport report = verify(grace);
		jdbc.sql("""
				insert into ledger_verification (started_at, finished_at, intact, leaves, versions, checkpoints, problems)
				values (?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
			.params(java.sql.Timestamp.from(report.startedAt()), java.sql.Timestamp.from(report.finishedAt()),
					report.intact(), report.leaves(), report.versions(), report.checkpoints(),
					json.writeValueAsString(report.problems()))
			.update();
		return report;
	}
}
