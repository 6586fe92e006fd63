package org.xinyong.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.xinyong.ingest.BulkLoads;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RecordVersionRef;

/**
 * Appends a leaf for every record version as its batch commits. Runs from the persisted event publication (the
 * transactional outbox), so a crash between ingestion and ledger loses nothing: the publication is completed
 * only when the leaves are committed, and a republished event skips versions that already have their leaf.
 */
@Component
class LedgerAppender {

	static final long LOCK = 7261002L;
	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LedgerAppender.class);

	private final JdbcClient jdbc;
	private final TreeHasher hasher;
	private final BulkLoads bulkLoads;
	private final TransactionTemplate tx;

	LedgerAppender(JdbcClient jdbc, TreeHasher hasher, BulkLoads bulkLoads, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.bulkLoads = bulkLoads;
		this.tx = tx;
	}

	/**
	 * Like an {@code @ApplicationModuleListener} (asynchronous, after the batch committed, completed in the
	 * publication registry only when the leaves are committed), but it first lets a running file load finish
	 * ({@link BulkLoads#awaitIdle()}) without holding a connection, so that hashing does not slow ingestion.
	 */
	@Async(BulkLoads.LEDGER_EXECUTOR)
	@TransactionalEventListener
	void on(CreditRecordsChanged event) throws InterruptedException {
		bulkLoads.awaitIdle();
		long start = System.nanoTime();
		tx.executeWithoutResult(status -> append(event.versions()));
		if (log.isDebugEnabled()) {
			log.debug("appended {} leaves in {} ms", event.versions().size(), (System.nanoTime() - start) / 1_000_000);
		}
	}

	/** Appends the versions that have no leaf yet, in the given order, in the caller's transaction. */
	void append(List<RecordVersionRef> versions) {
		if (versions.isEmpty()) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
		String[] ids = versions.stream().map(v -> v.recordId().toString()).toArray(String[]::new);
		Integer[] numbers = versions.stream().map(RecordVersionRef::versionNo).toArray(Integer[]::new);
		Set<String> present = new HashSet<>(jdbc.sql("""
				select l.record_id::text || '/' || l.version_no from ledger_leaf l
				join unnest(cast(? as uuid[]), cast(? as int[])) as v(r, n) on l.record_id = v.r and l.version_no = v.n""")
			.params(ids, numbers)
			.query(String.class)
			.list());
		Map<String, LeafEncoding.VersionFacts> facts = new HashMap<>();
		jdbc.sql(VersionFactsQuery.SELECT_FOR_APPEND + "\n" + """
				 join unnest(cast(? as uuid[]), cast(? as int[])) as v(r, n)
				   on rv.record_id = v.r and rv.version_no = v.n""")
			.params(ids, numbers)
			.query((rs, n) -> {
				LeafEncoding.VersionFacts f = VersionFactsQuery.map(rs);
				return facts.put(f.recordId() + "/" + f.versionNo(), f);
			})
			.list();
		long next = jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from ledger_leaf").query(Long.class).single();
		List<Long> indexes = new ArrayList<>();
		List<String> recordIds = new ArrayList<>();
		List<Integer> versionNos = new ArrayList<>();
		List<byte[]> hashes = new ArrayList<>();
		for (RecordVersionRef v : versions) {
			String key = v.recordId() + "/" + v.versionNo();
			LeafEncoding.VersionFacts f = facts.get(key);
			if (f == null || !present.add(key)) {
				continue;
			}
			indexes.add(next++);
			recordIds.add(v.recordId().toString());
			versionNos.add(v.versionNo());
			hashes.add(hasher.leafHash(LeafEncoding.encode(f)));
		}
		if (indexes.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into ledger_leaf (leaf_index, kind, record_id, version_no, leaf_hash)
				select i, 'RECORD_VERSION', r, n, h
				from unnest(cast(? as bigint[]), cast(? as uuid[]), cast(? as int[]), cast(? as bytea[])) as t(i, r, n, h)""")
			.params(indexes.toArray(Long[]::new), recordIds.toArray(String[]::new), versionNos.toArray(Integer[]::new),
					hashes.toArray(byte[][]::new))
			.update();
		storeCompletedSubtrees(indexes.get(0), hashes);
	}

	/**
	 * Appends one status event that changes what is visible (disclosure start/end, list inclusion/removal,
	 * repair…) as a leaf, in the caller's transaction. The leaf data is
	 * {@code xinyong-event/v1\n<kind>\n<reference>\n<details>\n}.
	 */
	long appendEvent(String kind, String reference, String details) {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
		long index = jdbc.sql("select coalesce(max(leaf_index) + 1, 0) from ledger_leaf").query(Long.class).single();
		String data = "xinyong-event/v1\n" + LeafEncoding.oneLine(kind) + "\n" + LeafEncoding.oneLine(reference) + "\n"
				+ LeafEncoding.oneLine(details) + "\n";
		byte[] hash = hasher.leafHash(data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		jdbc.sql("insert into ledger_leaf (leaf_index, kind, leaf_hash, event_data) values (?, ?, ?, ?)")
			.params(index, kind, hash, data)
			.update();
		storeCompletedSubtrees(index, List.of(hash));
		return index;
	}

	/**
	 * Stores the hash of every aligned subtree that the new leaves complete: leaf {@code i} completes the subtree
	 * of level {@code k} at index {@code (i + 1) / 2^k - 1} whenever {@code 2^k} divides {@code i + 1}.
	 */
	private void storeCompletedSubtrees(long first, List<byte[]> leafHashes) {
		Map<Long, byte[]> known = new HashMap<>();
		for (int i = 0; i < leafHashes.size(); i++) {
			known.put(key(0, first + i), leafHashes.get(i));
		}
		List<Integer> levels = new ArrayList<>();
		List<Long> positions = new ArrayList<>();
		List<byte[]> nodes = new ArrayList<>();
		for (long i = first; i < first + leafHashes.size(); i++) {
			long size = i + 1;
			for (int level = 1; size % (1L << level) == 0; level++) {
				long index = size / (1L << level) - 1;
				byte[] left = node(known, level - 1, 2 * index);
				byte[] right = node(known, level - 1, 2 * index + 1);
				byte[] hash = hasher.nodeHash(left, right);
				known.put(key(level, index), hash);
				levels.add(level);
				positions.add(index);
				nodes.add(hash);
			}
		}
		if (!nodes.isEmpty()) {
			jdbc.sql("""
					insert into ledger_node (level, node_index, hash)
					select * from unnest(cast(? as int[]), cast(? as bigint[]), cast(? as bytea[]))""")
				.params(levels.toArray(Integer[]::new), positions.toArray(Long[]::new), nodes.toArray(byte[][]::new))
				.update();
		}
	}

	private byte[] node(Map<Long, byte[]> known, int level, long index) {
		byte[] hash = known.get(key(level, index));
		if (hash != null) {
			return hash;
		}
		hash = level == 0
				? jdbc.sql("select leaf_hash from ledger_leaf where leaf_index = ?").param(index).query(byte[].class).single()
				: jdbc.sql("select hash from ledger_node where level = ? and node_index = ?")
					.params(level, index)
					.query(byte[].class)
					.single();
		known.put(key(level, index), hash);
		return hash;
	}

	private static long key(int level, long index) {
		return ((long) level << 56) | index;
	}
}
