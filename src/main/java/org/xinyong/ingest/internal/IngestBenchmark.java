package org.xinyong.ingest.internal;

import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.xinyong.access.Organisations;
import org.xinyong.ingest.FileSubmissions.FileStatus;
import org.xinyong.ingest.FileSubmissions.FileUpload;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -Xmx1g -jar target/xinyong.jar benchmark ingest N}: generates N 行政处罚 rows, loads them with a raw
 * {@code COPY} into an equivalent bare table (primary key and index), then through the platform's file path, then
 * (a second set) through the HTTP API, and reports rows/s of each in the same run.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.ingest.rows")
@Order(100)
class IngestBenchmark implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(IngestBenchmark.class);
	static final String DEMO_SYSTEM = "12640000MB1900051C";

	private final Environment environment;
	private final DataSource dataSource;
	private final FileSubmissionService files;
	private final Organisations organisations;
	private final ApplicationContext context;
	private final JsonMapper json;

	IngestBenchmark(Environment environment, DataSource dataSource, FileSubmissionService files, Organisations organisations,
			ApplicationContext context, JsonMapper json) {
		this.environment = environment;
		this.dataSource = dataSource;
		this.files = files;
		this.organisations = organisations;
		this.context = context;
		this.json = json;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int rows = environment.getRequiredProperty("xinyong.benchmark.ingest.rows", Integer.class);
		int apiRows = environment.getProperty("xinyong.benchmark.ingest.api-rows", Integer.class, Math.min(rows, 100_000));
		int warmUpRows = environment.getProperty("xinyong.benchmark.ingest.warm-up-rows", Integer.class,
				Math.min(rows / 5, 200_000));
		int smallBatchRows = environment.getProperty("xinyong.benchmark.ingest.warm-up-small-batch-rows", Integer.class,
				Math.min(rows / 10, 100_000));
		int smallBatchSize = environment.getProperty("xinyong.benchmark.ingest.warm-up-batch-size", Integer.class, 50);
		Path dir = Files.createTempDirectory("xinyong-bench");
		Path csv = dir.resolve("penalties.csv");
		new PenaltyRowGenerator(1, rows).writeCsv(csv, rows, 1);
		log.warn("Benchmark: {} rows generated ({} MB)", rows, Files.size(csv) / (1024 * 1024));

		// A running platform has compiled its ingestion code long before a large file arrives: a first, smaller file
		// (other decision numbers, other subjects) lets the JIT compile it, and is reported as the cold figure.
		double warmUpSeconds = 0;
		if (warmUpRows > 0) {
			Path warmUp = dir.resolve("warm-up.csv");
			new PenaltyRowGenerator(3, warmUpRows, 50_000_000).writeCsv(warmUp, warmUpRows, 30_000_000);
			warmUpSeconds = fileSubmission(warmUp);
			Files.deleteIfExists(warmUp);
			// Code that runs once per batch (transactions, statements, events) is called only a few hundred times
			// by such a file, too few for the JIT's optimising compiler; a running platform has called it many
			// thousand times. A second file in small batches calls it as often.
			if (smallBatchRows > 0) {
				Path small = dir.resolve("warm-up-small-batches.csv");
				new PenaltyRowGenerator(4, smallBatchRows, 70_000_000).writeCsv(small, smallBatchRows, 60_000_000);
				files.batchRows(smallBatchSize);
				try {
					double seconds = fileSubmission(small);
					log.warn("Benchmark: warm-up in batches of {} rows: {} s", smallBatchSize, seconds);
				}
				finally {
					files.batchRows(FileSubmissionService.BATCH_ROWS);
				}
				Files.deleteIfExists(small);
			}
			derivedWorkCaughtUp();
		}

		// The baseline is measured twice, before the file path and after it (once the derived work is done), and
		// their mean is the reference: a single raw COPY varied from 9 to 14 s between runs on this shared machine.
		// Each measured load starts from the same state and runs without autovacuum (see measured).
		double copyBefore = measured(() -> rawCopy(csv));
		long jitBefore = jitMillis();
		long gcBefore = gcMillis();
		double fileSeconds = measured(() -> fileSubmission(csv));
		double jitSeconds = (jitMillis() - jitBefore) / 1000.0;
		double gcSeconds = (gcMillis() - gcBefore) / 1000.0;
		double[] derived = derivedWorkCaughtUp();
		double ledgerSeconds = derived[0];
		double derivedSeconds = derived[1];
		double copyAfter = measured(() -> rawCopy(csv));
		double copySeconds = (copyBefore + copyAfter) / 2;
		double apiSeconds = apiSubmission(apiRows);

		double copyRate = rows / copySeconds;
		double fileRate = rows / fileSeconds;
		double apiRate = apiRows / apiSeconds;
		String report = String.format("""

				Ingestion benchmark (%s), %d rows of 行政处罚, max heap %d MB, %d cores
				| path | rows | seconds | rows/s | vs raw COPY |
				|---|---|---|---|---|
				| raw COPY into bare table (PK + index): mean of the two below | %d | %.1f | %.0f | 100%% |
				| … before the file path | %d | %.1f | %.0f | |
				| … after the file path and its derived work | %d | %.1f | %.0f | |
				| platform file path (CSV, validate, subjects, versions) | %d | %.1f | %.0f | %.0f%% |
				%s
				| platform HTTP API (JSON batches of 5,000) | %d | %.1f | %.0f | %.0f%% |

				The file path against each raw COPY alone: %.0f%% of the one before it, %.0f%% of the one after it.
				During the file path the JIT compilers worked %.1f s and the garbage collector %.1f s (JVM's own counters).

				Derived work (ledger leaves, website read model) deferred while the file loaded, caught up %.1f s
				after it finished (the ledger's leaves alone: %.1f s, beside the website projection): file path
				including that catch-up %.0f rows/s (%.0f%% of raw COPY).
				""", LocalDateTime.now().withNano(0), rows, Runtime.getRuntime().maxMemory() / (1024 * 1024),
				Runtime.getRuntime().availableProcessors(), rows, copySeconds, copyRate, rows, copyBefore,
				rows / copyBefore, rows, copyAfter, rows / copyAfter, rows, fileSeconds, fileRate,
				100 * fileRate / copyRate, warmUpRows == 0 ? "| (no warm-up file: the file path above ran on a cold JVM) | | | | |"
						: String.format("| the same, cold JVM: the warm-up file, first after start-up | %d | %.1f | %.0f | %.0f%% |",
								warmUpRows, warmUpSeconds, warmUpRows / warmUpSeconds,
								100 * warmUpRows / warmUpSeconds / copyRate),
				apiRows, apiSeconds, apiRate, 100 * apiRate / copyRate, 100 * copyBefore / fileSeconds,
				100 * copyAfter / fileSeconds, jitSeconds, gcSeconds, derivedSeconds, ledgerSeconds,
				rows / (fileSeconds + derivedSeconds), 100 * rows / (fileSeconds + derivedSeconds) / copyRate);
		System.out.println(report);
		Path out = Path.of("target", "benchmark-ingest.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		Files.deleteIfExists(csv);
		Files.deleteIfExists(dir);
	}

	/** Milliseconds the JIT compilers have worked in this JVM (summed over their threads). */
	private static long jitMillis() {
		var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
		return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
	}

	/** Milliseconds of garbage collection in this JVM (as its collectors count them). */
	private static long gcMillis() {
		long total = 0;
		for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}

	/** A measured load (the file path or a raw COPY). */
	private interface Load {
		double seconds() throws Exception;
	}

	/**
	 * Runs a measured load under the same conditions as the others: it starts when no autovacuum worker is running
	 * and runs with autovacuum off, so that no worker vacuuming the tables of earlier loads competes with one load
	 * and not another. (A checkpoint before each load was tried too: it made the file path, which adds to large
	 * existing indexes and so writes a full-page image of each page it first touches, 2–4 s slower, and did not
	 * change the raw COPY; a running platform is not usually just past a checkpoint.)
	 */
	private double measured(Load load) throws Exception {
		awaitNoAutovacuum();
		boolean superuser = !autovacuumSetBySystem() && settings("alter system set autovacuum = off");
		try {
			return load.seconds();
		}
		finally {
			if (superuser) {
				settings("alter system reset autovacuum");
			}
		}
	}

	/**
	 * True when a server's administrator has set autovacuum with ALTER SYSTEM: then the benchmark leaves it alone
	 * (resetting it after a load would drop their setting).
	 */
	private boolean autovacuumSetBySystem() {
		try (Connection c = dataSource.getConnection(); var s = c.createStatement();
				var rs = s.executeQuery("""
						select count(*) from pg_file_settings
						where name = 'autovacuum' and sourcefile like '%postgresql.auto.conf'""")) {
			rs.next();
			if (rs.getLong(1) > 0) {
				log.warn("Benchmark: autovacuum is set with ALTER SYSTEM on this server; measured with it as set");
				return true;
			}
			return false;
		}
		catch (java.sql.SQLException e) {
			return false; // pg_file_settings is for superusers: ALTER SYSTEM will be refused as well
		}
	}

	/** Changes a server setting (a superuser may, as on the embedded server); false, with a warning, when refused. */
	private boolean settings(String statement) {
		try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
			s.execute(statement);
			s.execute("select pg_reload_conf()");
			return true;
		}
		catch (java.sql.SQLException e) {
			log.warn("Benchmark: '{}' refused ({}); measured without it", statement, e.getMessage());
			return false;
		}
	}

	/** Waits (at most five minutes) until no autovacuum worker is active in the database. */
	private void awaitNoAutovacuum() throws Exception {
		long deadline = System.nanoTime() + 300_000_000_000L;
		try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
			while (System.nanoTime() < deadline) {
				try (var rs = s.executeQuery(
						"select count(*) from pg_stat_activity where backend_type = 'autovacuum worker'")) {
					rs.next();
					if (rs.getLong(1) == 0) {
						return;
					}
				}
				Thread.sleep(500);
			}
		}
		log.warn("Benchmark: an autovacuum worker was still running after five minutes");
	}

	private double rawCopy(Path csv) throws Exception {
		try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
			s.execute("""
					create table bench_bare_penalty (
					    subject_name text not null, subject_code text not null, legal_representative text,
					    decision_number text primary key, violation_type text, facts text, basis text,
					    penalty_type text not null, penalty_content text, fine_amount numeric, confiscated_amount numeric,
					    decision_date date not null, authority text, authority_code text, severity text not null,
					    source_unit text, source_unit_code text)""");
			s.execute("create index bench_bare_penalty_subject_idx on bench_bare_penalty (subject_code)");
			long start = System.nanoTime();
			try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
				c.unwrap(PGConnection.class)
					.getCopyAPI()
					.copyIn("copy bench_bare_penalty from stdin (format csv, header true)", in);
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			s.execute("drop table bench_bare_penalty");
			log.warn("Benchmark: raw COPY {} s", seconds);
			return seconds;
		}
	}

	private double fileSubmission(Path csv) throws Exception {
		var org = organisations.byCode(DEMO_SYSTEM).orElseThrow();
		long start = System.nanoTime();
		FileStatus status = files.accept(new FileUpload(org.id(), org.code(), "benchmark", "ADMIN_PENALTY",
				"benchmark-file-" + System.nanoTime(), "penalties.csv", StandardCharsets.UTF_8,
				Files.newInputStream(csv)));
		while (!status.status().equals("DONE") && !status.status().equals("FAILED")) {
			Thread.sleep(200);
			status = files.status(status.submissionId()).orElseThrow();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		if (status.status().equals("FAILED") || status.rejected() > 0) {
			throw new IllegalStateException("Benchmark file submission did not load cleanly: " + status);
		}
		log.warn("Benchmark: file path {} s, {} rows accepted", seconds, status.accepted());
		return seconds;
	}

	/**
	 * Waits until every event publication (ledger, website read model…) of the file's batches is complete.
	 *
	 * @return the seconds until the ledger's leaves were all appended, and until everything was done
	 */
	private double[] derivedWorkCaughtUp() throws Exception {
		long start = System.nanoTime();
		double ledger = -1;
		try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
			while (true) {
				try (var rs = s.executeQuery("""
						select count(*), count(*) filter (where listener_id like 'org.xinyong.ledger.%')
						from event_publication where completion_date is null""")) {
					rs.next();
					if (ledger < 0 && rs.getLong(2) == 0) {
						ledger = (System.nanoTime() - start) / 1e9;
					}
					if (rs.getLong(1) == 0) {
						break;
					}
				}
				Thread.sleep(200);
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		log.warn("Benchmark: derived work caught up {} s after the file path (ledger leaves {} s)", seconds, ledger);
		return new double[] { ledger, seconds };
	}

	private double apiSubmission(int rows) throws Exception {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String key = environment.getRequiredProperty("xinyong.demo.api-key");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		PenaltyRowGenerator generator = new PenaltyRowGenerator(2, rows);
		int batch = 5_000;
		long start = System.nanoTime();
		for (int done = 0; done < rows; done += batch) {
			List<Map<String, Object>> records = new ArrayList<>(batch);
			for (int i = done; i < Math.min(rows, done + batch); i++) {
				List<String> values = generator.row(10_000_000L + i);
				Map<String, Object> record = new LinkedHashMap<>();
				for (int k = 0; k < values.size(); k++) {
					if (!values.get(k).isEmpty()) {
						record.put(PenaltyRowGenerator.KEYS.get(k), values.get(k));
					}
				}
				records.add(record);
			}
			String body = json.writeValueAsString(Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey",
					"benchmark-api-" + done, "records", records));
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
					"http://127.0.0.1:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || !response.body().contains("\"rejected\":0")) {
				throw new IllegalStateException("API batch failed: " + response.statusCode() + " "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		log.warn("Benchmark: API {} s", seconds);
		return seconds;
	}
}
