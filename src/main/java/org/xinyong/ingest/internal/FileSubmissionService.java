package org.xinyong.ingest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.Templates;
import org.xinyong.ingest.BulkLoads;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.FileSubmissions;
import org.xinyong.ingest.RowError;
import org.xinyong.platform.DomainException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * File submissions: the upload is stored, then a background job streams it in batches. Each batch commits with
 * its counts, so progress is visible and a restart resumes after the last committed batch. While one batch is
 * written, the next is read and validated.
 */
@Service
class FileSubmissionService implements FileSubmissions, BulkLoads {

	private static final Logger log = LoggerFactory.getLogger(FileSubmissionService.class);
	static final int BATCH_ROWS = 5_000;

	/**
	 * Rows per batch: {@link #BATCH_ROWS}, except while the ingest benchmark warms the JIT up with small batches (so
	 * that code run once per batch is compiled, as in a platform that has been running for a while).
	 */
	private volatile int batchRows = BATCH_ROWS;

	private final IngestSupport support;
	private final SubmissionLedger ledger;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final TransactionTemplate tx;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;
	private final MessageSource messages;
	private final IngestProperties properties;
	private final TabularReaders readers;
	private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> daemon(r, "ingest-file-job"));
	/** Writes the parts' batches; each part has at most one batch in flight, in its own transaction. */
	private final ExecutorService writer;
	/** Guards {@link #loading}: the number of file jobs being processed. */
	private final Object loads = new Object();
	private int loading;

	FileSubmissionService(IngestSupport support, SubmissionLedger ledger, JdbcClient jdbc, JsonMapper json,
			TransactionTemplate tx, ApplicationEventPublisher events, AuditLog audit, MessageSource messages,
			IngestProperties properties, TabularReaders readers) {
		this.support = support;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.json = json;
		this.tx = tx;
		this.events = events;
		this.audit = audit;
		this.messages = messages;
		this.properties = properties;
		this.readers = readers;
		java.util.concurrent.atomic.AtomicInteger threads = new java.util.concurrent.atomic.AtomicInteger();
		this.writer = Executors.newFixedThreadPool(properties.fileWriters(),
				r -> daemon(r, "ingest-file-writer-" + threads.incrementAndGet()));
	}

	private static Thread daemon(Runnable r, String name) {
		Thread t = new Thread(r, name);
		t.setDaemon(true);
		return t;
	}

	/** For the ingest benchmark's warm-up only: the rows per batch of the files that start being read from now on. */
	void batchRows(int rows) {
		if (rows < 1) {
			throw new IllegalArgumentException("rows per batch must be positive: " + rows);
		}
		this.batchRows = rows;
	}

	@Override
	public FileStatus accept(FileUpload upload) throws IOException {
		if (upload.submissionKey() == null || upload.submissionKey().isBlank() || upload.submissionKey().length() > 200) {
			throw DomainException.badRequest("SUBMISSION_KEY_REQUIRED");
		}
		var plan = support.plan(upload.organisationId(), upload.organisationCode(), upload.catalogItem());
		Path dir = properties.uploadDir().toAbsolutePath();
		Files.createDirectories(dir);
		Path temp = dir.resolve("incoming-" + UUID.randomUUID());
		long size;
		try (var in = upload.content()) {
			size = Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
		}
		if (size == 0) {
			Files.deleteIfExists(temp);
			throw DomainException.badRequest("FILE_EMPTY");
		}
		String key = upload.submissionKey().strip();
		Optional<Long> opened = tx.execute(status -> {
			Optional<Long> id = ledger.open(upload.organisationId(), upload.organisationCode(), key,
					plan.item().item().code(), "FILE", upload.actor(), plan.selfDeclaration(), "QUEUED");
			id.ifPresent(submissionId -> {
				Path target = dir.resolve(submissionId + extension(upload.fileName()));
				try {
					Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (IOException e) {
					throw new IllegalStateException("Could not store the uploaded file", e);
				}
				jdbc.sql("""
						update submission set file_name = ?, file_path = ?, file_charset = ?, file_bytes = ?
						where id = ?""")
					.params(safeName(upload.fileName()), target.toString(),
							upload.declaredCharset() == null ? null : upload.declaredCharset().name(), size, submissionId)
					.update();
			});
			return id;
		});
		if (opened.isEmpty()) {
			Files.deleteIfExists(temp);
			var existing = ledger.existing(upload.organisationId(), key);
			if (!existing.catalogItem().equals(plan.item().item().code()) || !existing.channel().equals("FILE")) {
				throw DomainException.conflict("SUBMISSION_KEY_REUSED", key);
			}
			return status(existing.id()).orElseThrow();
		}
		audit.record(AuditEntry.of("SUBMISSION_FILE_RECEIVED", AuditEntry.Outcome.SUCCESS,
				Map.of("submissionId", opened.get(), "catalogItem", plan.item().item().code(), "fileName",
						safeName(upload.fileName()), "bytes", size)));
		schedule(opened.get());
		return status(opened.get()).orElseThrow();
	}

	/** Picks up files that were queued or running when the platform stopped. */
	@EventListener(ApplicationReadyEvent.class)
	void onReady(ApplicationReadyEvent event) {
		if (event.getApplicationContext().getEnvironment().getProperty("xinyong.command") == null) {
			resumeUnfinished();
		}
	}

	void resumeUnfinished() {
		jdbc.sql("select id from submission where channel = 'FILE' and status in ('QUEUED', 'RUNNING') order by id")
			.query(Long.class)
			.list()
			.forEach(id -> {
				log.info("Resuming file submission {}", id);
				schedule(id);
			});
	}

	void schedule(long submissionId) {
		jobs.submit(() -> {
			loadStarted();
			try {
				process(submissionId);
			}
			catch (RuntimeException e) {
				log.error("File submission {} failed", submissionId, e);
			}
			finally {
				loadFinished();
			}
		});
	}

	void loadStarted() {
		synchronized (loads) {
			loading++;
		}
	}

	void loadFinished() {
		synchronized (loads) {
			loading--;
			loads.notifyAll();
		}
	}

	@Override
	public boolean running() {
		synchronized (loads) {
			return loading > 0;
		}
	}

	@Override
	public void awaitIdle() throws InterruptedException {
		long deadline = System.nanoTime() + properties.derivedWorkMaxDelay().toNanos();
		synchronized (loads) {
			long left;
			while (loading > 0 && (left = deadline - System.nanoTime()) > 0) {
				loads.wait(Math.max(1, left / 1_000_000));
			}
		}
	}

	private record Job(long id, long organisationId, String organisationCode, String item, String actor, Path path,
			String fileName, Charset charset, long rowsDone) {
	}

	/**
	 * The rows of one part waiting to be written: validated as they are read (only their valid form, or their
	 * errors, is kept), with their cells as submitted, packed.
	 */
	private static final class PartBuffer {

		final IngestSupport.BatchValidation validation;
		final Map<Long, byte[]> cells = new HashMap<>();
		int count;
		/** The position (data rows from 1) of the last row added: the part's resume point once written. */
		long lastSeen;

		PartBuffer(IngestSupport.Plan plan) {
			validation = new IngestSupport.BatchValidation(plan, Map.of());
		}
	}

	/**
	 * The part that writes a row: a fixed share of subject codes (compared without blanks and case), so that the
	 * subjects, names and records of the parts hardly ever meet and the parts' connections do not wait on each other.
	 * {@link String#hashCode()} is specified, so a resumed file assigns every row to the same part again.
	 */
	static int part(String subjectCode, int parts) {
		String code = parts <= 1 ? null : RowValidator.clean(subjectCode);
		if (code == null) {
			return 0;
		}
		StringBuilder key = new StringBuilder(code.length());
		for (int i = 0; i < code.length(); i++) {
			char c = code.charAt(i);
			if (!Character.isWhitespace(c) && c != '\u3000') {
				key.append(Character.toUpperCase(c));
			}
		}
		return Math.floorMod(key.toString().hashCode(), parts);
	}

	/**
	 * The resume point of each part (see {@code submission_part}). A file started before parts existed, or not
	 * started yet, gets {@code xinyong.ingest.file-writers} parts that all resume after its committed prefix.
	 */
	private long[] resumePoints(Job job) {
		Map<Integer, Long> stored = new HashMap<>();
		jdbc.sql("select part, rows_done from submission_part where submission_id = ?")
			.param(job.id())
			.query((rs, n) -> stored.put(rs.getInt(1), rs.getLong(2)))
			.list();
		if (stored.isEmpty()) {
			int parts = properties.fileWriters();
			tx.executeWithoutResult(s -> {
				for (int p = 0; p < parts; p++) {
					jdbc.sql("""
							insert into submission_part (submission_id, part, rows_done) values (?, ?, ?)
							on conflict do nothing""").params(job.id(), p, job.rowsDone()).update();
				}
			});
			long[] done = new long[parts];
			java.util.Arrays.fill(done, job.rowsDone());
			return done;
		}
		long[] done = new long[stored.size()];
		stored.forEach((p, rows) -> done[p] = rows);
		return done;
	}

	private void process(long submissionId) {
		Job job = jdbc.sql("""
				select id, organisation_id, organisation_code, catalog_item, submitted_by, file_path, file_name,
				       file_charset, rows_read
				from submission where id = ?""")
			.param(submissionId)
			.query((rs, n) -> new Job(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					Path.of(rs.getString(6)), rs.getString(7),
					rs.getString(8) == null ? null : Charset.forName(rs.getString(8)), rs.getLong(9)))
			.single();
		tx.executeWithoutResult(s -> ledger.status(submissionId, "RUNNING"));
		Future<?>[] pending = new Future<?>[0];
		try (TabularReader reader = readers.open(job.path(), job.fileName(), job.charset())) {
			var plan = support.plan(job.organisationId(), job.organisationCode(), job.item());
			List<String> headers = reader.headers();
			String[] keys = columnKeys(plan.item().item().fields(), headers);
			jdbc.sql("update submission set file_headers = cast(? as jsonb) where id = ?")
				.params(json.writeValueAsString(headers), submissionId)
				.update();
			long[] done = resumePoints(job);
			int parts = done.length;
			pending = new Future<?>[parts];
			int batchRows = this.batchRows; // fixed for the whole file
			// Each part first writes its batches as new records, until one batch meets an existing record.
			boolean[] assumeNew = new boolean[parts];
			java.util.Arrays.fill(assumeNew, true);
			PartBuffer[] buffers = new PartBuffer[parts];
			for (int p = 0; p < parts; p++) {
				buffers[p] = new PartBuffer(plan);
			}
			long seen = 0;
			Map<String, String> values = new HashMap<>(keys.length * 2);
			int subjectColumn = java.util.Arrays.asList(keys).indexOf(plan.item().item().subjectCodeField().key());
			TabularReader.Row row;
			while ((row = reader.next()) != null) {
				if (isKeyRow(row.cells(), keys)) {
					continue; // the template's second header row (field keys)
				}
				seen++;
				List<String> c = row.cells();
				int p = part(subjectColumn >= 0 && subjectColumn < c.size() ? c.get(subjectColumn) : null, parts);
				if (seen <= done[p]) {
					continue;
				}
				PartBuffer buffer = buffers[p];
				values.clear(); // read only while the row is validated
				for (int i = 0; i < keys.length && i < c.size(); i++) {
					values.put(keys[i], c.get(i));
				}
				RowError refused = null;
				if (c.size() > keys.length) {
					for (int i = keys.length; i < c.size(); i++) {
						if (c.get(i) != null && !c.get(i).isBlank()) {
							refused = new RowError(row.rowNumber(), null, "ROW_TOO_MANY_CELLS",
									List.of(String.valueOf(c.size()), String.valueOf(keys.length)));
							break;
						}
					}
				}
				if (subjectColumn >= 0 && subjectColumn < c.size()
						&& Templates.EXAMPLE_SUBJECT_CODE.equals(RowValidator.clean(c.get(subjectColumn)))) {
					refused = new RowError(row.rowNumber(), keys[subjectColumn], "TEMPLATE_EXAMPLE_ROW", List.of());
				}
				if (refused != null) {
					buffer.validation.preReject(row.rowNumber(), refused);
				}
				buffer.validation.add(row.rowNumber(), values);
				buffer.cells.put(row.rowNumber(), PackedCells.pack(c));
				buffer.count++;
				buffer.lastSeen = seen;
				if (buffer.count >= batchRows) {
					pending[p] = flush(plan, job, p, parts, buffer, reader.bytesRead(), pending[p], assumeNew);
					buffers[p] = new PartBuffer(plan);
				}
			}
			for (int p = 0; p < parts; p++) {
				pending[p] = flush(plan, job, p, parts, buffers[p], reader.totalBytes(), pending[p], assumeNew);
			}
			for (Future<?> f : pending) {
				await(f);
			}
			tx.executeWithoutResult(s -> {
				ledger.status(submissionId, "DONE");
				var result = ledger.result(submissionId, false, 0);
				audit.record(AuditEntry.of("SUBMISSION", AuditEntry.Outcome.SUCCESS,
						Map.of("submissionId", submissionId, "catalogItem", job.item(), "channel", "FILE", "created",
								result.created(), "changed", result.changed(), "rejected", result.rejected()))
					.withActor(job.actor(), job.organisationId(), job.organisationCode()));
			});
		}
		catch (DomainException e) {
			awaitQuietly(pending);
			fail(job, e.code(), java.util.Arrays.stream(e.args()).map(String::valueOf).toList());
		}
		catch (Exception e) {
			awaitQuietly(pending);
			log.error("File submission {} could not be processed", submissionId, e);
			fail(job, "FILE_PROCESSING_FAILED", List.of(String.valueOf(e.getMessage())));
		}
	}

	/** Lets the other parts' batches in flight finish (or fail) before the submission is marked as failed. */
	private static void awaitQuietly(Future<?>[] pending) {
		for (Future<?> f : pending) {
			try {
				await(f);
			}
			catch (RuntimeException e) {
				// reported by the part that failed first
			}
		}
	}

	private void fail(Job job, String code, List<String> args) {
		tx.executeWithoutResult(s -> {
			ledger.fail(job.id(), code, args);
			audit.record(AuditEntry.of("SUBMISSION", AuditEntry.Outcome.FAILURE,
					Map.of("submissionId", job.id(), "catalogItem", job.item(), "channel", "FILE", "code", code))
				.withActor(job.actor(), job.organisationId(), job.organisationCode()));
		});
	}

	/** How often a part's batch is tried again after it met another part's uncommitted rows (see {@link #part}). */
	static final int RETRIES = 5;

	/**
	 * Hands one part's batch (validated as it was read) to a writer once the part's previous batch is written. Each
	 * batch commits with its counts and its part's resume point.
	 */
	private Future<?> flush(IngestSupport.Plan plan, Job job, int part, int parts, PartBuffer buffer, long bytesRead,
			Future<?> previous, boolean[] assumeNew) {
		if (buffer.count == 0) {
			return previous;
		}
		long started = System.nanoTime();
		IngestSupport.Validated validated = buffer.validation.finish();
		long validatedAt = System.nanoTime();
		Map<Long, byte[]> cells = buffer.cells;
		Map<Long, Object> rejectedCells = new HashMap<>();
		for (Long r : validated.errorsByRow().keySet()) {
			rejectedCells.put(r, PackedCells.unpack(cells.get(r)));
		}
		int count = buffer.count;
		long rowsDone = buffer.lastSeen;
		await(previous);
		long waited = System.nanoTime();
		return writer.submit(() -> {
			long begun = System.nanoTime();
			long[] w = new long[3]; // when the versions, the event and the counts were written (debug timings)
			for (int attempt = 1;; attempt++) {
				try {
					tx.executeWithoutResult(s -> {
						// A batch commits together with its part's resume point, so if a crash loses the last batches,
						// the resumed job simply writes them again: waiting for each batch's WAL flush buys nothing here.
						jdbc.sql("set local synchronous_commit = off").update();
						IngestSupport.BatchOutcome outcome = support.write(plan, job.id(), job.actor(), validated,
								parts > 1, assumeNew[part]);
						if (outcome.metExisting()) {
							assumeNew[part] = false; // this part's rows are not all new: look up from now on
						}
						w[0] = System.nanoTime();
						Map<Long, Object> rejected = new HashMap<>(rejectedCells);
						for (Long r : outcome.errorsByRow().keySet()) {
							rejected.computeIfAbsent(r, k -> PackedCells.unpack(cells.get(k)));
						}
						ledger.reject(job.id(), outcome.errorsByRow(), rejected);
						if (!outcome.written().isEmpty()) {
							events.publishEvent(new CreditRecordsChanged(job.id(), outcome.written()));
						}
						w[1] = System.nanoTime();
						// last, as the submission row is shared by the parts: held only until the commit
						jdbc.sql("update submission_part set rows_done = ? where submission_id = ? and part = ?")
							.params(rowsDone, job.id(), part)
							.update();
						ledger.addCounts(job.id(), count, bytesRead, outcome.created(), outcome.changed(),
								outcome.unchanged(), outcome.rejectedRows());
						w[2] = System.nanoTime();
					});
					break;
				}
				catch (RuntimeException e) {
					if (attempt >= RETRIES || !metAnotherPart(e)) {
						throw e;
					}
					log.info("File submission {} part {}: batch tried again after {}", job.id(), part, e.getMessage());
				}
			}
			if (log.isDebugEnabled()) {
				log.debug("file batch {} (part {}): finish validation {} ms, wait {} ms | write {} ms, event {} ms, counts {} ms, "
						+ "commit {} ms", count, part, (validatedAt - started) / 1_000_000,
						(waited - validatedAt) / 1_000_000, (w[0] - begun) / 1_000_000, (w[1] - w[0]) / 1_000_000,
						(w[2] - w[1]) / 1_000_000, (System.nanoTime() - w[2]) / 1_000_000);
			}
		});
	}

	/**
	 * True when a batch failed because another part wrote the same record or subject at the same time: a unique
	 * violation (the record's version number was taken) or a deadlock. Tried again, the batch sees the other part's
	 * committed rows (a duplicate record is then rejected as {@code DUPLICATE_IN_SUBMISSION}).
	 */
	static boolean metAnotherPart(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql
					&& ("23505".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

	private static void await(Future<?> future) {
		if (future == null) {
			return;
		}
		try {
			future.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", e);
		}
		catch (java.util.concurrent.ExecutionException e) {
			if (e.getCause() instanceof RuntimeException r) {
				throw r;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private static boolean isKeyRow(List<String> cells, String[] keys) {
		if (cells.size() < keys.length) {
			return false;
		}
		for (int i = 0; i < keys.length; i++) {
			if (!keys[i].equals(RowValidator.clean(cells.get(i)))) {
				return false;
			}
		}
		return true;
	}

	/** Maps each column to a field by key, Chinese label or English label; unknown or missing columns refuse the file. */
	static String[] columnKeys(List<FieldSchema> fields, List<String> headers) {
		Map<String, String> lookup = new HashMap<>();
		Map<String, String> shortLabels = new HashMap<>();
		for (FieldSchema f : fields) {
			lookup.put(norm(f.key()), f.key());
			lookup.put(norm(f.label()), f.key());
			if (f.labelEn() != null) {
				lookup.put(norm(f.labelEn()), f.key());
			}
			// "统一社会信用代码（自然人为身份证件号码）" may arrive as "统一社会信用代码"
			String bare = norm(f.label().replaceAll("[（(][^）)]*[）)]", ""));
			shortLabels.merge(bare, f.key(), (a, b) -> "");
		}
		shortLabels.forEach((label, key) -> {
			if (!key.isEmpty()) {
				lookup.putIfAbsent(label, key);
			}
		});
		String[] keys = new String[headers.size()];
		List<String> unknown = new ArrayList<>();
		for (int i = 0; i < headers.size(); i++) {
			String key = lookup.get(norm(headers.get(i)));
			if (key == null) {
				unknown.add(headers.get(i));
			}
			keys[i] = key;
		}
		if (!unknown.isEmpty()) {
			throw DomainException.unprocessable("FILE_COLUMNS_UNKNOWN", String.join("、", unknown));
		}
		List<String> present = java.util.Arrays.asList(keys);
		List<String> missing = fields.stream()
			.filter(f -> f.required() && !present.contains(f.key()))
			.map(FieldSchema::label)
			.toList();
		if (!missing.isEmpty()) {
			throw DomainException.unprocessable("FILE_COLUMNS_MISSING", String.join("、", missing));
		}
		return keys;
	}

	private static String norm(String s) {
		return s == null ? "" : s.replaceAll("[\\s\\u3000]", "").toLowerCase(Locale.ROOT);
	}

	@Override
	public Optional<FileStatus> status(long submissionId) {
		return jdbc.sql(STATUS + " where id = ? and channel = 'FILE'").param(submissionId).query(this::map).optional();
	}

	@Override
	public List<FileStatus> recent(Long organisationId, int limit) {
		if (organisationId == null) {
			return jdbc.sql(STATUS + " where channel = 'FILE' order by id desc limit ?").param(limit).query(this::map).list();
		}
		return jdbc.sql(STATUS + " where channel = 'FILE' and organisation_id = ? order by id desc limit ?")
			.params(organisationId, limit)
			.query(this::map)
			.list();
	}

	private static final String STATUS = """
			select id, organisation_id, catalog_item, file_name, status, file_bytes, bytes_read, rows_read, accepted,
			       rejected, created, changed, unchanged, failure_code, failure_args::text as failure_args,
			       submitted_by, submitted_at, finished_at
			from submission""";

	private FileStatus map(ResultSet rs, int n) throws SQLException {
		long total = rs.getLong("file_bytes");
		String status = rs.getString("status");
		double progress = "DONE".equals(status) ? 1.0 : total <= 0 ? 0 : Math.min(1.0, (double) rs.getLong("bytes_read") / total);
		String args = rs.getString("failure_args");
		var finished = rs.getTimestamp("finished_at");
		return new FileStatus(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("catalog_item"),
				rs.getString("file_name"), status, progress, rs.getLong("rows_read"), rs.getLong("accepted"),
				rs.getLong("rejected"), rs.getLong("created"), rs.getLong("changed"), rs.getLong("unchanged"),
				rs.getString("failure_code"),
				args == null ? List.of() : json.readValue(args, new TypeReference<List<String>>() {
				}), rs.getString("submitted_by"), rs.getTimestamp("submitted_at").toInstant(),
				finished == null ? null : finished.toInstant());
	}

	@Override
	public void writeRejected(long submissionId, RejectedFormat format, OutputStream out) throws IOException {
		Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
		String headersJson = jdbc.sql("select coalesce(file_headers::text, '[]') from submission where id = ?")
			.param(submissionId)
			.query(String.class)
			.single();
		List<String> headers = json.readValue(headersJson, new TypeReference<List<String>>() {
		});
		try (RejectedRowsExport export = readers.rejectedExport(format, headers, out)) {
			jdbc.sql("select row_no, errors::text, cells::text from submission_rejection where submission_id = ? order by row_no")
				.param(submissionId)
				.query(rs -> {
					long rowNo = rs.getLong(1);
					List<Map<String, Object>> errors = json.readValue(rs.getString(2),
							new TypeReference<List<Map<String, Object>>>() {
							});
					List<String> codes = new ArrayList<>();
					List<String> texts = new ArrayList<>();
					for (Map<String, Object> e : errors) {
						String code = (String) e.get("code");
						@SuppressWarnings("unchecked")
						List<Object> args = (List<Object>) e.get("args");
						codes.add(code);
						texts.add(messages.getMessage("error." + code, args.toArray(), code, locale));
					}
					List<String> cells = json.readValue(rs.getString(3), new TypeReference<List<String>>() {
					});
					try {
						export.row(rowNo, cells, String.join("; ", codes), String.join("；", texts));
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
				});
		}
	}

	@PreDestroy
	void stop() {
		jobs.shutdownNow();
		writer.shutdownNow();
	}

	private static String extension(String name) {
		String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
		int dot = n.lastIndexOf('.');
		String ext = dot < 0 ? "" : n.substring(dot);
		return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".bin";
	}

	private static String safeName(String name) {
		if (name == null || name.isBlank()) {
			return "upload";
		}
		String base = Path.of(name.replace('\\', '/')).getFileName().toString();
		return base.length() > 200 ? base.substring(0, 200) : base;
	}
}
