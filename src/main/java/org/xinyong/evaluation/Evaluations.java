package org.xinyong.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.disclosure.PublicCreditInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.evaluation.internal.EvaluationEngine;
import org.xinyong.evaluation.internal.ModelValidator;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.SubjectType;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's public credit evaluation (art. 38), for the console, the website and other modules: the scoring
 * model versions, evaluation runs and their progress, each subject's latest grade with its explanation, and sector
 * departments' graded-supervision results. A grade is information: it never lists or punishes anyone by itself.
 */
@Service
public class Evaluations implements DisposableBean {

	static final String DEFAULT_MODEL = "evaluation/default-model.json";
	static final String SECTOR_ITEM = "CREDIT_EVALUATION";
	private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
	};

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final ModelValidator validator;
	private final EvaluationEngine engine;
	private final CreditSubjects subjects;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;
	private final PublicCreditInfo publicInfo;
	private final AtomicBoolean running = new AtomicBoolean();
	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "evaluation-run");
		t.setDaemon(true);
		return t;
	});

	Evaluations(JdbcClient jdbc, JsonMapper json, ModelValidator validator, EvaluationEngine engine,
			CreditSubjects subjects, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, PublicCreditInfo publicInfo) {
		this.publicInfo = publicInfo;
		this.jdbc = jdbc;
		this.json = json;
		this.validator = validator;
		this.engine = engine;
		this.subjects = subjects;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	// ---- models

	/** The model new runs use: the latest published version (the shipped default is version 1). */
	public ModelVersion currentModel() {
		return jdbc.sql("select * from evaluation_model order by version desc limit 1")
			.query(this::mapModel)
			.optional()
			.orElseGet(this::loadDefault);
	}

	public Optional<ModelVersion> model(int version) {
		return jdbc.sql("select * from evaluation_model where version = ?").param(version).query(this::mapModel).optional();
	}

	/** All versions, newest first (old versions are kept: past runs name theirs). */
	public List<ModelVersion> models() {
		currentModel();
		return jdbc.sql("select * from evaluation_model order by version desc").query(this::mapModel).list();
	}

	/** Validates and publishes a new model version, used by the next run; audited. */
	public ModelVersion publish(ScoringModel model, String note, String actor) {
		validator.validate(model);
		currentModel();
		return transactions.execute(tx -> {
			jdbc.sql("lock table evaluation_model in share row exclusive mode").update();
			int version = jdbc.sql("select coalesce(max(version), 0) + 1 from evaluation_model")
				.query(Integer.class)
				.single();
			insertModel(version, model, note, actor);
			audit.record(AuditEntry.of("EVALUATION_MODEL_PUBLISHED", AuditEntry.Outcome.SUCCESS,
					Map.of("version", version, "name", model.name(), "indicators", model.indicators().size())));
			return model(version).orElseThrow();
		});
	}

	/** Loads the shipped default model as version 1 when no model exists yet (first start). */
	ModelVersion loadDefault() {
		ScoringModel model;
		try (InputStream in = new ClassPathResource(DEFAULT_MODEL).getInputStream()) {
			model = json.readValue(in, ScoringModel.class);
		}
		catch (IOException e) {
			throw new IllegalStateException("cannot read " + DEFAULT_MODEL, e);
		}
		validator.validate(model);
		jdbc.sql("""
				insert into evaluation_model (version, name, definition, note, published_by, published_at)
				values (1, ?, cast(? as jsonb), ?, 'system', now()) on conflict (version) do nothing""")
			.params(model.name(), json.writeValueAsString(model), "shipped default (" + DEFAULT_MODEL + ")")
			.update();
		return model(1).orElseThrow();
	}

	private void insertModel(int version, ScoringModel model, String note, String actor) {
		jdbc.sql("""
				insert into evaluation_model (version, name, definition, note, published_by, published_at)
				values (?, ?, cast(? as jsonb), ?, ?, now())""")
			.params(version, model.name(), json.writeValueAsString(model), note, actor)
			.update();
	}

	private ModelVersion mapModel(ResultSet rs, int n) throws SQLException {
		return new ModelVersion(rs.getInt("version"), json.readValue(rs.getString("definition"), ScoringModel.class),
				rs.getString("note"), rs.getString("published_by"), rs.getTimestamp("published_at").toInstant());
	}

	// ---- runs

	/** Whether a run is in progress in this process. */
	public boolean running() {
		return running.get();
	}

	/**
	 * Starts a run of all subjects in the background with the current model ("run now" and the schedule).
	 *
	 * @param trigger {@code MANUAL} or {@code SCHEDULED}
	 * @return the new run's id
	 */
	public long start(String trigger, String actor) {
		ModelVersion model = currentModel();
		claim();
		AtomicLong created = new AtomicLong();
		Object signal = new Object();
		executor.execute(() -> {
			try {
				execute(model, trigger, actor, id -> {
					synchronized (signal) {
						created.set(id);
						signal.notifyAll();
					}
				});
			}
			catch (RuntimeException e) {
				synchronized (signal) {
					if (created.get() == 0) {
						created.set(-1);
					}
					signal.notifyAll();
				}
			}
		});
		synchronized (signal) {
			while (created.get() == 0) {
				try {
					signal.wait(1000);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		if (created.get() <= 0) {
			throw DomainException.conflict("EVALUATION_RUN_FAILED");
		}
		return created.get();
	}

	/** Runs an evaluation of all subjects now, in the caller's thread, and returns the finished run. */
	public EvaluationRun runNow(String trigger, String actor) {
		ModelVersion model = currentModel();
		claim();
		long id = execute(model, trigger, actor, x -> {
		});
		return run(id).orElseThrow();
	}

	private void claim() {
		if (!running.compareAndSet(false, true)) {
			throw DomainException.conflict("EVALUATION_RUN_IN_PROGRESS");
		}
	}

	private long execute(ModelVersion model, String trigger, String actor, java.util.function.LongConsumer created) {
		try {
			LocalDate asOf = LocalDate.ofInstant(clock.instant(), Zones.DISPLAY);
			long id = engine.run(new EvaluationEngine.Start(model.version(), model.model(), asOf, trigger, actor),
					runId -> {
						transactions.executeWithoutResult(tx -> audit.record(AuditEntry
							.of("EVALUATION_RUN_STARTED", AuditEntry.Outcome.SUCCESS,
									Map.of("run", runId, "modelVersion", model.version(), "trigger", trigger))
							.withActor(actor, null, null)));
						created.accept(runId);
					});
			announce(id, model.version());
			return id;
		}
		finally {
			running.set(false);
		}
	}

	/** Publishes {@link GradesChanged} for a finished run. */
	private void announce(long runId, int modelVersion) {
		Long previous = previousRun(runId);
		long changed = jdbc.sql("""
				select count(*) from evaluation_result r
				left join evaluation_result p on p.run_id = :previous and p.subject_id = r.subject_id
				where r.run_id = :run and p.grade is distinct from r.grade""")
			.param("previous", previous == null ? -1L : previous)
			.param("run", runId)
			.query(Long.class)
			.single();
		transactions.executeWithoutResult(tx -> events.publishEvent(new GradesChanged(runId, previous, modelVersion,
				changed)));
	}

	private Long previousRun(long runId) {
		return jdbc.sql("select max(run_id) from evaluation_run_progress where state = 'DONE' and run_id < ?")
			.param(runId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** The subjects whose grade in this run differs from the previous finished run. */
	public List<Long> changedSubjects(long runId) {
		Long previous = previousRun(runId);
		return jdbc.sql("""
				select r.subject_id from evaluation_result r
				left join evaluation_result p on p.run_id = :previous and p.subject_id = r.subject_id
				where r.run_id = :run and p.grade is distinct from r.grade order by r.subject_id""")
			.param("previous", previous == null ? -1L : previous)
			.param("run", runId)
			.query(Long.class)
			.list();
	}

	private static final String RUNS = """
			select r.*, p.state, p.processed, p.total, p.failure,
			       case when p.state <> 'RUNNING' then p.recorded_at end as finished_at
			from evaluation_run r
			join lateral (select * from evaluation_run_progress x where x.run_id = r.id order by seq desc limit 1) p on true
			""";

	/** The latest runs, newest first. */
	public List<EvaluationRun> runs(int limit) {
		return jdbc.sql(RUNS + " order by r.id desc limit ?").param(limit).query(Evaluations::run).list();
	}

	public Optional<EvaluationRun> run(long id) {
		return jdbc.sql(RUNS + " where r.id = ?").param(id).query(Evaluations::run).optional();
	}

	/** The latest finished run. */
	public Optional<EvaluationRun> latestRun() {
		return jdbc.sql("select max(run_id) from evaluation_run_progress where state = 'DONE'")
			.query(Long.class)
			.optional()
			.flatMap(this::run);
	}

	private static EvaluationRun run(ResultSet rs, int n) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		return new EvaluationRun(rs.getLong("id"), rs.getInt("model_version"), rs.getObject("as_of", LocalDate.class),
				rs.getTimestamp("data_cutoff").toInstant(), rs.getString("trigger"), rs.getString("started_by"),
				rs.getTimestamp("started_at").toInstant(), rs.getString("state"), rs.getLong("processed"),
				rs.getLong("total"), rs.getString("failure"), finished == null ? null : finished.toInstant());
	}

	// ---- results

	/**
	 * The subject's grade in the latest finished run: grade, score, run, model version, explanation. Empty when the
	 * subject was not evaluated yet (no finished run, or created since).
	 */
	public Optional<Grade> latestGrade(long subjectId) {
		return Optional.ofNullable(latestGrades(List.of(subjectId)).get(subjectId));
	}

	/**
	 * The latest grades of several subjects in one indexed query (the joint check asks for a whole round of checks on
	 * its hot path); the ungraded are absent.
	 */
	public Map<Long, Grade> latestGrades(java.util.Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Grade> out = new java.util.HashMap<>();
		// the published view latest_grade (migration V5_14) is the one definition of "latest completed run"
		jdbc.sql("select * from latest_grade where subject_id = any(?)")
			.params((Object) subjectIds.toArray(Long[]::new))
			.query(this::grade)
			.list()
			.forEach(g -> out.put(g.subjectId(), g));
		return out;
	}

	/**
	 * The latest grade when it is the best band of the model it was given under (e.g. A): the "good grade" ground of
	 * the reward list (art. 39). A grade never lists anyone by itself; an organisation confirms the entry.
	 */
	public Optional<Grade> topGrade(long subjectId) {
		return latestGrade(subjectId).filter(g -> model(g.modelVersion()).map(ModelVersion::model)
			.filter(m -> !m.grades().isEmpty() && m.grades().get(0).grade().equals(g.grade()))
			.isPresent());
	}

	/**
	 * The latest grade with its labelled explanation (indicator names, counts, points), for any subject — for the
	 * credit report; sector results are not included (they are records of their own there).
	 */
	public Optional<PublicEvaluation> explainedGrade(long subjectId) {
		return latestGrade(subjectId).map(g -> PublicEvaluation.of(g,
				model(g.modelVersion()).map(ModelVersion::model).orElse(null), List.of()));
	}

	/** The subject's grade in one run. */
	public Optional<Grade> grade(long subjectId, long runId) {
		return jdbc.sql("""
				select g.*, r.model_version, r.as_of from evaluation_result g join evaluation_run r on r.id = g.run_id
				where g.run_id = ? and g.subject_id = ?""")
			.params(runId, subjectId)
			.query(this::grade)
			.optional();
	}

	/** The subject's grades in every finished run, newest first (results are kept per run). */
	public List<Grade> history(long subjectId) {
		return jdbc.sql("""
				select g.*, r.model_version, r.as_of from evaluation_result g join evaluation_run r on r.id = g.run_id
				where g.subject_id = ? and g.run_id in (select run_id from evaluation_run_progress where state = 'DONE')
				order by g.run_id desc""")
			.param(subjectId)
			.query(this::grade)
			.list();
	}

	private Grade grade(ResultSet rs, int n) throws SQLException {
		List<Contribution> lines = new ArrayList<>();
		for (JsonNode c : json.readTree(rs.getString("explanation"))) {
			List<String> records = new ArrayList<>();
			c.path("records").forEach(r -> records.add(r.asString()));
			List<Long> entries = new ArrayList<>();
			c.path("listEntries").forEach(r -> entries.add(Long.parseLong(r.asString())));
			lines.add(new Contribution(c.get("indicator").asString(), c.get("points").asInt(), c.path("count").asInt(),
					records, entries));
		}
		return new Grade(rs.getLong("subject_id"), rs.getString("grade"), rs.getInt("score"), rs.getLong("run_id"),
				rs.getInt("model_version"), rs.getObject("as_of", LocalDate.class), lines);
	}

	/**
	 * What the credit website shows (art. 38): the latest grade with a short explanation (indicator and points, no
	 * record ids) and the sector results beside it that the website discloses (catalog openness and disclosure periods)
	 * — organisations only; natural persons are not shown publicly.
	 */
	public Optional<PublicEvaluation> publicEvaluation(long subjectId) {
		return publicEvaluation(subjects.byId(subjectId));
	}

	/** {@link #publicEvaluation(long)} by unified social credit code. */
	public Optional<PublicEvaluation> publicEvaluation(String code) {
		return code == null ? Optional.empty() : publicEvaluation(subjects.byCode(code.trim()));
	}

	private Optional<PublicEvaluation> publicEvaluation(Optional<CreditSubject> subject) {
		if (subject.isEmpty() || subject.get().type() != SubjectType.ORGANISATION) {
			return Optional.empty();
		}
		long subjectId = subject.get().id();
		Optional<Grade> grade = latestGrade(subjectId);
		// Sector results are the departments' records: shown publicly only when the catalog's openness and the
		// disclosure rules put them on the website (the platform's own grade is published under art. 38).
		java.util.Set<UUID> disclosed = publicInfo.subject(subject.get().code())
			.map(v -> v.groups()
				.values()
				.stream()
				.flatMap(List::stream)
				.map(org.xinyong.disclosure.PublicRecord::recordId)
				.collect(java.util.stream.Collectors.toSet()))
			.orElse(java.util.Set.of());
		List<SectorResult> sector = sectorResults(subjectId).stream()
			.filter(r -> disclosed.contains(r.recordId()))
			.toList();
		if (grade.isEmpty() && sector.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(PublicEvaluation.of(grade.orElse(null),
				grade.flatMap(g -> model(g.modelVersion())).map(ModelVersion::model).orElse(null), sector));
	}

	/**
	 * Sector departments' current graded-supervision results (catalog item {@code CREDIT_EVALUATION}, latest version
	 * of each record, not revoked, not past its {@code validTo}), newest first.
	 */
	public List<SectorResult> sectorResults(long subjectId) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), Zones.DISPLAY);
		return jdbc.sql("""
				select * from (select distinct on (record_id) record_id, kind, cast(payload as text) as payload
				               from record_version where subject_id = ? and catalog_item = ?
				               order by record_id, version_no desc) v
				where kind <> 'REVOKED'""")
			.params(subjectId, SECTOR_ITEM)
			.query((rs, n) -> sector(rs.getObject("record_id", UUID.class), rs.getString("payload")))
			.list()
			.stream()
			.filter(s -> s.validTo() == null || !s.validTo().isBefore(today))
			.sorted(java.util.Comparator.comparing(SectorResult::evaluatedOn,
					java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())))
			.toList();
	}

	private SectorResult sector(UUID id, String payload) {
		JsonNode p = json.readTree(payload);
		return new SectorResult(id, text(p, "evaluationScheme"), text(p, "evaluationName"), text(p, "evaluationPeriod"),
				text(p, "grade"), text(p, "gradeMeaning"), date(p, "evaluationDate"), date(p, "validTo"),
				text(p, "evaluator"));
	}

	private static String text(JsonNode p, String key) {
		JsonNode v = p.get(key);
		return v == null || v.isNull() ? null : v.asString();
	}

	private static LocalDate date(JsonNode p, String key) {
		String v = text(p, key);
		return v == null || v.isBlank() ? null : LocalDate.parse(v);
	}

	@Override
	public void destroy() {
		executor.shutdownNow();
	}
}
