package org.xinyong.objection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.calendar.CalendarYearUnknownException;
import org.xinyong.calendar.WorkingDays;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.Openness;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.objection.CaseKind;
import org.xinyong.objection.CaseStatus;
import org.xinyong.objection.Grounds;
import org.xinyong.objection.Handler;
import org.xinyong.objection.ObjectionDecided;
import org.xinyong.objection.PendingObjections;
import org.xinyong.objection.Remedy;
import org.xinyong.objection.Route;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.subject.CreditSubjects;

/**
 * Files, routes, tracks and decides objections and self-correction tasks. Deadlines are working days after the day
 * of receipt (that day not counted): decision within 3; within 7 when another unit must help, which answers within 3
 * of being asked; self-correction within 3 of discovery. Every change is a new event row and an audit entry.
 */
@Service
public class ObjectionService implements PendingObjections {

	static final int DECIDE = 3;
	static final int DECIDE_WITH_ASSISTANCE = 7;
	static final int ASSIST = 3;
	static final int SELF_CORRECT = 3;
	private static final int MAX_TEXT = 4000;

	/**
	 * What a subject (or its authorised agent) files.
	 *
	 * @param subjectCode the represented subject when an authorised agent files (null: the applicant itself)
	 */
	public record NewObjection(UUID recordId, Integer versionNo, Grounds grounds, String explanation, Route route,
			String subjectCode) {

		public NewObjection(UUID recordId, Integer versionNo, Grounds grounds, String explanation, Route route) {
			this(recordId, versionNo, grounds, explanation, route, null);
		}
	}

	private final JdbcClient jdbc;
	private final CreditRecords records;
	private final CreditSubjects subjects;
	private final Catalogs catalogs;
	private final WorkingDays workingDays;
	private final Attachments attachments;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate separately;
	private final ObjectionProperties properties;
	private final Remedies remedies;

	ObjectionService(JdbcClient jdbc, CreditRecords records, CreditSubjects subjects, Catalogs catalogs,
			WorkingDays workingDays, Attachments attachments, AuditLog audit, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager transactions, ObjectionProperties properties, Remedies remedies) {
		this.jdbc = jdbc;
		this.remedies = remedies;
		this.records = records;
		this.subjects = subjects;
		this.catalogs = catalogs;
		this.workingDays = workingDays;
		this.attachments = attachments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(Zones.DISPLAY));
	}

	// ---- filing ------------------------------------------------------------------------------------------------

	/** A signed-in subject objects to a version of one of its own records. */
	@Transactional
	public Case file(SubjectPrincipal applicant, NewObjection objection, List<Attachments.Upload> uploads) {
		return file(applicant, objection, uploads, null);
	}

	/**
	 * A signed-in subject objects to a version of one of its own records, or — with {@link NewObjection#subjectCode()}
	 * naming another subject — an authorised agent (代理人), signed in with a verified identity of their own, files for
	 * that subject with a letter of authorisation (checked like every attachment).
	 */
	@Transactional
	public Case file(SubjectPrincipal applicant, NewObjection objection, List<Attachments.Upload> uploads,
			Attachments.Upload letter) {
		if (applicant == null) {
			throw new DomainException("OBJECTION_SIGN_IN_REQUIRED", HttpStatus.UNAUTHORIZED);
		}
		if (!properties.acceptedVerification().contains(applicant.method())) {
			throw new DomainException("OBJECTION_VERIFICATION_INSUFFICIENT", HttpStatus.FORBIDDEN);
		}
		if (objection.recordId() == null || objection.grounds() == null) {
			throw DomainException.badRequest("OBJECTION_FIELDS_REQUIRED");
		}
		String explanation = text(objection.explanation(), "OBJECTION_EXPLANATION_REQUIRED");
		long subjectId = represented(applicant, objection.subjectCode());
		boolean agent = subjectId != applicant.subjectId();
		List<Attachments.Upload> letters = Attachments.present(letter == null ? List.of() : List.of(letter));
		if (agent && letters.isEmpty()) {
			throw DomainException.badRequest("OBJECTION_AUTHORISATION_REQUIRED");
		}
		attachments.check(letters);
		CreditRecord record = records.byId(objection.recordId())
			.filter(r -> r.subjectId() == subjectId)
			.orElseThrow(() -> DomainException.notFound("OBJECTION_RECORD_UNKNOWN", objection.recordId()));
		int version = objection.versionNo() == null ? record.current().versionNo() : objection.versionNo();
		if (record.versions().stream().noneMatch(v -> v.versionNo() == version)) {
			throw DomainException.notFound("OBJECTION_VERSION_UNKNOWN", version);
		}
		List<Attachments.Upload> files = Attachments.present(uploads);
		attachments.check(files);
		lockRecord(record.id());
		if (!pendingAmong(List.of(record.id())).isEmpty()) {
			throw DomainException.conflict("OBJECTION_ALREADY_PENDING");
		}
		LocalDate received = today();
		Route route = objection.route() == null ? Route.PLATFORM : objection.route();
		long id = insert(CaseKind.OBJECTION, record, version, route, objection.grounds(), explanation, received,
				applicant.getName(), null);
		event(id, CaseStatus.RECEIVED, deadline(received, DECIDE), null, null, null, null, null, applicant.getName(),
				null);
		attachments.store(id, files);
		Map<String, Object> detail = new LinkedHashMap<>(Map.of("objectionId", id, "recordId", record.id().toString(),
				"versionNo", version, "grounds", objection.grounds().name(), "route", route.name(), "attachments",
				files.size()));
		if (agent) {
			long letterId = attachments.store(id, letters).get(0);
			jdbc.sql("insert into objection_agent (objection_id, agent_subject_id, agent_name, verification, letter_attachment) values (?, ?, ?, ?, ?)")
				.params(id, applicant.subjectId(), applicant.name(), applicant.method().name(), letterId)
				.update();
			detail.put("agent", applicant.getName());
		}
		audit.record(AuditEntry.of("OBJECTION_FILED", AuditEntry.Outcome.SUCCESS, detail)
			.withActor(applicant.getName(), null, null)
			.aboutSubject(subjects.byId(subjectId).map(s -> s.code()).orElse(applicant.code()), null));
		return byId(id).orElseThrow();
	}

	/** The subject filed for: the applicant itself, or the subject an agent names (which must exist). */
	private long represented(SubjectPrincipal applicant, String subjectCode) {
		if (subjectCode == null || subjectCode.isBlank() || subjectCode.strip().equalsIgnoreCase(applicant.code())) {
			return applicant.subjectId();
		}
		return subjects.byCode(subjectCode.strip())
			.orElseThrow(() -> DomainException.notFound("OBJECTION_SUBJECT_UNKNOWN", subjectCode.strip()))
			.id();
	}

	/** A provider (for its own records) or the platform opens a self-correction task (art. 53). */
	@Transactional
	public Case openTask(UUID recordId, String description, Handler by) {
		String text = text(description, "OBJECTION_EXPLANATION_REQUIRED");
		CreditRecord record = records.byId(recordId)
			.orElseThrow(() -> DomainException.notFound("OBJECTION_RECORD_UNKNOWN", recordId));
		if (!by.platform() && !(by.providerOperator() && by.organisationId() == record.providerId())) {
			throw forbidden();
		}
		LocalDate discovered = today();
		long id = insert(CaseKind.SELF_CORRECTION, record, record.current().versionNo(),
				by.platform() ? Route.PLATFORM : Route.PROVIDER, null, text, discovered, by.actor(), by.organisationId());
		event(id, CaseStatus.OPEN, deadline(discovered, SELF_CORRECT), null, null, null, null, null, by.actor(),
				by.organisationId());
		auditChange("CORRECTION_TASK_OPENED", id, record.subjectId(), by, Map.of("recordId", recordId.toString()));
		return byId(id).orElseThrow();
	}

	// ---- handling ----------------------------------------------------------------------------------------------

	/** Another unit must help verify: the decision deadline becomes 7 working days, the unit answers within 3. */
	@Transactional
	public Case requestAssistance(long caseId, long assistingOrgId, String note, Handler by) {
		Case c = transition(caseId, CaseStatus.ASSISTANCE_REQUESTED, by);
		requireDecider(c, by);
		LocalDate deadline = deadline(c.receivedOn(), DECIDE_WITH_ASSISTANCE);
		event(caseId, CaseStatus.ASSISTANCE_REQUESTED, deadline, assistingOrgId, deadline(today(), ASSIST), null, null,
				optional(note), by.actor(), by.organisationId());
		auditChange("OBJECTION_ASSISTANCE_REQUESTED", caseId, c.subjectId(), by, Map.of("assistingOrgId", assistingOrgId));
		return byId(caseId).orElseThrow();
	}

	/** The assisting unit reports what it found. */
	@Transactional
	public Case answerAssistance(long caseId, String answer, Handler by) {
		Case c = transition(caseId, CaseStatus.ASSISTANCE_ANSWERED, by);
		Long assisting = c.assistingOrgId();
		if (!by.platform() && (assisting == null || assisting != by.organisationId())) {
			throw forbidden();
		}
		event(caseId, CaseStatus.ASSISTANCE_ANSWERED, c.deadline(), assisting, null, null, null,
				text(answer, "OBJECTION_NOTE_REQUIRED"), by.actor(), by.organisationId());
		auditChange("OBJECTION_ASSISTANCE_ANSWERED", caseId, c.subjectId(), by, Map.of());
		return byId(caseId).orElseThrow();
	}

	/**
	 * Upholds an objection. With remedy {@link Remedy#CORRECT} (the only one for public information) the record is
	 * corrected with the given values, the objection being the reason; other remedies (non-public information, art.
	 * 54) are recorded and announced for the modules that carry them out.
	 */
	@Transactional
	public Case uphold(long caseId, Map<String, Object> values, Remedy remedy, String note, Handler by) {
		Case c = transition(caseId, CaseStatus.UPHELD, by);
		requireDecider(c, by);
		Remedy applied = remedy == null ? Remedy.CORRECT : remedy;
		if (applied != Remedy.CORRECT && !c.nonPublic()) {
			throw DomainException.unprocessable("OBJECTION_REMEDY_NON_PUBLIC_ONLY");
		}
		Integer corrected = null;
		if (applied == Remedy.CORRECT) {
			corrected = correct(c, values, "异议成立（异议编号 " + caseId + "）" + suffix(note), by);
		}
		else if (applied == Remedy.ISSUE_CERTIFICATE && (note == null || note.isBlank())) {
			throw DomainException.badRequest("OBJECTION_FINDINGS_REQUIRED");
		}
		event(caseId, CaseStatus.UPHELD, c.deadline(), null, null, applied, corrected, optional(note), by.actor(),
				by.organisationId());
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("remedy", applied.name());
		if (corrected != null) {
			detail.put("correctedVersion", corrected);
		}
		String subjectCode = subjects.byId(c.subjectId()).map(s -> s.code()).orElse(null);
		auditChange("OBJECTION_UPHELD", caseId, c.subjectId(), by, detail);
		if (applied != Remedy.CORRECT) {
			remedies.execute(c, applied, optional(note), today(), by, subjectCode);
		}
		events.publishEvent(new ObjectionDecided(caseId, c.kind(), c.recordId(), CaseStatus.UPHELD, applied, corrected));
		return byId(caseId).orElseThrow();
	}

	/** Rejects an objection; the reasons are shown to the applicant. */
	@Transactional
	public Case reject(long caseId, String reasons, Handler by) {
		Case c = transition(caseId, CaseStatus.REJECTED, by);
		requireDecider(c, by);
		event(caseId, CaseStatus.REJECTED, c.deadline(), null, null, null, null,
				text(reasons, "OBJECTION_REASONS_REQUIRED"), by.actor(), by.organisationId());
		auditChange("OBJECTION_REJECTED", caseId, c.subjectId(), by, Map.of());
		events.publishEvent(new ObjectionDecided(caseId, c.kind(), c.recordId(), CaseStatus.REJECTED, null, null));
		return byId(caseId).orElseThrow();
	}

	/** Completes a self-correction task with a corrected version. */
	@Transactional
	public Case completeTask(long caseId, Map<String, Object> values, String note, Handler by) {
		Case c = transition(caseId, CaseStatus.CORRECTED, by);
		requireDecider(c, by);
		int corrected = correct(c, values, "自行更正（任务编号 " + caseId + "）：" + c.explanation() + suffix(note), by);
		event(caseId, CaseStatus.CORRECTED, c.deadline(), null, null, Remedy.CORRECT, corrected, optional(note),
				by.actor(), by.organisationId());
		auditChange("CORRECTION_TASK_CORRECTED", caseId, c.subjectId(), by, Map.of("correctedVersion", corrected));
		events.publishEvent(new ObjectionDecided(caseId, c.kind(), c.recordId(), CaseStatus.CORRECTED, Remedy.CORRECT,
				corrected));
		return byId(caseId).orElseThrow();
	}

	/** Closes a self-correction task without change (the suspected error was not confirmed). */
	@Transactional
	public Case closeTask(long caseId, String reason, Handler by) {
		Case c = transition(caseId, CaseStatus.CLOSED, by);
		requireDecider(c, by);
		event(caseId, CaseStatus.CLOSED, c.deadline(), null, null, null, null, text(reason, "OBJECTION_REASONS_REQUIRED"),
				by.actor(), by.organisationId());
		auditChange("CORRECTION_TASK_CLOSED", caseId, c.subjectId(), by, Map.of());
		events.publishEvent(new ObjectionDecided(caseId, c.kind(), c.recordId(), CaseStatus.CLOSED, null, null));
		return byId(caseId).orElseThrow();
	}

	// ---- reading -----------------------------------------------------------------------------------------------

	@Override
	public Set<UUID> pendingAmong(Collection<UUID> recordIds) {
		if (recordIds == null || recordIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select distinct o.record_id from objection o
				join lateral (select status from objection_event e where e.objection_id = o.id order by e.id desc limit 1) s on true
				where o.kind = 'OBJECTION' and o.record_id = any(:ids)
				  and s.status in ('RECEIVED', 'ASSISTANCE_REQUESTED', 'ASSISTANCE_ANSWERED')""")
			.param("ids", recordIds.toArray(UUID[]::new))
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list());
	}

	public Optional<Case> byId(long id) {
		return load("where o.id = ?", id).stream().findFirst();
	}

	/** The subject's own objections (filed by itself or by an agent for it) and those it filed as an agent, newest first. */
	public List<Case> ofSubject(long subjectId) {
		return load("where o.kind = 'OBJECTION' and (o.subject_id = ? or exists (select 1 from objection_agent a "
				+ "where a.objection_id = o.id and a.agent_subject_id = ?))", subjectId, subjectId);
	}

	/** The cases the member of staff may see: every case for the platform, its own and assisted ones for a provider. */
	public List<Case> visibleTo(Handler by) {
		if (by.platform() || by.roles().contains("AUDITOR")) {
			return load("", new Object[0]);
		}
		return load("""
				where o.provider_id = ? or o.organisation_id = ?
				   or exists (select 1 from objection_event e where e.objection_id = o.id and e.assisting_org_id = ?)""",
				by.organisationId(), by.organisationId(), by.organisationId());
	}

	public boolean mayView(Case c, Handler by) {
		return by.platform() || by.roles().contains("AUDITOR") || c.providerId() == by.organisationId()
				|| Long.valueOf(by.organisationId()).equals(c.assistingOrgId());
	}

	/** Whether the member of staff decides the case (its route's unit). */
	public boolean mayDecide(Case c, Handler by) {
		if (c.kind() == CaseKind.SELF_CORRECTION) {
			return by.platform() || (by.providerOperator() && c.providerId() == by.organisationId());
		}
		return c.route() == Route.PLATFORM ? by.platform()
				: by.providerOperator() && c.providerId() == by.organisationId();
	}

	/** The case against its deadlines today. */
	public Progress progress(Case c) {
		LocalDate today = today();
		if (!c.status().open()) {
			return new Progress(today, c.deadline(), null, null, null);
		}
		return new Progress(today, c.deadline(), remaining(today, c.deadline()), c.assistDeadline(),
				remaining(today, c.assistDeadline()));
	}

	/** How many of the cases are flagged overdue. */
	public long overdueCount(List<Case> cases) {
		return cases.stream().filter(c -> c.status().open() && progress(c).flagged()).count();
	}

	public java.nio.file.Path attachment(long caseId, long attachmentId) {
		return attachments.file(caseId, attachmentId);
	}

	// ---- internals ---------------------------------------------------------------------------------------------

	private Integer remaining(LocalDate today, LocalDate deadline) {
		if (deadline == null) {
			return null;
		}
		try {
			return today.isAfter(deadline) ? -workingDays.workingDaysBetween(deadline, today)
					: workingDays.workingDaysBetween(today, deadline);
		}
		catch (CalendarYearUnknownException e) {
			return null;
		}
	}

	/** N working days after the day, or null when the calendar of the year it reaches is not published yet. */
	private LocalDate deadline(LocalDate from, int days) {
		try {
			return workingDays.addWorkingDays(from, days);
		}
		catch (CalendarYearUnknownException e) {
			return null;
		}
	}

	private int correct(Case c, Map<String, Object> values, String reason, Handler by) {
		if (values == null || values.isEmpty()) {
			throw DomainException.badRequest("OBJECTION_VALUES_REQUIRED");
		}
		CreditRecord record = records.byId(c.recordId()).orElseThrow();
		RecordVersionRef ref = records.correct(c.recordId(), values, reason, record.providerId(), by.actor());
		return ref.versionNo();
	}

	private Case transition(long caseId, CaseStatus target, Handler by) {
		jdbc.sql("select id from objection where id = ? for update").param(caseId).query(Long.class).optional()
			.orElseThrow(() -> DomainException.notFound("OBJECTION_UNKNOWN", caseId));
		Case c = byId(caseId).orElseThrow();
		if (!c.status().mayBecome(target)) {
			// the refusal rolls the caller's transaction back: its audit entry commits on its own
			separately.executeWithoutResult(tx -> audit.record(AuditEntry.of("OBJECTION_TRANSITION_REFUSED",
					AuditEntry.Outcome.DENIED, Map.of("objectionId", caseId, "from", c.status().name(), "to",
							target.name()))
				.withActor(by.actor(), by.organisationId(), null)));
			throw DomainException.conflict("OBJECTION_TRANSITION_ILLEGAL", c.status().name(), target.name());
		}
		return c;
	}

	private void requireDecider(Case c, Handler by) {
		if (!mayDecide(c, by)) {
			throw forbidden();
		}
	}

	private static DomainException forbidden() {
		return new DomainException("OBJECTION_NOT_YOURS", HttpStatus.FORBIDDEN);
	}

	private void lockRecord(UUID recordId) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("objection:" + recordId).query().singleRow();
	}

	private long insert(CaseKind kind, CreditRecord record, int version, Route route, Grounds grounds,
			String explanation, LocalDate received, String by, Long organisationId) {
		boolean nonPublic = catalogs.publishedItem(record.catalogItem())
			.map(i -> i.item().openness() != Openness.PUBLIC)
			.orElse(true);
		return jdbc.sql("""
				insert into objection (kind, record_id, version_no, catalog_item, provider_id, subject_id, non_public,
				                       route, grounds, explanation, received_on, filed_by, organisation_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kind.name(), record.id(), version, record.catalogItem(), record.providerId(), record.subjectId(),
					nonPublic, route.name(), grounds == null ? null : grounds.name(), explanation, received, by,
					organisationId)
			.query(Long.class)
			.single();
	}

	private void event(long caseId, CaseStatus status, LocalDate deadline, Long assistingOrg, LocalDate assistDeadline,
			Remedy remedy, Integer correctedVersion, String note, String actor, Long organisationId) {
		jdbc.sql("""
				insert into objection_event (objection_id, status, deadline, assisting_org_id, assist_deadline, remedy,
				                             corrected_version, note, actor, organisation_id, occurred_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(caseId, status.name(), deadline, assistingOrg, assistDeadline, remedy == null ? null : remedy.name(),
					correctedVersion, note, actor, organisationId, today())
			.update();
	}

	private void auditChange(String action, long caseId, long subjectId, Handler by, Map<String, Object> more) {
		Map<String, Object> detail = new LinkedHashMap<>(more);
		detail.put("objectionId", caseId);
		audit.record(AuditEntry.of(action, AuditEntry.Outcome.SUCCESS, detail)
			.withActor(by.actor(), by.organisationId(), null)
			.aboutSubject(subjects.byId(subjectId).map(s -> s.code()).orElse(null), null));
	}

	private static String text(String value, String code) {
		if (value == null || value.isBlank()) {
			throw DomainException.badRequest(code);
		}
		if (value.length() > MAX_TEXT) {
			throw DomainException.unprocessable("OBJECTION_TEXT_TOO_LONG", MAX_TEXT);
		}
		return value.strip();
	}

	private static String optional(String value) {
		return value == null || value.isBlank() ? null : text(value, "OBJECTION_NOTE_REQUIRED");
	}

	private static String suffix(String note) {
		return note == null || note.isBlank() ? "" : "：" + note.strip();
	}

	private List<Case> load(String where, Object... params) {
		List<Case> out = new ArrayList<>();
		var rows = jdbc.sql("select o.* from objection o " + where + " order by o.id desc")
			.params(params)
			.query((rs, n) -> head(rs))
			.list();
		if (rows.isEmpty()) {
			return out;
		}
		Long[] ids = rows.stream().map(Case::id).toArray(Long[]::new);
		Map<Long, List<Case.Event>> history = new LinkedHashMap<>();
		jdbc.sql("select * from objection_event where objection_id = any(:ids) order by id")
			.param("ids", ids)
			.query((rs, n) -> {
				history.computeIfAbsent(rs.getLong("objection_id"), k -> new ArrayList<>()).add(event(rs));
				return null;
			})
			.list();
		Map<Long, List<Case.Attachment>> files = new LinkedHashMap<>();
		jdbc.sql("select id, objection_id, file_name, content_type, size_bytes from objection_attachment "
				+ "where objection_id = any(:ids) order by id")
			.param("ids", ids)
			.query((rs, n) -> {
				files.computeIfAbsent(rs.getLong("objection_id"), k -> new ArrayList<>())
					.add(new Case.Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getString("content_type"),
							rs.getLong("size_bytes")));
				return null;
			})
			.list();
		Map<Long, Case.Agent> agents = new LinkedHashMap<>();
		jdbc.sql("select * from objection_agent where objection_id = any(:ids)")
			.param("ids", ids)
			.query((rs, n) -> agents.put(rs.getLong("objection_id"), new Case.Agent(rs.getLong("agent_subject_id"),
					rs.getString("agent_name"), rs.getString("verification"), rs.getLong("letter_attachment"))))
			.list();
		for (Case c : rows) {
			List<Case.Event> h = history.get(c.id());
			if (h == null) {
				continue; // not committed completely yet
			}
			out.add(new Case(c.id(), c.kind(), c.recordId(), c.versionNo(), c.catalogItem(), c.providerId(),
					c.subjectId(), c.nonPublic(), c.route(), c.grounds(), c.explanation(), c.receivedOn(), c.filedBy(),
					c.filedAt(), h, files.getOrDefault(c.id(), List.of()), agents.get(c.id())));
		}
		return out;
	}

	private static Case head(ResultSet rs) throws SQLException {
		String grounds = rs.getString("grounds");
		return new Case(rs.getLong("id"), CaseKind.valueOf(rs.getString("kind")), rs.getObject("record_id", UUID.class),
				rs.getInt("version_no"), rs.getString("catalog_item"), rs.getLong("provider_id"),
				rs.getLong("subject_id"), rs.getBoolean("non_public"), Route.valueOf(rs.getString("route")),
				grounds == null ? null : Grounds.valueOf(grounds), rs.getString("explanation"),
				rs.getDate("received_on").toLocalDate(), rs.getString("filed_by"),
				rs.getTimestamp("filed_at").toInstant(), List.of(), List.of(), null);
	}

	private static Case.Event event(ResultSet rs) throws SQLException {
		long assisting = rs.getLong("assisting_org_id");
		Long assistingOrg = rs.wasNull() ? null : assisting;
		int corrected = rs.getInt("corrected_version");
		Integer correctedVersion = rs.wasNull() ? null : corrected;
		String remedy = rs.getString("remedy");
		return new Case.Event(rs.getLong("id"), CaseStatus.valueOf(rs.getString("status")), date(rs, "deadline"),
				assistingOrg, date(rs, "assist_deadline"), remedy == null ? null : Remedy.valueOf(remedy),
				correctedVersion, rs.getString("note"), rs.getString("actor"), date(rs, "occurred_on"),
				rs.getTimestamp("occurred_at").toInstant());
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		var d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
