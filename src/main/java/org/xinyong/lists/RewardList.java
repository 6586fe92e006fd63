package org.xinyong.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.disclosure.DisclosureEndings;
import org.xinyong.disclosure.Disclosures;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.ledger.Ledger;
import org.xinyong.lists.RewardEligibility.Obstacle;
import org.xinyong.lists.RewardEligibility.ObstacleKind;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;

/**
 * The reward list (守信激励对象, art. 39). A subject qualifies only with no dishonesty record — no current entry of
 * the serious-dishonesty list and no currently disclosed record of a dishonesty catalog item — and a ground with its
 * detail. The system computes eligibility with the reasons; an organisation confirms. An entry lapses by itself
 * when a dishonesty record of the subject appears or the subject enters the serious-dishonesty list. Inclusion and
 * lapse are ledger events ({@code REWARD_INCLUDED}, {@code REWARD_LAPSED}) and audited.
 */
@Service
public class RewardList {

	private static final String SELECT = """
			select e.*, l.lapsed_on, l.reason as lapse_reason from reward_entry e
			left join reward_lapse l on l.entry_id = e.id""";

	private final JdbcClient jdbc;
	private final CreditSubjects subjects;
	private final SeriousDishonestyList serious;
	private final CreditRecords records;
	private final Catalogs catalogs;
	private final Disclosures disclosures;
	private final DisclosureEndings endings;
	private final Ledger ledger;
	private final AuditLog audit;
	private final MessageSource messages;
	private final Clock clock;
	private final Evaluations evaluations;

	RewardList(JdbcClient jdbc, CreditSubjects subjects, SeriousDishonestyList serious, CreditRecords records,
			Catalogs catalogs, Disclosures disclosures, DisclosureEndings endings, Ledger ledger, AuditLog audit,
			MessageSource messages, Clock clock, Evaluations evaluations) {
		this.evaluations = evaluations;
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.serious = serious;
		this.records = records;
		this.catalogs = catalogs;
		this.disclosures = disclosures;
		this.endings = endings;
		this.ledger = ledger;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Eligibility today for the ground given, with every reason against it. The check is audited. */
	@Transactional
	public RewardEligibility eligibility(String subjectCode, RewardGround ground, String groundDetail) {
		CreditSubject subject = subject(subjectCode);
		RewardEligibility result = eligibility(subject, ground, groundDetail(subject, ground, groundDetail), today());
		audit.record(AuditEntry.of("REWARD_ELIGIBILITY_CHECKED", AuditEntry.Outcome.SUCCESS,
				Map.of("eligible", result.eligible(), "obstacles", result.obstacles().size()))
			.aboutSubject(SeriousDishonestyList.subjectRef(subject), null));
		return result;
	}

	private RewardEligibility eligibility(CreditSubject subject, RewardGround ground, String groundDetail,
			LocalDate day) {
		List<Obstacle> obstacles = new ArrayList<>();
		for (ListEntry e : serious.ofSubject(subject.id())) {
			if (e.activeOn(day)) {
				obstacles.add(obstacle(ObstacleKind.SERIOUS_LIST_ENTRY, e.documentNumber(), e.decidingOrganisation(),
						e.effectiveDate()));
			}
		}
		for (CreditRecord r : records.ofSubject(subject.id())) {
			RecordVersion v = r.current();
			Optional<CatalogItem> item = dishonestyItem(r.catalogItem());
			if (item.isPresent()
					&& disclosures.disclosedOn(r.catalogItem(), item.get().openness(), r.revoked(), v.severity(),
							v.decisionDate(), day)
					&& endings.endedOn(r.id()).isEmpty()) {
				obstacles.add(obstacle(ObstacleKind.DISHONESTY_RECORD, r.id().toString(), item.get().name(),
						v.decisionDate()));
			}
		}
		if (ground == null || blank(groundDetail)) {
			obstacles.add(obstacle(ObstacleKind.NO_GROUND, null, null, null));
		}
		return new RewardEligibility(subject.code(), subject.name(), day, obstacles.isEmpty(), obstacles);
	}

	/**
	 * The ground's detail: as stated, or — for a good grade stated without detail — the platform's own evaluation when
	 * its latest grade is the model's best (the evaluation feeds the ground; the organisation still confirms).
	 */
	private String groundDetail(CreditSubject subject, RewardGround ground, String detail) {
		if (ground != RewardGround.GOOD_GRADE || !blank(detail)) {
			return detail;
		}
		return evaluations.topGrade(subject.id())
			.map(g -> messages.getMessage("lists.reward.platformGrade",
					new Object[] { g.grade(), g.score(), g.asOf().toString(), g.runId() }, LocaleContextHolder.getLocale()))
			.orElse(detail);
	}

	/** The catalog item if it is published and marked as a dishonesty item (失信信息). */
	public Optional<CatalogItem> dishonestyItem(String itemCode) {
		return catalogs.publishedItem(itemCode).map(PublishedItem::item).filter(CatalogItem::dishonesty);
	}

	private Obstacle obstacle(ObstacleKind kind, String reference, String what, LocalDate date) {
		String reason = messages.getMessage("lists.reward.obstacle." + kind,
				new Object[] { reference, what, date == null ? "" : date.toString() }, kind.name(),
				LocaleContextHolder.getLocale());
		return new Obstacle(kind, reference, what, date, reason);
	}

	/** Confirms an entry; refused unless the document is complete and the subject is eligible today. */
	@Transactional
	public RewardEntry confirm(RewardDecision d, String recordedBy) {
		if (!blank(d.subjectCode()) && d.ground() == RewardGround.GOOD_GRADE && blank(d.groundDetail())) {
			d = d.withGroundDetail(groundDetail(subject(d.subjectCode()), d.ground(), d.groundDetail()));
		}
		List<String> missing = new ArrayList<>();
		if (blank(d.subjectCode())) {
			missing.add("subjectCode");
		}
		if (d.ground() == null) {
			missing.add("ground");
		}
		if (blank(d.groundDetail())) {
			missing.add("groundDetail");
		}
		if (blank(d.documentNumber())) {
			missing.add("documentNumber");
		}
		if (blank(d.confirmingOrganisation())) {
			missing.add("confirmingOrganisation");
		}
		if (d.effectiveDate() == null) {
			missing.add("effectiveDate");
		}
		if (d.plannedEnd() == null) {
			missing.add("plannedEnd");
		}
		if (!missing.isEmpty()) {
			throw DomainException.unprocessable("REWARD_DOCUMENT_INCOMPLETE", String.join(", ", missing));
		}
		if (d.plannedEnd().isBefore(d.effectiveDate())) {
			throw DomainException.unprocessable("LIST_END_BEFORE_START", d.effectiveDate(), d.plannedEnd());
		}
		CreditSubject subject = subject(d.subjectCode());
		RewardEligibility eligibility = eligibility(subject, d.ground(), d.groundDetail(), today());
		if (!eligibility.eligible()) {
			throw DomainException.unprocessable("REWARD_NOT_ELIGIBLE",
					String.join("；", eligibility.obstacles().stream().map(Obstacle::reason).toList()));
		}
		String number = d.documentNumber().trim();
		if (jdbc.sql("select count(*) from reward_entry where document_number = ?").param(number).query(Long.class)
			.single() > 0) {
			throw DomainException.conflict("LIST_DOCUMENT_DUPLICATE", number);
		}
		long id = jdbc.sql("""
				insert into reward_entry (subject_id, subject_code, subject_name, ground, ground_detail, document_number,
				    confirming_org, effective_date, planned_end, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(subject.id(), subject.code(), subject.name(), d.ground().name(), d.groundDetail().trim(), number,
					d.confirmingOrganisation().trim(), d.effectiveDate(), d.plannedEnd(), recordedBy,
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		ledger.appendEvent("REWARD_INCLUDED", "reward-entry:" + id,
				"{\"list\":\"REWARD\",\"subject\":\"" + subject.code() + "\",\"ground\":\"" + d.ground()
						+ "\",\"document\":\"" + SeriousDishonestyList.json(number) + "\",\"effective\":\""
						+ d.effectiveDate() + "\",\"end\":\"" + d.plannedEnd() + "\"}");
		audit.record(AuditEntry.of("REWARD_INCLUDED", AuditEntry.Outcome.SUCCESS,
				Map.of("list", "REWARD", "entry", id, "ground", d.ground().name(), "document", number))
			.aboutSubject(SeriousDishonestyList.subjectRef(subject), null));
		return byId(id).orElseThrow();
	}

	/**
	 * Lets every entry of the subject that has not ended lapse today, as an appended row, a {@code REWARD_LAPSED}
	 * ledger event and an audit entry. Idempotent: an entry lapses once.
	 *
	 * @param cause {@code record:<id>} or {@code list-entry:<id>}
	 * @return the ids of the entries that lapsed now
	 */
	@Transactional
	public List<Long> lapse(long subjectId, String reason, String cause) {
		LocalDate today = today();
		List<Long> lapsed = new ArrayList<>();
		for (RewardEntry e : ofSubject(subjectId)) {
			if (e.lapsedOn() != null || today.isAfter(e.plannedEnd())) {
				continue;
			}
			int inserted = jdbc.sql("""
					insert into reward_lapse (entry_id, lapsed_on, reason, cause, recorded_at) values (?, ?, ?, ?, ?)
					on conflict (entry_id) do nothing""")
				.params(e.id(), today, reason, cause, Timestamp.from(clock.instant()))
				.update();
			if (inserted == 0) {
				continue;
			}
			ledger.appendEvent("REWARD_LAPSED", "reward-entry:" + e.id(),
					"{\"list\":\"REWARD\",\"cause\":\"" + SeriousDishonestyList.json(cause) + "\",\"on\":\"" + today
							+ "\"}");
			audit.record(AuditEntry.of("REWARD_LAPSED", AuditEntry.Outcome.SUCCESS,
					Map.of("list", "REWARD", "entry", e.id(), "cause", cause))
				.withActor("system", null, null));
			lapsed.add(e.id());
		}
		return lapsed;
	}

	/** Entering the serious-dishonesty list ends the subject's rewards, in the inclusion's transaction. */
	@EventListener
	void on(SeriousEntryIncluded event) {
		lapse(event.subjectId(), "列入严重失信主体名单（" + event.documentNumber() + "）", "list-entry:" + event.entryId());
	}

	/** Of the given subjects, those with an entry that has not lapsed or ended (one statement). */
	public Set<Long> withOpenEntries(Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return Set.of();
		}
		return new TreeSet<>(jdbc.sql("""
				select distinct e.subject_id from reward_entry e
				where e.subject_id = any(cast(? as bigint[])) and e.planned_end >= ?
				  and not exists (select 1 from reward_lapse l where l.entry_id = e.id)""")
			.params(subjectIds.toArray(Long[]::new), today())
			.query(Long.class)
			.list());
	}

	public Optional<RewardEntry> byId(long id) {
		return jdbc.sql(SELECT + " where e.id = ?").param(id).query(RewardList::entry).optional();
	}

	/** Entries of a subject, newest first, including lapsed and ended ones. */
	public List<RewardEntry> ofSubject(long subjectId) {
		return ofSubjects(List.of(subjectId));
	}

	/** Entries of several subjects, newest first per subject, including lapsed and ended ones (one query). */
	public List<RewardEntry> ofSubjects(java.util.Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where e.subject_id = any(?) order by e.subject_id, e.id desc")
			.param(subjectIds.toArray(Long[]::new))
			.query(RewardList::entry)
			.list();
	}

	/** The newest entries, whatever their state (for the console). */
	public List<RewardEntry> latest(int limit) {
		return jdbc.sql(SELECT + " order by e.id desc limit ?").param(limit).query(RewardList::entry).list();
	}

	private CreditSubject subject(String code) {
		if (blank(code)) {
			throw DomainException.unprocessable("REWARD_DOCUMENT_INCOMPLETE", "subjectCode");
		}
		return subjects.byCode(code.trim())
			.orElseThrow(() -> DomainException.notFound("LIST_SUBJECT_UNKNOWN", code));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static RewardEntry entry(ResultSet rs, int row) throws SQLException {
		return new RewardEntry(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_code"),
				rs.getString("subject_name"), RewardGround.valueOf(rs.getString("ground")),
				rs.getString("ground_detail"), rs.getString("document_number"), rs.getString("confirming_org"),
				rs.getObject("effective_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
				rs.getObject("lapsed_on", LocalDate.class), rs.getString("lapse_reason"));
	}
}
