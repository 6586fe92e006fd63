package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.RowError;
import org.xinyong.ingest.VersionKind;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.CreditSubjects.Mention;

/**
 * Writes batches of valid rows as record versions, in the caller's transaction: matches or creates subjects,
 * finds each record's latest version, and appends new versions with PostgreSQL {@code COPY}. A row whose content
 * equals the latest version writes nothing.
 */
@Component
class RecordStore {

	private static final org.slf4j.Logger TIMING = org.slf4j.LoggerFactory.getLogger(RecordStore.class);

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final CreditSubjects subjects;
	private final Clock clock;

	RecordStore(JdbcClient jdbc, DataSource dataSource, CreditSubjects subjects, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.subjects = subjects;
		this.clock = clock;
	}

	/** Who writes, for which item, through which submission. */
	record Context(PublishedItem item, long providerId, Long submissionId, String recordedBy, Long agreementId,
			boolean selfDeclared) {
	}

	/**
	 * What a batch did.
	 *
	 * @param metExisting the batch was written on the assumption that its records were new, and one was not: it was
	 *                    written again after looking up the records' latest versions (see {@link #write})
	 */
	record BatchResult(int created, int changed, int unchanged, List<RecordVersionRef> written, List<RowError> errors,
			boolean metExisting) {
	}

	private record Latest(int versionNo, byte[] hash, String kind, Long submissionId) {
	}

	/** A name-based (version 3) UUID of the record's identity: what {@link UUID#nameUUIDFromBytes} gives. */
	static UUID recordId(String item, long providerId, String naturalKey) {
		byte[] md5 = MD5.get().digest((item + '\u001e' + providerId + '\u001e' + naturalKey)
			.getBytes(StandardCharsets.UTF_8));
		md5[6] = (byte) (md5[6] & 0x0f | 0x30); // version 3
		md5[8] = (byte) (md5[8] & 0x3f | 0x80); // IETF variant
		long msb = 0;
		long lsb = 0;
		for (int i = 0; i < 8; i++) {
			msb = msb << 8 | (md5[i] & 0xff);
			lsb = lsb << 8 | (md5[i + 8] & 0xff);
		}
		return new UUID(msb, lsb);
	}

	/** One digest per thread: looking the algorithm up for every row cost more than the hashing. */
	private static final ThreadLocal<java.security.MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
		try {
			return java.security.MessageDigest.getInstance("MD5");
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	});

	BatchResult write(Context ctx, List<ValidRow> rows) {
		return write(ctx, rows, false, false);
	}

	/**
	 * @param sharedLock the batch is one part of a file written by several connections side by side: they share the
	 *                   (item, provider) lock, and a version number race between them (the same record in two parts)
	 *                   ends in a primary-key violation that the caller retries
	 * @param assumeNew  first try to write every row as the first version of a new record, without looking up the
	 *                   latest versions (most rows of a large file are new records). Version 1 of any existing record
	 *                   is in the primary key, so if one row's record exists the {@code COPY} fails as a whole, is
	 *                   rolled back to a savepoint, and the batch is written again the ordinary way — with
	 *                   {@link BatchResult#metExisting()} set, so that the caller stops assuming
	 */
	BatchResult write(Context ctx, List<ValidRow> rows, boolean sharedLock, boolean assumeNew) {
		if (rows.isEmpty()) {
			return new BatchResult(0, 0, 0, List.of(), List.of(), false);
		}
		String item = ctx.item().item().code();
		// One writer per (item, provider) at a time, so version numbers never race (the parts of one file excepted).
		jdbc.sql(sharedLock ? "select pg_advisory_xact_lock_shared(hashtext(?), ?)"
				: "select pg_advisory_xact_lock(hashtext(?), ?)").params(item, (int) ctx.providerId()).query().singleRow();

		List<Mention> mentions = new ArrayList<>(rows.size());
		for (ValidRow r : rows) {
			mentions.add(new Mention(r.subject(), r.subjectName()));
		}
		long t0 = System.nanoTime();
		Map<String, Long> subjectIds = subjects.resolve(mentions,
				ctx.submissionId() == null ? "manual" : "submission:" + ctx.submissionId());

		UUID[] ids = new UUID[rows.size()];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = recordId(item, ctx.providerId(), rows.get(i).naturalKey());
		}
		long t1 = System.nanoTime();
		Instant now = clock.instant();
		if (assumeNew) {
			BatchResult allNew = writeAllNew(ctx, rows, ids, subjectIds, now);
			if (allNew != null) {
				return allNew;
			}
		}
		Map<UUID, Latest> latest = latest(ids);
		long t2 = System.nanoTime();

		List<Line> lines = new ArrayList<>();
		List<RecordVersionRef> written = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		int created = 0;
		int changed = 0;
		int unchanged = 0;
		for (int i = 0; i < ids.length; i++) {
			ValidRow row = rows.get(i);
			Latest last = latest.get(ids[i]);
			int versionNo;
			VersionKind kind;
			if (last == null) {
				versionNo = 1;
				kind = VersionKind.CREATED;
			}
			else if (ctx.submissionId() != null && ctx.submissionId().equals(last.submissionId())) {
				errors.add(new RowError(row.rowNo(), null, "DUPLICATE_IN_SUBMISSION", List.of()));
				continue;
			}
			else if (java.util.Arrays.equals(last.hash(), row.contentHash()) && !"REVOKED".equals(last.kind())) {
				unchanged++;
				continue;
			}
			else {
				versionNo = last.versionNo() + 1;
				kind = VersionKind.CHANGED;
			}
			long subjectId = subjectIds.get(row.subject().value());
			lines.add(new Line(ids[i], versionNo, kind, subjectId, row));
			latest.put(ids[i], new Latest(versionNo, row.contentHash(), kind.name(), ctx.submissionId()));
			written.add(new RecordVersionRef(ids[i], versionNo, kind, item, subjectId, ctx.providerId(),
					row.decisionDate(), row.severity()));
			if (kind == VersionKind.CREATED) {
				created++;
			}
			else {
				changed++;
			}
		}
		long t3 = System.nanoTime();
		if (!lines.isEmpty()) {
			copyIn(ctx, lines, now);
		}
		if (TIMING.isDebugEnabled()) {
			TIMING.debug("batch {}: subjects {} ms, latest {} ms, decide {} ms, copy {} ms", rows.size(),
					(t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
					(System.nanoTime() - t3) / 1_000_000);
		}
		return new BatchResult(created, changed, unchanged, written, errors, assumeNew);
	}

	/**
	 * Writes every row as version 1 of a new record inside a savepoint.
	 *
	 * @return what was written, or null when a record already existed (the savepoint was rolled back: nothing written)
	 */
	private BatchResult writeAllNew(Context ctx, List<ValidRow> rows, UUID[] ids, Map<String, Long> subjectIds,
			Instant now) {
		String item = ctx.item().item().code();
		List<Line> lines = new ArrayList<>(rows.size());
		List<RecordVersionRef> written = new ArrayList<>(rows.size());
		for (int i = 0; i < ids.length; i++) {
			ValidRow row = rows.get(i);
			long subjectId = subjectIds.get(row.subject().value());
			lines.add(new Line(ids[i], 1, VersionKind.CREATED, subjectId, row));
			written.add(new RecordVersionRef(ids[i], 1, VersionKind.CREATED, item, subjectId, ctx.providerId(),
					row.decisionDate(), row.severity()));
		}
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			Savepoint savepoint = connection.setSavepoint();
			try {
				copyIn(ctx, lines, now);
			}
			catch (IllegalStateException e) {
				if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) {
					throw e;
				}
				connection.rollback(savepoint);
				TIMING.debug("batch {}: a record existed, written again after looking up latest versions", rows.size());
				return null;
			}
			connection.releaseSavepoint(savepoint);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not write record versions: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
		return new BatchResult(lines.size(), 0, 0, written, List.of(), false);
	}

	/** A version to append. */
	private record Line(UUID recordId, int versionNo, VersionKind kind, long subjectId, ValidRow row) {
	}

	private Map<UUID, Latest> latest(UUID[] ids) {
		Map<UUID, Latest> latest = new HashMap<>(ids.length * 2);
		jdbc.sql("""
				select distinct on (record_id) record_id, version_no, content_hash, kind, submission_id
				from record_version where record_id = any(cast(? as uuid[])) order by record_id, version_no desc""")
			.param(java.util.Arrays.stream(ids).map(UUID::toString).toArray(String[]::new))
			.query((rs, n) -> {
				long sub = rs.getLong("submission_id");
				Long submission = rs.wasNull() ? null : sub;
				return latest.put(rs.getObject("record_id", UUID.class), new Latest(rs.getInt("version_no"),
						rs.getBytes("content_hash"), rs.getString("kind"), submission));
			})
			.list();
		return latest;
	}

	static final String COPY_SQL = """
			copy record_version (record_id, version_no, kind, catalog_item, provider_id, subject_id, natural_key, payload,
			                     content_hash, decision_date, severity, reason, catalog_version_id, submission_id,
			                     agreement_id, self_declared, recorded_by, recorded_at)
			from stdin (format binary)""";

	/** The columns of {@link #COPY_SQL}. */
	private static final int COPY_COLUMNS = 18;

	/** How many bytes are handed to the driver at a time while a batch is streamed to the server. */
	private static final int COPY_CHUNK = 1 << 16;

	/**
	 * Streams the versions to the server with binary {@code COPY} (the history-independent columns were prepared
	 * while validating), so the server parses while the next lines are built, and parses no text but the JSON.
	 */
	private void copyIn(Context ctx, List<Line> lines, Instant now) {
		byte[] item = new CopyBuffer(32).textField(ctx.item().item().code()).int64Field(ctx.providerId()).toByteArray();
		byte[] created = suffix(ctx, null, now);
		byte[] resubmitted = suffix(ctx, "RESUBMITTED", now);
		byte[][] kinds = new byte[VersionKind.values().length][];
		for (VersionKind kind : VersionKind.values()) {
			kinds[kind.ordinal()] = new CopyBuffer(16).textField(kind.name()).toByteArray();
		}
		CopyBuffer out = new CopyBuffer(COPY_CHUNK + 4096).binaryHeader();
		Connection connection = DataSourceUtils.getConnection(dataSource);
		CopyIn copy = null;
		try {
			copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
			for (Line line : lines) {
				out.tuple(COPY_COLUMNS)
					.uuidField(line.recordId())
					.int32Field(line.versionNo())
					.put(kinds[line.kind().ordinal()])
					.put(item)
					.int64Field(line.subjectId())
					.put(line.row().copyColumns())
					.put(line.kind() == VersionKind.CHANGED ? resubmitted : created);
				if (out.size() >= COPY_CHUNK) {
					copy.writeToCopy(out.array(), 0, out.size());
					out.clear();
				}
			}
			out.binaryTrailer();
			copy.writeToCopy(out.array(), 0, out.size());
			copy.endCopy();
		}
		catch (SQLException e) {
			if (copy != null && copy.isActive()) {
				try {
					copy.cancelCopy();
				}
				catch (SQLException ignored) {
					// the transaction is rolled back anyway
				}
			}
			throw new IllegalStateException("Could not write record versions: " + e.getMessage(), e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	/** The fields after the history-independent ones: reason, catalog version, submission, agreement, … */
	private static byte[] suffix(Context ctx, String reason, Instant now) {
		return new CopyBuffer(128).textField(reason)
			.int64Field(ctx.item().catalogVersionId())
			.int64Field(ctx.submissionId())
			.int64Field(ctx.agreementId())
			.boolField(ctx.selfDeclared())
			.textField(ctx.recordedBy())
			.timestampField(now)
			.toByteArray();
	}

	/** Appends one version outside a submission (corrections, revocations), in the caller's transaction. */
	RecordVersionRef appendVersion(UUID recordId, VersionKind kind, String reason, ValidRow row, Context ctx,
			long subjectId, int versionNo) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into record_version (record_id, version_no, kind, catalog_item, provider_id, natural_key,
				    subject_id, payload, content_hash, decision_date, severity, reason, catalog_version_id,
				    submission_id, agreement_id, self_declared, recorded_by, recorded_at)
				values (:id, :no, :kind, :item, :provider, :key, :subject, cast(:payload as jsonb), :hash, :date,
				        :severity, :reason, :catalogVersion, null, :agreement, :self, :by, :at)""")
			.param("id", recordId)
			.param("no", versionNo)
			.param("kind", kind.name())
			.param("item", ctx.item().item().code())
			.param("provider", ctx.providerId())
			.param("key", row.naturalKey())
			.param("subject", subjectId)
			.param("payload", row.canonicalJson())
			.param("hash", row.contentHash())
			.param("date", row.decisionDate())
			.param("severity", row.severity())
			.param("reason", reason)
			.param("catalogVersion", ctx.item().catalogVersionId())
			.param("agreement", ctx.agreementId())
			.param("self", ctx.selfDeclared())
			.param("by", ctx.recordedBy())
			.param("at", Timestamp.from(now))
			.update();
		return new RecordVersionRef(recordId, versionNo, kind, ctx.item().item().code(), subjectId, ctx.providerId(),
				row.decisionDate(), row.severity());
	}
}
