package org.xinyong.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.ledger.Ledger;
import org.xinyong.platform.DomainException;

@Service
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerService implements Ledger {

	private final JdbcClient jdbc;
	private final TreeHasher hasher;
	private final LedgerKeys keys;
	private final Clock clock;

	private final LedgerAppender appender;

	LedgerService(JdbcClient jdbc, TreeHasher hasher, LedgerProperties properties, Clock clock, LedgerAppender appender) {
		this.appender = appender;
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.keys = LedgerKeys.loadOrCreate(properties.keyFile());
		this.clock = clock;
	}

	/** Aligned subtree hashes as stored: leaf hashes at level 0, {@code ledger_node} above. */
	MerkleTree.Nodes nodes() {
		return (level, index) -> (level == 0
				? jdbc.sql("select leaf_hash from ledger_leaf where leaf_index = ?").param(index)
				: jdbc.sql("select hash from ledger_node where level = ? and node_index = ?").params(level, index))
			.query(byte[].class)
			.optional()
			.orElseThrow(() -> new IllegalStateException("ledger node " + level + "/" + index + " missing"));
	}

	@Override
	public long size() {
		return jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from ledger_leaf").query(Long.class).single();
	}

	@Override
	@Transactional
	public long appendEvent(String kind, String reference, String details) {
		if (kind == null || !kind.matches("[A-Z][A-Z_]{2,63}") || reference == null || reference.isBlank()) {
			throw DomainException.badRequest("LEDGER_EVENT_INVALID");
		}
		return appender.appendEvent(kind, reference, details == null ? "" : details);
	}

	@Override
	public String algorithm() {
		return hasher.algorithm();
	}

	byte[] root(long size) {
		return MerkleTree.root(hasher, nodes(), size);
	}

	@Override
	public Optional<SignedCheckpoint> latestCheckpoint() {
		return jdbc.sql("""
				select tree_size, root_hash, algorithm, signed_at, signature, public_key
				from ledger_checkpoint order by id desc limit 1""")
			.query((rs, n) -> {
				Instant at = rs.getTimestamp("signed_at").toInstant();
				String text = CheckpointText.of(rs.getString("algorithm"), rs.getLong("tree_size"),
						rs.getBytes("root_hash"), at);
				return new SignedCheckpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"),
						rs.getString("algorithm"), at, text, rs.getString("signature"), rs.getString("public_key"));
			})
			.optional();
	}

	@Override
	@Transactional
	public SignedCheckpoint checkpoint() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LedgerAppender.LOCK).query().singleRow();
		long size = size();
		byte[] root = root(size);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String text = CheckpointText.of(hasher.algorithm(), size, root, at);
		String signature = keys.sign(CheckpointText.bytes(text));
		jdbc.sql("""
				insert into ledger_checkpoint (tree_size, root_hash, algorithm, signed_at, signature, public_key)
				values (?, ?, ?, ?, ?, ?)""")
			.params(size, root, hasher.algorithm(), Timestamp.from(at), signature, keys.publicKeyPem())
			.update();
		return new SignedCheckpoint(size, root, hasher.algorithm(), at, text, signature, keys.publicKeyPem());
	}

	/** Signs a checkpoint periodically when the tree has grown since the last one. */
	@Scheduled(fixedDelayString = "${xinyong.ledger.checkpoint-interval:PT10M}",
			initialDelayString = "${xinyong.ledger.checkpoint-interval:PT10M}")
	void periodicCheckpoint() {
		long last = latestCheckpoint().map(SignedCheckpoint::treeSize).orElse(-1L);
		if (size() != last) {
			checkpoint();
		}
	}

	String publicKeyPem() {
		return keys.publicKeyPem();
	}

	@Override
	public Optional<Leaf> leafOf(UUID recordId, int versionNo) {
		return jdbc.sql("select leaf_index, leaf_hash from ledger_leaf where record_id = ? and version_no = ?")
			.params(recordId, versionNo)
			.query((rs, n) -> new Leaf(rs.getLong(1), rs.getBytes(2), leafData(recordId, versionNo)))
			.optional();
	}

	private byte[] leafData(UUID recordId, int versionNo) {
		return jdbc.sql(VersionFactsQuery.SELECT + " where rv.record_id = ? and rv.version_no = ?")
			.params(recordId, versionNo)
			.query((rs, n) -> LeafEncoding.encode(VersionFactsQuery.map(rs)))
			.optional()
			.orElse(new byte[0]);
	}

	@Override
	public List<byte[]> inclusionProof(long index, long size) {
		long current = size();
		if (size < 1 || size > current || index < 0 || index >= size) {
			throw DomainException.unprocessable("LEDGER_PROOF_RANGE", index, size, current);
		}
		return MerkleTree.inclusionProof(hasher, nodes(), index, size);
	}

	@Override
	public List<byte[]> consistencyProof(long from, long to) {
		long current = size();
		if (from < 1 || from > to || to > current) {
			throw DomainException.unprocessable("LEDGER_PROOF_RANGE", from, to, current);
		}
		return MerkleTree.consistencyProof(hasher, nodes(), from, to);
	}
}
