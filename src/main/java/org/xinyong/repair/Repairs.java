package org.xinyong.repair;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.calendar.CalendarYearUnknownException;
import org.xinyong.calendar.WorkingDays;
import org.xinyong.catalog.Catalogs;
import org.xinyong.disclosure.DisclosureEndings;
import org.xinyong.disclosure.DisclosureWindow;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.platform.DomainException;
import org.xinyong.repair.internal.AttachmentStore;
import org.xinyong.repair.internal.RepairPolicy;

/**
 * Credit repair (art. 55-57): eligibility per record, applications, handling within working-day time limits and
 * outcomes. Every change is audited and appended to the application's history.
 */
@Service
public class Repairs {

	/** Longest accepted text of the obligations statement or the commitment. */
	static final int TEXT_LIMIT = 4000;

	private final JdbcClient jdbc;
	private final CreditRecords records;
	private final Catalogs catalogs;
	private final DisclosureEndings endings;
	private final WorkingDays workingDays;
	private final RepairPolicy policy;
	private final AttachmentStore attachments;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Repairs(JdbcClient jdbc, CreditRecords records, Catalogs catalogs, DisclosureEndings endings,
			WorkingDays workingDays, RepairPolicy policy, AttachmentStore attachments, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.records = records;
		this.catalogs = catalogs;
		this.endings = endings;
		this.workingDays = workingDays;
		this.policy = policy;
		this.attachments = attachments;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Eligibility of every dishonesty record of the subject on {@code day}. */
	public List<Eligibility> eligibility(long subjectId, LocalDate day) {
		List<Eligibility> out = new ArrayList<>();
		for (CreditRecord r : records.ofSubject(subjectId)) {
			if (isDishonesty(r.catalogItem()) && !r.revoked()) {
				out.add(eligibility(r, day));
			}
		}
		return out;
	}

	public Eligibility eligibility(UUID recordId, LocalDate day) {
		return eligibility(records.byId(recordId).orElseThrow(() -> DomainException.notFound("REPAIR_RECORD_UNKNOWN", recordId)),
				day);
	}

	private boolean isDishonesty(String itemCode) {
		return catalogs.publishedItem(itemCode).map(p -> p.item().dishonesty()).orElse(false);
	}

	private Eligibility eligibility(CreditRecord r, LocalDate day) {
		RepairPolicy.Regime rules = policy.on(day);
		String item = r.catalogItem();
		String name = catalogs.publishedItem(item).map(p -> p.item().name()).orElse(item);
		Optional<DisclosureWindow> window = endings.window(r.id());
		String recordRegime = window.map(DisclosureWindow::regime).orElse(null);
		RepairOutcome outcome = rules.repairable().get(item);
		String exclusion = policy.exclusion(item);
		String status;
		LocalDate from = null;
		if (r.revoked()) {
			status = "REVOKED";
		}
		else if (!isDishonesty(item)) {
			status = "NOT_DISHONESTY";
		}
		else if (exclusion != null) {
			status = "EXCLUDED";
		}
		else if (outcome == null) {
			status = "NOT_REPAIRABLE";
		}
		else if (window.isEmpty() || !window.get().disclosed()) {
			status = "NOT_DISCLOSED";
		}
		else if (endings.endedOn(r.id()).isPresent() || (window.get().until() != null && !day.isBefore(window.get().until()))) {
			status = "ENDED";
		}
		else if (openApplication(r.id()).isPresent()) {
			status = "PENDING";
		}
		else {
			DisclosureWindow w = window.get();
			from = w.minimumUntil() != null ? w.minimumUntil() : w.from();
			status = w.minimumReached(day) ? "ELIGIBLE" : "NOT_YET";
		}
		return new Eligibility(r.id(), item, name, status, from, recordRegime, rules.code(), outcome, exclusion,
				rules.materials());
	}

	private Optional<String> openApplication(UUID recordId) {
		return jdbc.sql("select number from repair_application where record_id = ? and status in ('RECEIVED', 'ACCEPTED')")
			.param(recordId)
			.query(String.class)
			.optional();
	}

	/**
	 * A subject applies for repair of its own record: a statement (with proof attachments) that its obligations
	 * were fulfilled and a credit commitment, which is made public with the application.
	 */
	@Transactional
	public RepairApplication apply(long subjectId, UUID recordId, String obligations, String commitment,
			List<AttachmentStore.Upload> proofs, String actor) {
		return apply(subjectId, recordId, obligations, commitment, proofs, actor, null);
	}

	/**
	 * An authorised agent (代理人) files for a subject: signed in with a verified identity of its own, with the
	 * subject's letter of authorisation (checked like the proof files).
	 *
	 * @param subjectId the agent's own subject id (its sign-in)
	 * @param method    how the agent's identity was verified (the sign-in method)
	 */
	public record AgentFiling(long subjectId, String name, String method, AttachmentStore.Upload letter) {
	}

	/** The agent who filed an application, as shown on the case. */
	public record Agent(long subjectId, String name, String method, String letterFile) {
	}

	/** An agent applies for repair of a record of the subject it represents (identified by its code). */
	@Transactional
	public RepairApplication applyAsAgent(String subjectCode, UUID recordId, String obligations, String commitment,
			List<AttachmentStore.Upload> proofs, AgentFiling agent, String actor) {
		if (agent.letter() == null) {
			throw DomainException.badRequest("REPAIR_AUTHORISATION_REQUIRED");
		}
		attachments.check(agent.letter());
		long subjectId = jdbc.sql("select id from credit_subject where code = ?")
			.param(subjectCode == null ? "" : subjectCode.strip().toUpperCase())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("REPAIR_RECORD_UNKNOWN", recordId));
		return apply(subjectId, recordId, obligations, commitment, proofs, actor, agent);
	}

	/** The agent who filed the application, if one did. */
	public Optional<Agent> agent(String number) {
		return jdbc.sql("""
				select g.agent_subject_id, g.agent_name, g.verification, t.file_name from repair_agent g
				join repair_application a on a.id = g.application_id
				join repair_attachment t on t.id = g.letter_attachment where a.number = ?""")
			.param(number)
			.query((rs, n) -> new Agent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	private RepairApplication apply(long subjectId, UUID recordId, String obligations, String commitment,
			List<AttachmentStore.Upload> proofs, String actor, AgentFiling agent) {
		LocalDate day = today();
		CreditRecord record = records.byId(recordId)
			.filter(r -> r.subjectId() == subjectId)
			.orElseThrow(() -> DomainException.notFound("REPAIR_RECORD_UNKNOWN", recordId));
		obligations = required(obligations, "REPAIR_OBLIGATIONS_REQUIRED");
		commitment = required(commitment, "REPAIR_COMMITMENT_REQUIRED");
		if (proofs == null || proofs.isEmpty()) {
			throw DomainException.badRequest("REPAIR_PROOF_REQUIRED");
		}
		proofs.forEach(attachments::check);
		Eligibility e = eligibility(record, day);
		if (!e.eligible()) {
			throw new DomainException("REPAIR_NOT_ELIGIBLE", org.springframework.http.HttpStatus.CONFLICT, e.status(),
					e.from() == null ? "—" : e.from());
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(recordId.toString()).query().singleRow();
		if (openApplication(recordId).isPresent()) {
			throw DomainException.conflict("REPAIR_ALREADY_PENDING");
		}
		RepairPolicy.Regime rules = policy.on(day);
		long seq = jdbc.sql("select nextval('repair_application_number_seq')").query(Long.class).single();
		String number = "XF" + day.getYear() + String.format("%06d", seq);
		Schedule due = schedule(rules.code(), day, null, false);
		long id = jdbc.sql("""
				insert into repair_application (number, record_id, subject_id, catalog_item, outcome, regime, status,
				  obligations, commitment, received_on, accept_due, feedback_due)
				values (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, ?) returning id""")
			.params(number, recordId, subjectId, record.catalogItem(), e.outcome().name(), rules.code(), obligations,
					commitment, day, due.acceptDue(), due.feedbackDue())
			.query(Long.class)
			.single();
		for (AttachmentStore.Upload proof : proofs) {
			storeAttachment(id, number, proof);
		}
		Map<String, Object> detail = new java.util.LinkedHashMap<>(Map.of("number", number, "record",
				recordId.toString(), "regime", rules.code(), "attachments", proofs.size()));
		if (agent != null) {
			long letter = storeAttachment(id, number, agent.letter());
			jdbc.sql("insert into repair_agent (application_id, agent_subject_id, agent_name, verification, letter_attachment) values (?, ?, ?, ?, ?)")
				.params(id, agent.subjectId(), agent.name(), agent.method(), letter)
				.update();
			detail.put("agent", actor);
		}
		history(id, actor, agent == null ? "APPLIED" : "APPLIED_BY_AGENT", null, RepairStatus.RECEIVED, null, day);
		audit.record(AuditEntry.of("REPAIR_APPLIED", AuditEntry.Outcome.SUCCESS, detail));
		return byNumber(number).orElseThrow();
	}

	private long storeAttachment(long applicationId, String number, AttachmentStore.Upload upload) {
		AttachmentStore.Stored s = attachments.store(number, upload);
		return jdbc.sql("""
				insert into repair_attachment (application_id, file_name, content_type, size_bytes, sha256, stored_path)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(applicationId, s.fileName(), s.contentType(), s.size(), s.sha256(), s.path())
			.query(Long.class)
			.single();
	}

	private static String required(String text, String code) {
		if (text == null || text.isBlank()) {
			throw DomainException.badRequest(code);
		}
		if (text.length() > TEXT_LIMIT) {
			throw DomainException.badRequest("REPAIR_TEXT_TOO_LONG", TEXT_LIMIT);
		}
		return text.strip();
	}

	/**
	 * The due dates of an application under a regime's time limits, in working days with the day of receipt (or
	 * acceptance) not counted: acceptance from receipt; decision from acceptance (null before), extended when
	 * complex; feedback to the applicant from receipt, and never before the decision is due.
	 */
	public record Schedule(LocalDate acceptDue, LocalDate decideDue, LocalDate feedbackDue) {
	}

	public Schedule schedule(String regimeCode, LocalDate received, LocalDate accepted, boolean complex) {
		RepairPolicy.TimeLimits t = policy.byCode(regimeCode).limits();
		LocalDate decideDue = accepted == null ? null : workingDays.addWorkingDays(accepted, t.decideDays());
		if (decideDue != null && complex) {
			decideDue = workingDays.addWorkingDays(decideDue, t.complexExtraDays());
		}
		LocalDate feedbackDue = workingDays.addWorkingDays(received, t.feedbackDays());
		if (decideDue != null && feedbackDue.isBefore(decideDue)) {
			feedbackDue = decideDue;
		}
		return new Schedule(workingDays.addWorkingDays(received, t.acceptDays()), decideDue, feedbackDue);
	}

	/** The regime governing applications received on {@code day}. */
	public String regimeOn(LocalDate day) {
		return policy.on(day).code();
	}

	/** Acceptance decision: accepted (the decision deadline starts) or not accepted (with the reason). */
	@Transactional
	public RepairApplication accept(String number, boolean accepted, String reason, String actor) {
		RepairApplication a = lockForTransition(number, accepted ? RepairStatus.ACCEPTED : RepairStatus.NOT_ACCEPTED);
		LocalDate day = today();
		if (accepted) {
			Schedule due = schedule(a.regime(), a.receivedOn(), day, false);
			jdbc.sql("update repair_application set status = 'ACCEPTED', accepted_on = ?, decide_due = ?, feedback_due = ? where id = ?")
				.params(day, due.decideDue(), due.feedbackDue(), a.id())
				.update();
		}
		else {
			reason = required(reason, "REPAIR_REASON_REQUIRED");
			jdbc.sql("update repair_application set status = 'NOT_ACCEPTED', decided_on = ?, decision_reason = ? where id = ?")
				.params(day, reason, a.id())
				.update();
		}
		return changed(a, actor, accepted ? "ACCEPTED" : "NOT_ACCEPTED", a.status(),
				accepted ? RepairStatus.ACCEPTED : RepairStatus.NOT_ACCEPTED, reason, day);
	}

	/** Marks an accepted application complex: the decision deadline is extended once, with the reason. */
	@Transactional
	public RepairApplication markComplex(String number, String reason, String actor) {
		RepairApplication a = lock(number);
		if (a.status() != RepairStatus.ACCEPTED || a.complex()) {
			throw DomainException.conflict("REPAIR_TRANSITION_ILLEGAL", a.status(), "COMPLEX");
		}
		reason = required(reason, "REPAIR_REASON_REQUIRED");
		if (policy.byCode(a.regime()).limits().complexExtraDays() == 0) {
			throw DomainException.conflict("REPAIR_COMPLEX_NOT_ALLOWED", a.regime());
		}
		Schedule due = schedule(a.regime(), a.receivedOn(), a.acceptedOn(), true);
		jdbc.sql("update repair_application set complex = true, complex_reason = ?, decide_due = ?, feedback_due = ? where id = ?")
			.params(reason, due.decideDue(), due.feedbackDue(), a.id())
			.update();
		return changed(a, actor, "MARKED_COMPLEX", a.status(), a.status(), reason, today());
	}

	/**
	 * Decides an accepted application. A grant ends the record's disclosure ({@code REPAIR:<number>}, a ledger
	 * event) and publishes {@link CreditRepaired} for lists, measures, evaluation and propagation.
	 */
	@Transactional
	public RepairApplication decide(String number, boolean granted, String reason, String actor) {
		RepairStatus to = granted ? RepairStatus.GRANTED : RepairStatus.REJECTED;
		RepairApplication a = lockForTransition(number, to);
		LocalDate day = today();
		if (!granted) {
			reason = required(reason, "REPAIR_REASON_REQUIRED");
		}
		jdbc.sql("update repair_application set status = ?, decided_on = ?, decision_reason = ? where id = ?")
			.params(to.name(), day, reason, a.id())
			.update();
		if (granted) {
			endings.endEarly(a.recordId(), day, "REPAIR:" + a.number());
			events.publishEvent(new CreditRepaired(a.recordId(), a.subjectId(), a.outcome(), a.number()));
		}
		return changed(a, actor, to.name(), a.status(), to, reason, day);
	}

	/** The applicant was told the result (feedback, within the feedback time limit). */
	@Transactional
	public RepairApplication feedback(String number, String note, String actor) {
		RepairApplication a = lock(number);
		if (!a.status().decided() || a.feedbackOn() != null) {
			throw DomainException.conflict("REPAIR_TRANSITION_ILLEGAL", a.status(), "FEEDBACK");
		}
		LocalDate day = today();
		jdbc.sql("update repair_application set feedback_on = ? where id = ?").params(day, a.id()).update();
		return changed(a, actor, "FEEDBACK", a.status(), a.status(), note, day);
	}

	/**
	 * The credit commitment of a granted repair proved false: the repair is revoked, the record disclosed again
	 * (a {@code DISCLOSURE_RESUMED} ledger event) and {@link RepairReopened} is published.
	 */
	@Transactional
	public RepairApplication reopenForFalseCommitment(String number, String reason, String actor) {
		RepairApplication a = lockForTransition(number, RepairStatus.REOPENED);
		reason = required(reason, "REPAIR_REASON_REQUIRED");
		LocalDate day = today();
		jdbc.sql("update repair_application set status = 'REOPENED' where id = ?").param(a.id()).update();
		endings.resume(a.recordId(), "FALSE_COMMITMENT:" + a.number());
		events.publishEvent(new RepairReopened(a.recordId(), a.subjectId(), a.number(), reason));
		return changed(a, actor, "REOPENED_FALSE_COMMITMENT", a.status(), RepairStatus.REOPENED, reason, day);
	}

	private RepairApplication lock(String number) {
		Long id = jdbc.sql("select id from repair_application where number = ? for update")
			.param(number)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.notFound("REPAIR_APPLICATION_UNKNOWN", number));
		return byId(id);
	}

	private RepairApplication lockForTransition(String number, RepairStatus to) {
		RepairApplication a = lock(number);
		if (!a.status().canBecome(to)) {
			audit.record(AuditEntry.of("REPAIR_TRANSITION_REFUSED", AuditEntry.Outcome.FAILURE,
					Map.of("number", number, "from", a.status().name(), "to", to.name())));
			throw DomainException.conflict("REPAIR_TRANSITION_ILLEGAL", a.status(), to);
		}
		return a;
	}

	private RepairApplication changed(RepairApplication a, String actor, String action, RepairStatus from,
			RepairStatus to, String note, LocalDate day) {
		history(a.id(), actor, action, from, to, note, day);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("number", a.number());
		detail.put("from", from.name());
		detail.put("to", to.name());
		audit.record(AuditEntry.of("REPAIR_" + action, AuditEntry.Outcome.SUCCESS, detail));
		return byId(a.id());
	}

	private void history(long id, String actor, String action, RepairStatus from, RepairStatus to, String note,
			LocalDate day) {
		jdbc.sql("""
				insert into repair_history (application_id, on_day, actor, action, from_status, to_status, note)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, day, actor, action, from == null ? null : from.name(), to.name(), note)
			.update();
	}

	/** One step of an application's history. */
	public record Step(java.time.Instant at, LocalDate onDay, String actor, String action, String from, String to,
			String note) {
	}

	public List<Step> history(String number) {
		return jdbc.sql("""
				select h.* from repair_history h join repair_application a on a.id = h.application_id
				where a.number = ? order by h.id""")
			.param(number)
			.query((rs, n) -> new Step(rs.getTimestamp("at").toInstant(), rs.getDate("on_day").toLocalDate(),
					rs.getString("actor"), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getString("note")))
			.list();
	}

	/** An attachment's metadata (the file stays on disk). */
	public record Attachment(String fileName, String contentType, long size, String sha256) {
	}

	public List<Attachment> attachments(String number) {
		return jdbc.sql("""
				select t.* from repair_attachment t join repair_application a on a.id = t.application_id
				where a.number = ? order by t.id""")
			.param(number)
			.query((rs, n) -> new Attachment(rs.getString("file_name"), rs.getString("content_type"),
					rs.getLong("size_bytes"), rs.getString("sha256")))
			.list();
	}

	public Optional<RepairApplication> byNumber(String number) {
		return jdbc.sql("select * from repair_application where number = ?").param(number).query(this::map).optional();
	}

	private RepairApplication byId(long id) {
		return jdbc.sql("select * from repair_application where id = ?").param(id).query(this::map).single();
	}

	/** The subject's applications, and those it filed as an authorised agent, newest first. */
	public List<RepairApplication> ofSubject(long subjectId) {
		return jdbc.sql("select * from repair_application where subject_id = ? or id in "
				+ "(select application_id from repair_agent where agent_subject_id = ?) order by id desc")
			.params(subjectId, subjectId)
			.query(this::map)
			.list();
	}

	/** Applications for the console; {@code overdueOnly} keeps those with an overdue time limit. */
	public List<RepairApplication> list(boolean overdueOnly) {
		List<RepairApplication> all = jdbc.sql("select * from repair_application order by id desc limit 1000")
			.query(this::map)
			.list();
		return overdueOnly ? all.stream().filter(RepairApplication::overdue).toList() : all;
	}

	public long overdueCount() {
		return list(true).size();
	}

	/** A credit commitment as published with its application. */
	public record PublicCommitment(String number, String itemName, String subjectName, LocalDate receivedOn,
			RepairStatus status, String commitment) {
	}

	/** The public list of commitments (信用承诺公示), newest first. */
	public List<PublicCommitment> commitments() {
		return jdbc.sql("""
				select a.number, a.catalog_item, a.received_on, a.status, a.commitment,
				       (select case when s.subject_type = 'NATURAL_PERSON' then null else
				         (select n.name from credit_subject_name n where n.subject_id = s.id order by n.first_seen_at desc, n.name limit 1) end
				        from credit_subject s where s.id = a.subject_id) as subject_name
				from repair_application a order by a.id desc limit 200""")
			.query((rs, n) -> new PublicCommitment(rs.getString("number"),
					catalogs.publishedItem(rs.getString("catalog_item")).map(p -> p.item().name()).orElse(rs.getString("catalog_item")),
					rs.getString("subject_name"), rs.getDate("received_on").toLocalDate(),
					RepairStatus.valueOf(rs.getString("status")), rs.getString("commitment")))
			.list();
	}

	private RepairApplication map(ResultSet rs, int n) throws SQLException {
		RepairStatus status = RepairStatus.valueOf(rs.getString("status"));
		LocalDate acceptDue = date(rs, "accept_due");
		LocalDate acceptedOn = date(rs, "accepted_on");
		LocalDate decideDue = date(rs, "decide_due");
		LocalDate decidedOn = date(rs, "decided_on");
		LocalDate feedbackDue = date(rs, "feedback_due");
		LocalDate feedbackOn = date(rs, "feedback_on");
		List<Deadline> deadlines = new ArrayList<>();
		deadlines.add(deadline("ACCEPT", acceptDue, status != RepairStatus.RECEIVED));
		if (decideDue != null) {
			deadlines.add(deadline("DECIDE", decideDue, decidedOn != null));
		}
		deadlines.add(deadline("FEEDBACK", feedbackDue, feedbackOn != null));
		return new RepairApplication(rs.getLong("id"), rs.getString("number"), rs.getObject("record_id", UUID.class),
				rs.getLong("subject_id"), rs.getString("catalog_item"), RepairOutcome.valueOf(rs.getString("outcome")),
				rs.getString("regime"), status, rs.getString("obligations"), rs.getString("commitment"),
				date(rs, "received_on"), acceptDue, acceptedOn, decideDue, rs.getBoolean("complex"),
				rs.getString("complex_reason"), decidedOn, rs.getString("decision_reason"), feedbackDue, feedbackOn,
				List.copyOf(deadlines));
	}

	private Deadline deadline(String kind, LocalDate due, boolean met) {
		LocalDate day = today();
		Integer remaining;
		try {
			remaining = day.isAfter(due) ? -workingDays.workingDaysBetween(due, day) : workingDays.workingDaysBetween(day, due);
		}
		catch (CalendarYearUnknownException e) {
			remaining = null;
		}
		return new Deadline(kind, due, remaining, !met && day.isAfter(due), met);
	}

	private static LocalDate date(ResultSet rs, String column) throws SQLException {
		java.sql.Date d = rs.getDate(column);
		return d == null ? null : d.toLocalDate();
	}
}
