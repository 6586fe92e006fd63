package org.xinyong.jointcheck;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.audit.ChainHead;
import org.xinyong.calendar.WorkingDays;
import org.xinyong.catalog.CatalogVersionPublished;
import org.xinyong.catalog.Catalogs;
import org.xinyong.jointcheck.CheckAnswer.AppliedMeasure;
import org.xinyong.jointcheck.CheckAnswer.RecordSummary;
import org.xinyong.jointcheck.internal.Batcher;
import org.xinyong.jointcheck.internal.CheckWriter;
import org.xinyong.jointcheck.internal.GenericPlan;
import org.xinyong.lists.ListEntry;
import org.xinyong.lists.ListStanding;
import org.xinyong.lists.RewardEntry;
import org.xinyong.lists.Standing;
import org.xinyong.measures.ListTarget;
import org.xinyong.measures.Matter;
import org.xinyong.measures.Measure;
import org.xinyong.measures.MeasureLists;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.platform.TimeOrderedIds;
import org.xinyong.platform.Zones;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.Identifiers;

import tools.jackson.databind.json.JsonMapper;

/**
 * The joint reward and punishment check (art. 34, 46, 47). A check reads the subject's list entries and currently
 * disclosed dishonesty records, picks the measures in force that apply to them and to the matter, stores the answer
 * and audits it (action {@value #ACTION}, so the subject sees it among the reads about it, art. 50).
 */
@Service
public class JointChecks implements DisposableBean {

	/** Contains {@code READ}: listed on the subject's "who queried me" page. */
	public static final String ACTION = "JOINT_CHECK_READ";
	public static final String FEEDBACK_ACTION = "JOINT_CHECK_FEEDBACK";
	static final int REFERENCE_LIMIT = 200;
	static final int RECORD_LIMIT = 50;
	/** At most this many checks are read in one round of queries. */
	static final int READ_BATCH = 64;
	private static final Logger log = LoggerFactory.getLogger(JointChecks.class);
	private static final String FIND = """
				select h.ids, h.previous, %s as commit_setting, f.* from audit_chain_append(cast(:checks as integer)) h
				left join lateral (
				select s.id, s.code, s.subject_type, g.grade, g.score, g.as_of,
				       exists (select 1 from listed_subject l where l.subject_id = s.id) as listed,
				       (select n.name from credit_subject_name n where n.subject_id = s.id
				        order by n.first_seen_at desc, n.name limit 1) as name,
				       (select coalesce(json_agg(r), '[]'::json)::text from (
				          select d.record_id as "recordId", d.catalog_item as "catalogItem", d.decision_date as "decisionDate",
				                 d.authority, d.type_label as "typeLabel", d.shown_until as "shownUntil"
				          from disclosed_record d
				          where d.subject_id = s.id and d.catalog_item = any(cast(:items as text[])) and d.shown
				            and (d.shown_from is null or d.shown_from <= :day) and (d.shown_until is null or d.shown_until > :day)
				            and (d.ended_on is null or d.ended_on > :day)
				          order by d.decision_date desc nulls last, d.record_id limit :limit) r) as records
				from credit_subject s left join latest_grade g on g.subject_id = s.id
				where s.code = any(cast(:codes as text[]))) f on true""";

	private final JdbcClient jdbc;
	private final NamedParameterJdbcTemplate named;
	private final ListStanding standing;
	private final MeasureLists measures;
	private final Catalogs catalogs;
	private final Organisations organisations;
	private final WorkingDays workingDays;
	private final AuditLog audit;
	private final CheckWriter writer;
	private final JsonMapper json;
	private final Clock clock;
	private final int feedbackWorkingDays;
	private volatile String[] dishonestyItems;

	private final Batcher<Query> reader;
	/** The round's first statement ({@link #find}), with the commit setting of {@link CheckWriter#commitSetting()}. */
	private final String findSql;
	private final java.time.Duration answerTimeout;

	JointChecks(JdbcClient jdbc, NamedParameterJdbcTemplate named, ListStanding standing, MeasureLists measures,
			Catalogs catalogs, Organisations organisations, WorkingDays workingDays, AuditLog audit,
			CheckWriter writer, JsonMapper json, Clock clock,
			@Value("${xinyong.joint-check.feedback-working-days:5}") int feedbackWorkingDays,
			@Value("${xinyong.joint-check.answer-timeout:60s}") java.time.Duration answerTimeout) {
		this.answerTimeout = answerTimeout;
		this.jdbc = jdbc;
		this.named = named;
		this.standing = standing;
		this.measures = measures;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.workingDays = workingDays;
		this.audit = audit;
		this.writer = writer;
		this.json = json;
		this.clock = clock;
		this.feedbackWorkingDays = feedbackWorkingDays;
		this.findSql = FIND.formatted(writer.commitSetting());
		this.reader = new Batcher<>("joint-check-rounds", READ_BATCH, this::answerAll);
	}

	@Override
	public void destroy() throws InterruptedException {
		for (Query q : reader.stop()) {
			q.result().completeExceptionally(new IllegalStateException("the platform is shutting down"));
		}
	}

	public int feedbackWorkingDays() {
		return feedbackWorkingDays;
	}

	/**
	 * Checks a subject for a matter on behalf of the caller's organisation. The check is validated on the caller's
	 * thread, then answered in a round together with the other checks pending at that moment (thread
	 * {@code joint-check-rounds}: one round of queries, then one group commit of the checks and their audit entries,
	 * see {@link CheckWriter}); this method returns once the check and its audit entry are committed.
	 *
	 * @throws DomainException 400 {@code JOINT_CHECK_MATTER_REQUIRED}/{@code JOINT_CHECK_MATTER_INVALID},
	 *                         {@code JOINT_CHECK_REFERENCE_REQUIRED}/{@code JOINT_CHECK_REFERENCE_TOO_LONG}, or the
	 *                         identifier rule the code breaks (e.g. {@code USCC_CHECK_CHARACTER}); 403
	 *                         {@code ORGANISATION_REQUIRED}
	 */
	public Answered check(OrganisationMember member, String actor, String clientAddress, String subjectCode,
			String matterCode, String reference) {
		String subjectRef = null;
		Matter matter;
		try {
			if (member == null) {
				throw new DomainException("ORGANISATION_REQUIRED", HttpStatus.FORBIDDEN);
			}
			matter = matter(matterCode);
			if (reference == null || reference.isBlank()) {
				throw DomainException.badRequest("JOINT_CHECK_REFERENCE_REQUIRED");
			}
			if (reference.strip().length() > REFERENCE_LIMIT) {
				throw DomainException.badRequest("JOINT_CHECK_REFERENCE_TOO_LONG", REFERENCE_LIMIT);
			}
			IdentifierCheck identifier = Identifiers.parse(subjectCode == null ? "" : subjectCode);
			if (!identifier.valid()) {
				IdentifierIssue issue = identifier.errors().get(0);
				throw DomainException.badRequest(issue.code(), issue.args().toArray());
			}
			subjectRef = identifier.value();
		}
		catch (DomainException e) {
			audit.record(AuditEntry.of(ACTION, e.status() == HttpStatus.FORBIDDEN ? AuditEntry.Outcome.DENIED
					: AuditEntry.Outcome.FAILURE, Map.of("code", e.code())).aboutSubject(subjectRef, null));
			throw e;
		}
		Query query = new Query(member, actor, clientAddress, subjectRef, matter, reference.strip(),
				new CompletableFuture<>(), new AtomicInteger(PENDING));
		reader.add(query);
		try {
			try {
				return query.result().get(answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException e) {
				if (query.state().compareAndSet(PENDING, ABANDONED)) {
					// no round will store it: the department may simply check again
					log.warn("joint check of {} for {} not answered within {}: abandoned, not stored",
							masked(subjectRef), member.organisationCode(), answerTimeout);
					throw new DomainException("JOINT_CHECK_NOT_ANSWERED", HttpStatus.SERVICE_UNAVAILABLE,
							answerTimeout.toSeconds());
				}
				// a round is storing it: its commit decides, the answer follows
				return query.result().get(answerTimeout.toNanos(), TimeUnit.NANOSECONDS);
			}
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (TimeoutException e) {
			throw new IllegalStateException("joint check being stored but not committed within twice " + answerTimeout,
					e);
		}
	}

	/** The first six characters of a subject code, for logs (a resident ID number is personal information). */
	private static String masked(String code) {
		return code == null || code.length() < 6 ? "?" : code.substring(0, 6) + "…";
	}

	private static Matter matter(String code) {
		if (code == null || code.isBlank()) {
			throw DomainException.badRequest("JOINT_CHECK_MATTER_REQUIRED");
		}
		try {
			return Matter.valueOf(code.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainException.badRequest("JOINT_CHECK_MATTER_INVALID", code.strip());
		}
	}

	/**
	 * A check's answer together with its JSON exactly as stored in {@code joint_check.answer}: the API sends these
	 * bytes, so what the department received and what the platform kept are the same text.
	 */
	public record Answered(CheckAnswer answer, String json) {
	}

	/** Waiting for a round. */
	private static final int PENDING = 0;
	/** Taken by a round that stores it: answered when the round commits (or fails). */
	private static final int STORING = 1;
	/** Given up by its request after the answer timeout: no round may store it. */
	private static final int ABANDONED = 2;

	/** A validated check waiting for its answer; {@code state}: {@link #PENDING}, {@link #STORING}, {@link #ABANDONED}. */
	private record Query(OrganisationMember member, String actor, String clientAddress, String code, Matter matter,
			String reference, CompletableFuture<Answered> result, AtomicInteger state) {

		/** Whether a round may store this check: it is taken for storing unless its request gave up. */
		boolean take() {
			return state.get() == STORING || state.compareAndSet(PENDING, STORING);
		}
	}

	/**
	 * Answers a round of checks in one transaction of two round trips: one query for all their subjects with their
	 * grades, which also reserves the audit chain's head (plus the list entries of those ever listed, when there are
	 * any); one that stores the checks and their audit entries and commits (group commit, see {@link CheckWriter}).
	 * Each check is answered once committed. When the round fails, each check is tried alone so that one
	 * bad check cannot fail the others.
	 */
	private void answerAll(List<Query> batch) {
		List<Prepared> answers;
		try {
			answers = writer.inTransaction(() -> {
				Answers round = answer(batch);
				List<Prepared> prepared = round.prepared();
				List<CheckWriter.Row> rows = new ArrayList<>(batch.size());
				List<AuditEntry> entries = new ArrayList<>(batch.size());
				for (int i = 0; i < batch.size(); i++) {
					// a check whose request gave up is not stored (its reserved audit id stays unused)
					if (batch.get(i).take()) {
						rows.add(row(batch.get(i), prepared.get(i)));
						entries.add(auditEntry(batch.get(i), prepared.get(i)));
					}
				}
				if (!rows.isEmpty()) {
					// the round's last statement: it commits the round too (one round trip)
					writer.writeAndCommit(rows, entries, round.head().first(rows.size()));
				}
				return prepared;
			});
		}
		catch (RuntimeException e) {
			if (batch.size() == 1) {
				batch.get(0).result().completeExceptionally(e);
				return;
			}
			log.warn("joint-check round of {} failed ({}), answering one by one", batch.size(), e.toString());
			for (Query q : batch) {
				answerAll(List.of(q));
			}
			return;
		}
		for (int i = 0; i < batch.size(); i++) {
			if (batch.get(i).state().get() == STORING) {
				batch.get(i).result().complete(new Answered(answers.get(i).answer(), answers.get(i).json()));
			}
		}
	}

	/** An answer ready to be stored: the subject's id is stored with the check but not part of the answer. */
	private record Prepared(CheckAnswer answer, String json, String[] measureIds, Long subjectId, LocalDate checkedOn,
			Instant checkedAt) {
	}

	/** A round's answers and the audit chain's head reserved for their entries. */
	private record Answers(List<Prepared> prepared, ChainHead head) {
	}

	private Answers answer(List<Query> batch) {
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, Zones.DISPLAY);
		Subjects subjects = find(batch.stream().map(Query::code).distinct().toList(), today, batch.size());
		Map<String, Found> found = subjects.found();
		// most subjects were never on a list: only those ever listed cost the lists' queries
		List<Long> listed = found.values().stream().filter(Found::listed).map(Found::id).toList();
		Map<Long, Standing> standings = listed.isEmpty() ? Map.of() : standing.of(listed, today);
		List<Prepared> out = new ArrayList<>(batch.size());
		for (Query q : batch) {
			Found subject = found.get(q.code());
			CheckAnswer answer = answer(TimeOrderedIds.next(clock), q.code(), q.matter(), subject, standings);
			out.add(new Prepared(answer, json.writeValueAsString(answer),
					answer.measures().stream().map(AppliedMeasure::measureId).toArray(String[]::new),
					subject == null ? null : subject.id(), today, now));
		}
		return new Answers(out, subjects.head());
	}

	private CheckAnswer answer(UUID checkId, String code, Matter matter, Found subject,
			Map<Long, Standing> standings) {
		if (subject == null) {
			return new CheckAnswer(checkId, new CheckAnswer.Subject(code, null, null, null),
					CheckStatus.UNKNOWN_SUBJECT, List.of(), List.of());
		}
		Standing lists = standings.getOrDefault(subject.id(), Standing.NONE);
		List<RecordSummary> records = subject.records();
		// what the subject is, and the entries the measures may apply to, most serious first
		Map<ListTarget, String> targets = new LinkedHashMap<>();
		for (ListEntry e : lists.seriousDishonesty()) {
			targets.putIfAbsent(ListTarget.serious(e.category()), "serious-dishonesty:" + e.id());
		}
		if (!records.isEmpty()) {
			targets.putIfAbsent(ListTarget.DISHONESTY_RECORD, "record:" + records.get(0).recordId());
		}
		CheckStatus status;
		if (lists.seriouslyDishonest()) {
			status = CheckStatus.SERIOUS_DISHONESTY;
		}
		else if (!records.isEmpty()) {
			status = CheckStatus.DISHONESTY;
		}
		else if (lists.rewarded()) {
			status = CheckStatus.REWARD;
			for (RewardEntry r : lists.rewards()) {
				targets.putIfAbsent(ListTarget.REWARD, "reward:" + r.id());
			}
		}
		else {
			status = CheckStatus.CLEAR;
		}
		return new CheckAnswer(checkId, new CheckAnswer.Subject(subject.code(), subject.name(), subject.type(),
				subject.grade()), status, applicable(targets, matter), records);
	}

	/** Measures in force (art. 46) that apply to one of the targets and to the matter, each once. */
	private List<AppliedMeasure> applicable(Map<ListTarget, String> targets, Matter matter) {
		List<AppliedMeasure> out = new ArrayList<>();
		if (targets.isEmpty()) {
			return out;
		}
		for (Measure m : measures.inForce()) {
			for (Map.Entry<ListTarget, String> t : targets.entrySet()) {
				if (m.appliesTo(t.getKey(), matter)) {
					out.add(new AppliedMeasure(m.id(), m.kind(), m.text(), m.basis(), m.implementingUnit(),
							t.getValue()));
					break;
				}
			}
		}
		return out;
	}

	private record Found(long id, String code, String name, String type, List<RecordSummary> records, boolean listed,
			CheckAnswer.Grade grade) {
	}

	/**
	 * The subjects, each with its current name, its currently disclosed dishonesty records (the website's read
	 * model), whether it has ever had a list entry (the lists module's published view {@code listed_subject}) and its
	 * latest grade (the evaluation module's published view {@code latest_grade}), in one indexed query for the whole
	 * round: the hot path of the check. The same statement reserves the audit chain's head for the round's
	 * {@code checks} entries (the audit module's function {@code audit_chain_append}, see {@link ChainHead}), which
	 * holds the chain's lock until the round commits. It runs with its generic plan ({@link GenericPlan}): a small round
	 * would otherwise have it planned anew every time.
	 */
	private Subjects find(List<String> codes, LocalDate day, int checks) {
		Map<String, Found> out = new HashMap<>();
		ChainHead[] head = new ChainHead[1];
		GenericPlan.query(named, findSql,
				Map.of("checks", checks, "codes", codes.toArray(String[]::new), "items", dishonestyItems(), "day", day,
						"limit", RECORD_LIMIT),
				(rs, n) -> {
					if (n == 0) {
						head[0] = ChainHead.read(rs);
					}
					if (rs.getObject("id") == null) {
						return null;
					}
					String records = rs.getString("records");
					String grade = rs.getString("grade");
					return new Found(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
							rs.getString("subject_type"),
							"[]".equals(records) ? List.of() : List.of(json.readValue(records, RecordSummary[].class)),
							rs.getBoolean("listed"), grade == null ? null
									: new CheckAnswer.Grade(grade, rs.getInt("score"), rs.getObject("as_of", LocalDate.class)));
				})
			.forEach(f -> {
				if (f != null) {
					out.put(f.code(), f);
				}
			});
		return new Subjects(out, head[0]);
	}

	/** The subjects found and the audit chain's head reserved for the round's entries. */
	private record Subjects(Map<String, Found> found, ChainHead head) {
	}

	/** Codes of the catalog items whose records are dishonesty information (失信信息), from memory. */
	private String[] dishonestyItems() {
		String[] items = dishonestyItems;
		if (items == null) {
			items = catalogs.publishedItems()
				.stream()
				.filter(p -> p.item().dishonesty())
				.map(p -> p.item().code())
				.distinct()
				.toArray(String[]::new);
			dishonestyItems = items;
		}
		return items;
	}

	@EventListener
	void catalogPublished(CatalogVersionPublished event) {
		dishonestyItems = null;
	}

	private static CheckWriter.Row row(Query q, Prepared prepared) {
		CheckAnswer answer = prepared.answer();
		return new CheckWriter.Row(answer.checkId(), q.member().organisationId(), q.member().organisationCode(),
				q.actor(), prepared.subjectId(), q.code(), q.matter().name(), q.reference(), answer.status().name(),
				prepared.measureIds(), prepared.json(), prepared.checkedOn(), Timestamp.from(prepared.checkedAt()));
	}

	private static AuditEntry auditEntry(Query q, Prepared prepared) {
		CheckAnswer answer = prepared.answer();
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("checkId", answer.checkId().toString());
		detail.put("matter", q.matter().name());
		detail.put("reference", q.reference());
		detail.put("status", answer.status().name());
		detail.put("measures", Arrays.asList(prepared.measureIds()));
		return AuditEntry.of(ACTION, AuditEntry.Outcome.SUCCESS, detail)
			.withActor(q.actor(), q.member().organisationId(), q.member().organisationCode())
			.withClientAddress(q.clientAddress())
			.aboutSubject(q.code(), "JOINT_CHECK " + q.matter().name() + " " + q.reference());
	}

	/**
	 * Records what the checking organisation actually did. Refused for another organisation's check (403
	 * {@code JOINT_CHECK_OTHER_ORGANISATION}), for measures the check did not return (422
	 * {@code JOINT_CHECK_MEASURE_NOT_RETURNED}) and a second time (409 {@code JOINT_CHECK_FEEDBACK_GIVEN}).
	 */
	@Transactional
	public Feedback feedback(OrganisationMember member, String actor, UUID checkId, List<String> applied,
			String outcome, String note) {
		if (member == null) {
			throw new DomainException("ORGANISATION_REQUIRED", HttpStatus.FORBIDDEN);
		}
		Map<String, Object> check = jdbc
			.sql("select organisation_id, subject_code, measure_ids from joint_check where id = ?")
			.param(checkId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> DomainException.notFound("JOINT_CHECK_UNKNOWN", checkId));
		if (((Number) check.get("organisation_id")).longValue() != member.organisationId()) {
			throw new DomainException("JOINT_CHECK_OTHER_ORGANISATION", HttpStatus.FORBIDDEN, checkId);
		}
		if (outcome == null || outcome.isBlank()) {
			throw DomainException.unprocessable("JOINT_CHECK_OUTCOME_REQUIRED");
		}
		Set<String> returned = new LinkedHashSet<>(Arrays.asList(stringArray(check.get("measure_ids"))));
		List<String> measuresApplied = applied == null ? List.of() : applied.stream().map(String::strip).distinct().toList();
		List<String> foreign = measuresApplied.stream().filter(m -> !returned.contains(m)).toList();
		if (!foreign.isEmpty()) {
			throw DomainException.unprocessable("JOINT_CHECK_MEASURE_NOT_RETURNED", String.join(", ", foreign));
		}
		jdbc.sql("select pg_advisory_xact_lock(7261047, ?)").param(checkId.hashCode()).query().singleRow();
		boolean given = jdbc.sql("select count(*) from joint_check_feedback where check_id = ?")
			.param(checkId)
			.query(Long.class)
			.single() > 0;
		if (given) {
			throw DomainException.conflict("JOINT_CHECK_FEEDBACK_GIVEN", checkId);
		}
		Instant at = clock.instant();
		String cleanNote = note == null || note.isBlank() ? null : note.strip();
		jdbc.sql("""
				insert into joint_check_feedback (check_id, measures_applied, outcome, note, actor, recorded_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(checkId, measuresApplied.toArray(String[]::new), outcome.strip(), cleanNote, actor,
					Timestamp.from(at))
			.update();
		audit.record(AuditEntry.of(FEEDBACK_ACTION, AuditEntry.Outcome.SUCCESS,
				Map.of("checkId", checkId.toString(), "measuresApplied", measuresApplied, "outcome", outcome.strip()))
			.aboutSubject((String) check.get("subject_code"), null));
		return new Feedback(checkId, measuresApplied, outcome.strip(), cleanNote, actor, at);
	}

	/** Feedback on a check as recorded. */
	public record Feedback(UUID checkId, List<String> measuresApplied, String outcome, String note, String actor,
			Instant recordedAt) {
	}

	private static String[] stringArray(Object value) {
		try {
			if (value instanceof java.sql.Array a) {
				return (String[]) a.getArray();
			}
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
		return value instanceof String[] s ? s : new String[0];
	}

	/** Checks per organisation and the overdue ones on {@code day}. */
	public CheckOverview overview(LocalDate day) {
		LocalDate cutoff = cutoff(day);
		List<CheckOverview.PerOrganisation> perOrganisation = jdbc.sql("""
				select c.organisation_code, count(*) as checks, count(f.check_id) as answered,
				       count(*) filter (where f.check_id is null and c.checked_on > :cutoff) as pending,
				       count(*) filter (where f.check_id is null and c.checked_on <= :cutoff) as overdue
				from joint_check c left join joint_check_feedback f on f.check_id = c.id
				group by c.organisation_code order by overdue desc, c.organisation_code""")
			.param("cutoff", cutoff)
			.query((rs, n) -> new CheckOverview.PerOrganisation(rs.getString("organisation_code"),
					organisations.byCode(rs.getString("organisation_code")).map(Organisation::name).orElse(null),
					rs.getLong("checks"), rs.getLong("answered"), rs.getLong("pending"), rs.getLong("overdue")))
			.list();
		List<CheckOverview.OverdueCheck> overdue = jdbc.sql("""
				select c.id, c.organisation_code, c.reference, c.matter, c.status, c.checked_on, c.checked_at
				from joint_check c where c.checked_on <= :cutoff
				  and not exists (select 1 from joint_check_feedback f where f.check_id = c.id)
				order by c.checked_on, c.checked_at limit 200""")
			.param("cutoff", cutoff)
			.query((rs, n) -> new CheckOverview.OverdueCheck(rs.getObject("id", UUID.class),
					rs.getString("organisation_code"), rs.getString("reference"), rs.getString("matter"),
					rs.getString("status"), rs.getObject("checked_on", LocalDate.class),
					rs.getTimestamp("checked_at").toInstant()))
			.list();
		return new CheckOverview(day, feedbackWorkingDays, cutoff, perOrganisation, overdue);
	}

	/** The last check day whose feedback deadline (N working days after it) lies before {@code day}. */
	LocalDate cutoff(LocalDate day) {
		LocalDate d = day.minusDays(1);
		while (!deadline(d).isBefore(day)) {
			d = d.minusDays(1);
		}
		return d;
	}

	/** Whether a check made on {@code checkedOn} without feedback is overdue on {@code day}. */
	public boolean overdue(LocalDate checkedOn, LocalDate day) {
		return deadline(checkedOn).isBefore(day);
	}

	/**
	 * The last day for feedback. When the count reaches a year whose holiday notice is not loaded yet, Monday to
	 * Friday count as working days: the console must not fail in late December.
	 */
	private LocalDate deadline(LocalDate checkedOn) {
		try {
			return workingDays.addWorkingDays(checkedOn, feedbackWorkingDays);
		}
		catch (org.xinyong.calendar.CalendarYearUnknownException e) {
			LocalDate d = checkedOn;
			for (int n = 0; n < feedbackWorkingDays;) {
				d = d.plusDays(1);
				if (d.getDayOfWeek().getValue() <= 5) {
					n++;
				}
			}
			return d;
		}
	}
}
