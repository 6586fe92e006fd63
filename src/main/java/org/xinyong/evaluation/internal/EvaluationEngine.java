package org.xinyong.evaluation.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.evaluation.ScoringModel;
import org.xinyong.evaluation.ScoringModel.Indicator;

import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates all subjects set-based in PostgreSQL: per chunk of subject ids, one statement aggregates the matching
 * records per subject and indicator and inserts the chunk's results with their explanations. The whole run reads one
 * {@code REPEATABLE READ} snapshot (its data cut-off), exported to the worker connections, and commits its results
 * together at the end; progress rows are committed separately after every chunk so that the console can show them
 * while it runs. Readers only use results of runs whose last state is DONE.
 */
@Component
public class EvaluationEngine {

	private static final Logger log = LoggerFactory.getLogger(EvaluationEngine.class);

	/** Which records count for an indicator on the day: see docs/evaluation.md. */
	static final String CHUNK = """
			with ind as (
			    select * from jsonb_to_recordset(cast(:ind as jsonb)) as i(ord int, code text, source text, item text,
			        severity text, field text, vals jsonb, unless_field text, years int, sign int, points int, cap int)
			), hit as (
			    select d.subject_id, i.code, cast(d.record_id as text) as ref, d.decision_date as decided
			    from disclosed_record d
			    join ind i on i.source = 'RECORDS' and i.item = d.catalog_item
			    where d.subject_id >= :lo and d.subject_id < :hi
			      and d.shown and (d.shown_from is null or d.shown_from <= :day)
			      and (d.shown_until is null or d.shown_until > :day) and (d.ended_on is null or d.ended_on > :day)
			      and (i.severity is null or d.public_values ->> 'severity' = i.severity)
			      and (i.field is null or jsonb_exists(i.vals, d.public_values ->> i.field))
			      and (i.unless_field is null or coalesce(d.public_values ->> i.unless_field, '') = '')
			      and (i.years is null or d.decision_date > :day - make_interval(years => i.years))
			    union all
			    select e.subject_id, i.code, cast(e.id as text), e.effective_date
			    from list_entry e
			    join ind i on i.source = 'SERIOUS_DISHONESTY_LIST'
			    where e.subject_id >= :lo and e.subject_id < :hi and e.list_kind = 'SERIOUS_DISHONESTY'
			      and e.effective_date <= :day and e.planned_end >= :day
			      and not exists (select 1 from list_removal r where r.entry_id = e.id and r.removed_on <= :day)
			), per as (
			    select h.subject_id, i.ord, i.code, i.source, count(*) as n,
			           i.sign * least(count(*) * i.points, coalesce(i.cap, count(*) * i.points)) as points,
			           jsonb_agg(h.ref order by h.decided desc nulls last, h.ref) as refs
			    from hit h join ind i on i.code = h.code
			    group by h.subject_id, i.ord, i.code, i.source, i.sign, i.points, i.cap
			), scored as (
			    select s.id as subject_id, :base + coalesce(sum(p.points), 0) as score,
			           jsonb_build_array(jsonb_build_object('indicator', 'BASE', 'points', :base, 'count', 0))
			           || coalesce(jsonb_agg(jsonb_build_object('indicator', p.code, 'points', p.points, 'count', p.n,
			                  case when p.source = 'RECORDS' then 'records' else 'listEntries' end, p.refs) order by p.ord)
			                  filter (where p.code is not null), cast('[]' as jsonb)) as explanation
			    from credit_subject s left join per p on p.subject_id = s.id
			    where s.id >= :lo and s.id < :hi
			    group by s.id
			)
			insert into evaluation_result (run_id, subject_id, score, grade, explanation)
			select :run, c.subject_id, c.score,
			       (select g.grade from jsonb_to_recordset(cast(:grades as jsonb)) as g(ord int, grade text, min int)
			        where g.min is null or c.score >= g.min order by g.ord limit 1),
			       c.explanation
			from scored c""";

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final DataSource dataSource;
	private final TransactionTemplate separate;
	private final int chunkSize;
	private final int workers;
	private final ExecutorService pool;

	EvaluationEngine(JdbcClient jdbc, JsonMapper json, DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${xinyong.evaluation.chunk-size:50000}") int chunkSize,
			@Value("${xinyong.evaluation.workers:2}") int workers) {
		this.jdbc = jdbc;
		this.json = json;
		this.dataSource = dataSource;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.chunkSize = chunkSize;
		this.workers = Math.max(1, workers);
		this.pool = Executors.newCachedThreadPool(r -> {
			Thread t = new Thread(r, "evaluation-worker");
			t.setDaemon(true);
			return t;
		});
	}

	/** What a new run is: the model version, the trigger and who started it. */
	public record Start(int modelVersion, ScoringModel model, LocalDate asOf, String trigger, String startedBy) {
	}

	/**
	 * Runs an evaluation: creates the run (reported to {@code created} as soon as it is committed), evaluates every
	 * subject and records the final state. Returns the run id; a failure is recorded as state FAILED and rethrown.
	 * The chunks are shared by {@code xinyong.evaluation.workers} connections that all read the same exported
	 * snapshot; their results are committed together once every chunk is done (rolled back together otherwise).
	 */
	public long run(Start start, LongConsumer created) {
		long[] runId = { 0 };
		AtomicInteger seq = new AtomicInteger();
		AtomicLong processed = new AtomicLong();
		long[] total = { 0 };
		List<Connection> connections = new ArrayList<>();
		try {
			Connection main = open(connections);
			Map<String, Object> snapshot;
			try (Statement st = main.createStatement()) {
				st.execute("set transaction isolation level repeatable read");
				try (ResultSet rs = st.executeQuery("""
						select pg_export_snapshot() as snapshot, clock_timestamp() as cutoff,
						       (select count(*) from credit_subject) as n, (select min(id) from credit_subject) as lo,
						       (select max(id) from credit_subject) as hi""")) {
					rs.next();
					snapshot = Map.of("id", rs.getString("snapshot"), "cutoff", rs.getTimestamp("cutoff"), "n",
							rs.getLong("n"), "lo", rs.getLong("lo"), "hi", rs.getLong("hi"));
				}
			}
			total[0] = (Long) snapshot.get("n");
			runId[0] = separate.execute(t -> {
				long id = jdbc.sql("""
						insert into evaluation_run (model_version, as_of, data_cutoff, trigger, started_by, started_at)
						values (?, ?, ?, ?, ?, now()) returning id""")
					.params(start.modelVersion(), start.asOf(), snapshot.get("cutoff"), start.trigger(),
							start.startedBy())
					.query(Long.class)
					.single();
				progress(id, 0, "RUNNING", 0, total[0], null);
				return id;
			});
			created.accept(runId[0]);
			if (total[0] > 0) {
				for (int w = 1; w < workers; w++) {
					Connection c = open(connections);
					try (Statement st = c.createStatement()) {
						st.execute("set transaction isolation level repeatable read");
						st.execute("set transaction snapshot '" + snapshot.get("id") + "'");
					}
				}
				String indicators = indicators(start.model());
				String grades = grades(start.model());
				long lo = (Long) snapshot.get("lo");
				long hi = (Long) snapshot.get("hi");
				AtomicLong next = new AtomicLong(lo);
				List<CompletableFuture<Void>> running = new ArrayList<>();
				for (Connection c : connections) {
					running.add(CompletableFuture.runAsync(() -> {
						JdbcClient worker = JdbcClient.create(new SingleConnectionDataSource(c, true));
						long from;
						while ((from = next.getAndAdd(chunkSize)) <= hi) {
							int rows = worker.sql(CHUNK)
								.param("ind", indicators)
								.param("grades", grades)
								.param("base", start.model().baseScore())
								.param("day", start.asOf())
								.param("lo", from)
								.param("hi", Math.min(hi + 1, from + chunkSize))
								.param("run", runId[0])
								.update();
							long done = processed.addAndGet(rows);
							int n = seq.incrementAndGet();
							separate.executeWithoutResult(t -> progress(runId[0], n, "RUNNING", done, total[0], null));
						}
					}, pool));
				}
				CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
			}
			for (Connection c : connections) {
				c.commit();
			}
		}
		catch (RuntimeException | SQLException e) {
			Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
					? e.getCause() : e;
			log.error("Evaluation run {} failed", runId[0], cause);
			rollback(connections);
			if (runId[0] != 0) {
				long id = runId[0];
				separate.executeWithoutResult(t -> progress(id, seq.get() + 1, "FAILED", processed.get(), total[0],
						String.valueOf(cause.getMessage())));
			}
			throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
		}
		finally {
			close(connections);
		}
		long id = runId[0];
		separate.executeWithoutResult(t -> progress(id, seq.get() + 1, "DONE", processed.get(), total[0], null));
		return id;
	}

	private Connection open(List<Connection> connections) throws SQLException {
		Connection c = dataSource.getConnection();
		connections.add(c);
		c.setAutoCommit(false);
		return c;
	}

	private static void rollback(List<Connection> connections) {
		for (Connection c : connections) {
			try {
				c.rollback();
			}
			catch (SQLException e) {
				log.warn("rollback failed", e);
			}
		}
	}

	private static void close(List<Connection> connections) {
		for (Connection c : connections) {
			try {
				c.setAutoCommit(true);
				c.close();
			}
			catch (SQLException e) {
				log.warn("closing a connection failed", e);
			}
		}
	}

	/** Marks runs left RUNNING by a stopped process as FAILED (their results were never committed). */
	public int failInterrupted() {
		return jdbc.sql("""
				insert into evaluation_run_progress (run_id, seq, state, processed, total, failure, recorded_at)
				select p.run_id, p.seq + 1, 'FAILED', p.processed, p.total, 'interrupted (platform stopped)', now()
				from (select distinct on (run_id) * from evaluation_run_progress order by run_id, seq desc) p
				where p.state = 'RUNNING'""").update();
	}

	private void progress(long runId, int seq, String state, long processed, long total, String failure) {
		jdbc.sql("""
				insert into evaluation_run_progress (run_id, seq, state, processed, total, failure, recorded_at)
				values (?, ?, ?, ?, ?, ?, now())""")
			.params(runId, seq, state, processed, total, failure)
			.update();
	}

	private String indicators(ScoringModel model) {
		List<Map<String, Object>> rows = new ArrayList<>();
		int ord = 0;
		for (Indicator i : model.indicators()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("ord", ord++);
			row.put("code", i.code());
			row.put("source", i.source());
			row.put("item", i.catalogItem());
			row.put("severity", i.severity());
			row.put("field", i.field());
			row.put("vals", i.values());
			row.put("unless_field", i.unlessField());
			row.put("years", i.years());
			row.put("sign", i.sign());
			row.put("points", i.points());
			row.put("cap", i.maxPoints());
			rows.add(row);
		}
		return json.writeValueAsString(rows);
	}

	private String grades(ScoringModel model) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int k = 0; k < model.grades().size(); k++) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("ord", k);
			row.put("grade", model.grades().get(k).grade());
			row.put("min", model.grades().get(k).minScore());
			rows.add(row);
		}
		return json.writeValueAsString(rows);
	}

}
