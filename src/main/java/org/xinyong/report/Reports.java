package org.xinyong.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.disclosure.PublicCreditInfo;
import org.xinyong.disclosure.PublicRecord;
import org.xinyong.disclosure.ReportGroup;
import org.xinyong.disclosure.SubjectView;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.ledger.Ledger;
import org.xinyong.evaluation.Evaluations;
import org.xinyong.evaluation.PublicEvaluation;
import org.xinyong.lists.ListEntry;
import org.xinyong.lists.RewardEntry;
import org.xinyong.lists.RewardList;
import org.xinyong.lists.SeriousDishonestyList;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.platform.Zones;
import org.xinyong.portal.RecordDisplay;
import org.xinyong.report.CreditReport.Audience;
import org.xinyong.sharing.SharedRecords;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.report.CreditReport.Change;
import org.xinyong.report.CreditReport.Field;
import org.xinyong.report.CreditReport.Item;
import org.xinyong.report.CreditReport.Section;

/**
 * Issues credit reports and verifies them. A public report contains exactly what the credit website shows
 * ({@link PublicCreditInfo}); every issuance is recorded append-only with the ledger checkpoint it was issued under,
 * and audited.
 */
@Service
public class Reports {

	private static final DateTimeFormatter NUMBER_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	/** The sections in the order of the national report standard (honours come third, after administration). */
	public static final List<ReportGroup> SECTION_ORDER = List.of(ReportGroup.BASIC, ReportGroup.LICENCE,
			ReportGroup.PENALTY, ReportGroup.HONOURS, ReportGroup.SERIOUS_DISHONESTY, ReportGroup.ABNORMAL_OPERATION,
			ReportGroup.COMMITMENT, ReportGroup.EVALUATION, ReportGroup.JUDICIAL, ReportGroup.OTHER);

	private final PublicCreditInfo publicInfo;
	private final CreditRecords records;
	private final Ledger ledger;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final CreditSubjects subjects;
	private final RecordDisplay display;
	private final SharedRecords sharing;
	private final SeriousDishonestyList seriousList;
	private final RewardList rewardList;
	private final Evaluations evaluations;
	private final MessageSource messages;
	private final SecureRandom random = new SecureRandom();

	Reports(PublicCreditInfo publicInfo, CreditRecords records, Ledger ledger, AuditLog audit, JdbcClient jdbc,
			Clock clock, CreditSubjects subjects, RecordDisplay display, SharedRecords sharing,
			SeriousDishonestyList seriousList, RewardList rewardList, Evaluations evaluations,
			MessageSource messages) {
		this.evaluations = evaluations;
		this.rewardList = rewardList;
		this.display = display;
		this.sharing = sharing;
		this.seriousList = seriousList;
		this.messages = messages;
		this.subjects = subjects;
		this.publicInfo = publicInfo;
		this.records = records;
		this.ledger = ledger;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The public report of an organisation: what the credit website shows about it, masked and disclosure-filtered.
	 *
	 * @return empty when the website knows no such organisation
	 */
	@Transactional
	public Optional<CreditReport> issuePublic(String code, Audience audience, Locale locale) {
		Optional<SubjectView> found = publicInfo.subject(code);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		SubjectView view = found.get();
		Map<UUID, CreditRecord> history = new LinkedHashMap<>();
		List<Section> sections = new ArrayList<>();
		for (ReportGroup group : SECTION_ORDER) {
			List<Item> items = new ArrayList<>();
			for (PublicRecord r : view.groups().getOrDefault(group, List.of())) {
				List<Field> fields = display.fields(r, locale)
					.stream()
					.map(f -> new Field(f.label(), f.value()))
					.toList();
				items.add(new Item(r.catalogItem(), display.itemName(r.catalogItem(), locale), r.sourceUnit(),
						r.decisionDate(), fields, List.of()));
			}
			sections.add(new Section(group, items));
		}
		// The change history of the disclosed versions: kind and date of every version up to the shown one (the
		// reasons may name non-public facts and are only in the subject's own report).
		if (view.recordCount() > 0) {
			Long subjectId = subjects.byCode(view.subject().code()).map(CreditSubject::id).orElse(null);
			if (subjectId != null) {
				for (CreditRecord r : records.ofSubject(subjectId)) {
					history.put(r.id(), r);
				}
			}
			List<Section> withHistory = new ArrayList<>();
			for (Section s : sections) {
				List<Item> items = new ArrayList<>();
				List<PublicRecord> shown = view.groups().getOrDefault(s.group(), List.of());
				for (int i = 0; i < s.items().size(); i++) {
					PublicRecord r = shown.get(i);
					CreditRecord h = history.get(r.recordId());
					List<Change> changes = new ArrayList<>();
					if (h != null) {
						for (RecordVersion v : h.versions()) {
							if (v.versionNo() <= r.versionNo()) {
								changes.add(new Change(v.versionNo(), v.kind().name(), null, v.recordedAt()));
							}
						}
					}
					else {
						changes.add(new Change(r.versionNo(), "CURRENT", null, r.updatedAt()));
					}
					Item it = s.items().get(i);
					items.add(new Item(it.catalogItem(), it.title(), it.sourceUnit(), it.decisionDate(), it.fields(),
							changes));
				}
				withHistory.add(new Section(s.group(), items));
			}
			sections = withHistory;
		}
		Optional<CreditSubject> subject = subjects.byCode(view.subject().code());
		if (subject.isPresent()) {
			sections = withSubjectFacts(sections, subject.get(), true, locale);
		}
		CreditReport report = issue(view.subject().code(), view.subject().name(), view.subject().type().name(),
				audience, sections);
		audit(report, audience == Audience.PUBLIC ? "REPORT_ISSUED" : "REPORT_STATE_BODY_ISSUED", null);
		return Optional.of(report);
	}

	/**
	 * A subject's own full report (art. 50): every record, public or not, revoked ones too, each with every change
	 * and its reason. Audited as a read of non-public data, so the subject sees it among the reads about it.
	 */
	@Transactional
	public CreditReport issueOwn(long subjectId, Locale locale) {
		CreditSubject subject = subjects.byId(subjectId)
			.orElseThrow(() -> new IllegalArgumentException("no subject " + subjectId));
		List<Section> sections = withSubjectFacts(sections(records.ofSubject(subjectId), true, locale), subject, false,
				locale);
		CreditReport report = issue(subject.code(), subject.name(), subject.type().name(), Audience.SELF, sections);
		audit(report, "REPORT_FULL_READ", "信用报告（本人）");
		return report;
	}

	/**
	 * The report for a state body (art. 32, 34): the current version of every record of the catalog items its
	 * organisation holds a sharing grant for, for the stated purpose, with the kind and date of every change (not
	 * the reasons). Refused as the sharing API refuses (no organisation, no purpose, no grant covering it); the
	 * sharing query is audited as {@code SHARING_READ} about the subject, the issuance as
	 * {@code REPORT_STATE_BODY_ISSUED}. Works for organisations and natural persons alike.
	 */
	@Transactional
	public CreditReport issueForStateBody(OrganisationMember member, String code, String purpose, String purposeText,
			Locale locale) {
		SharedRecords.Shared shared = sharing.query(member, code, purpose, purposeText);
		List<CreditRecord> granted = records.ofSubject(shared.subject().id())
			.stream()
			.filter(r -> shared.recordIds().contains(r.id()))
			.toList();
		CreditSubject subject = shared.subject();
		CreditReport report = issue(subject.code(), subject.name(), subject.type().name(), Audience.STATE_BODY,
				withSubjectFacts(sections(granted, false, locale), subject, true, locale));
		audit(report, "REPORT_STATE_BODY_ISSUED", shared.purposeText() == null ? shared.purpose().name()
				: shared.purpose().name() + ": " + shared.purposeText());
		return report;
	}

	/**
	 * Adds the subject's registration facts (first item of 基本信息), its serious-dishonesty list entries (a public
	 * list, art. 43-44) and its reward-list entries (art. 39, under 诚实守信相关荣誉): only the entries on the lists
	 * today when {@code currentOnly}, otherwise every entry with its removal or lapse; and the platform's latest
	 * credit evaluation (art. 38) with its explanation, first in 信用评价.
	 */
	private List<Section> withSubjectFacts(List<Section> sections, CreditSubject subject, boolean currentOnly,
			Locale locale) {
		String platform = msg(locale, "report.platform");
		List<Field> basics = new ArrayList<>();
		basics.add(new Field(msg(locale, "report.basic.name"), subject.name()));
		basics.add(new Field(msg(locale, "report.basic.code"), subject.code()));
		basics.add(new Field(msg(locale, "report.basic.type"), msg(locale, "report.basic.type." + subject.type())));
		List<String> former = subjects.names(subject.id())
			.stream()
			.filter(n -> !n.equals(subject.name()))
			.toList();
		if (!former.isEmpty()) {
			basics.add(new Field(msg(locale, "report.basic.former"), String.join("；", former)));
		}
		Item basic = new Item("SUBJECT", msg(locale, "report.basic.title"), platform, null, basics, List.of());
		LocalDate today = LocalDate.now(clock);
		List<Item> listed = new ArrayList<>();
		for (ListEntry e : seriousList.ofSubject(subject.id())) {
			if (currentOnly && !e.activeOn(today)) {
				continue;
			}
			List<Field> fields = new ArrayList<>();
			fields.add(new Field(msg(locale, "report.list.category"),
					msg(locale, "lists.category." + e.category())));
			if (e.legalRepresentative() != null && !e.legalRepresentative().isBlank()) {
				fields.add(new Field(msg(locale, "report.list.representative"), e.legalRepresentative()));
			}
			fields.add(new Field(msg(locale, "report.list.reason"), e.reason()));
			fields.add(new Field(msg(locale, "report.list.basis"), e.basis()));
			fields.add(new Field(msg(locale, "report.list.measures"), e.measures()));
			fields.add(new Field(msg(locale, "report.list.document"), e.documentNumber()));
			fields.add(new Field(msg(locale, "report.list.period"), e.effectiveDate() + " — " + e.plannedEnd()));
			fields.add(new Field(msg(locale, "report.list.removalConditions"), e.removalConditions()));
			List<Change> changes = new ArrayList<>();
			changes.add(new Change(1, "LIST_INCLUDED", currentOnly ? null : e.documentNumber(), e.recordedAt()));
			if (e.removal() != null) {
				changes.add(new Change(2, "LIST_REMOVED_" + e.removal().kind(),
						e.removal().documentNumber() + "：" + e.removal().reason(), e.removal().recordedAt()));
			}
			listed.add(new Item("SERIOUS_DISHONESTY_LIST", msg(locale, "report.list.title"), e.decidingOrganisation(),
					e.effectiveDate(), fields, changes));
		}
		List<Item> rewards = new ArrayList<>();
		for (RewardEntry e : rewardList.ofSubject(subject.id())) {
			if (currentOnly && !e.activeOn(today)) {
				continue;
			}
			List<Field> fields = new ArrayList<>();
			fields.add(new Field(msg(locale, "report.reward.ground"), msg(locale, "lists.ground." + e.ground())));
			fields.add(new Field(msg(locale, "report.reward.detail"), e.groundDetail()));
			fields.add(new Field(msg(locale, "report.list.document"), e.documentNumber()));
			fields.add(new Field(msg(locale, "report.list.period"),
					e.effectiveDate() + " — " + (e.plannedEnd() == null ? "" : e.plannedEnd())));
			List<Change> changes = new ArrayList<>();
			changes.add(new Change(1, "LIST_INCLUDED", null, e.effectiveDate().atStartOfDay(Zones.DISPLAY).toInstant()));
			if (e.lapsedOn() != null) {
				changes.add(new Change(2, "REWARD_LAPSED", e.lapseReason(),
						e.lapsedOn().atStartOfDay(Zones.DISPLAY).toInstant()));
			}
			rewards.add(new Item("REWARD_LIST", msg(locale, "report.reward.title"), e.confirmingOrganisation(),
					e.effectiveDate(), fields, changes));
		}
		List<Item> evaluation = new ArrayList<>();
		evaluations.explainedGrade(subject.id()).ifPresent(e -> {
			boolean en = "en".equals(locale.getLanguage());
			List<Field> fields = new ArrayList<>();
			fields.add(new Field(msg(locale, "report.evaluation.grade"),
					e.grade() + (e.label(en) == null ? "" : "（" + e.label(en) + "）")));
			fields.add(new Field(msg(locale, "report.evaluation.score"), String.valueOf(e.score())));
			fields.add(new Field(msg(locale, "report.evaluation.model"), String.valueOf(e.modelVersion())));
			List<String> lines = new ArrayList<>();
			for (PublicEvaluation.Line l : e.explanation()) {
				String name = l.name() == null ? msg(locale, "report.evaluation.base") : en ? l.nameEn() : l.name();
				lines.add(l.name() == null ? name + " " + l.points()
						: messages.getMessage("report.evaluation.line", new Object[] { name, l.count(),
								(l.points() >= 0 ? "+" : "") + l.points() }, locale));
			}
			fields.add(new Field(msg(locale, "report.evaluation.explanation"), String.join("；", lines)));
			evaluation.add(new Item("PLATFORM_EVALUATION", msg(locale, "report.evaluation.title"), platform, e.asOf(),
					fields, List.of()));
		});
		List<Section> result = new ArrayList<>();
		for (Section s : sections) {
			List<Item> items = new ArrayList<>(s.items());
			if (s.group() == ReportGroup.BASIC) {
				items.add(0, basic);
			}
			else if (s.group() == ReportGroup.SERIOUS_DISHONESTY) {
				items.addAll(0, listed);
			}
			else if (s.group() == ReportGroup.HONOURS) {
				items.addAll(0, rewards);
			}
			else if (s.group() == ReportGroup.EVALUATION) {
				items.addAll(0, evaluation);
			}
			result.add(new Section(s.group(), items));
		}
		return result;
	}

	private String msg(Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

	/** Report sections of whole records: the current version's fields and every change (reasons optional). */
	private List<Section> sections(List<CreditRecord> recordList, boolean reasons, Locale locale) {
		Map<ReportGroup, List<Item>> grouped = new LinkedHashMap<>();
		for (CreditRecord r : recordList) {
			RecordVersion current = r.current();
			ReportGroup group = display.item(r.catalogItem()).map(ReportGroup::of).orElse(ReportGroup.OTHER);
			PublicRecord shown = new PublicRecord(r.id(), current.versionNo(), r.catalogItem(), group, null,
					current.decisionDate(), null, null, null, current.recordedAt(), null, current.payload());
			List<Field> fields = display.fields(shown, locale).stream().map(f -> new Field(f.label(), f.value())).toList();
			List<Change> changes = r.versions()
				.stream()
				.map(v -> new Change(v.versionNo(), v.kind().name(), reasons ? v.reason() : null, v.recordedAt()))
				.toList();
			Object source = current.payload().get("sourceUnit");
			grouped.computeIfAbsent(group, g -> new ArrayList<>())
				.add(new Item(r.catalogItem(), display.itemName(r.catalogItem(), locale),
						source == null ? "" : source.toString(), current.decisionDate(), fields, changes));
		}
		List<Section> sections = new ArrayList<>();
		for (ReportGroup group : SECTION_ORDER) {
			List<Item> items = new ArrayList<>(grouped.getOrDefault(group, List.of()));
			items.sort(java.util.Comparator.comparing(Item::decisionDate,
					java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
			sections.add(new Section(group, items));
		}
		return sections;
	}

	private void audit(CreditReport report, String action, String purpose) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("number", report.number());
		detail.put("audience", report.audience().name());
		detail.put("records", report.recordCount());
		audit.record(new AuditEntry(action, AuditEntry.Outcome.SUCCESS, null, null, null, null, report.subjectCode(),
				purpose, detail));
	}

	/** A report by its number, when such a report was issued (any other number, e.g. altered, is unknown). */
	public Optional<Verification> verify(String number) {
		if (number == null || number.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select report_number, subject_code, subject_name, audience, generated_at, checkpoint_size,
				       checkpoint_root, content_hash, record_count
				from issued_report where report_number = :n""")
			.param("n", number.strip().toUpperCase())
			.query((rs, i) -> new Verification(rs.getString(1), rs.getString(2), rs.getString(3),
					Audience.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
					rs.getObject(6) == null ? null : rs.getLong(6), rs.getString(7), rs.getString(8), rs.getInt(9)))
			.optional();
	}

	/** A later change to information in an issued report (art. 57): the report stays genuine for its time. */
	public record LaterChange(java.util.UUID recordId, String event, Instant notedAt) {
	}

	/** The numbers of the reports issued about the subject so far (consumers of later corrections and repairs). */
	public List<String> issuedAbout(String subjectCode) {
		return jdbc.sql("select report_number from issued_report where subject_code = :c and generated_at <= now() order by generated_at")
			.param("c", subjectCode)
			.query(String.class)
			.list();
	}

	/**
	 * Notes that a correction or repair after its issuance changed information about the report's subject (delivered
	 * by the propagation of art. 57); idempotent on the key.
	 */
	public void noteLaterChange(String reportNumber, java.util.UUID recordId, String event, String idempotencyKey) {
		jdbc.sql("""
				insert into issued_report_notice (idempotency_key, report_number, record_id, event)
				values (:k, :n, :r, :e) on conflict (idempotency_key) do nothing""")
			.param("k", idempotencyKey)
			.param("n", reportNumber)
			.param("r", recordId)
			.param("e", event)
			.update();
	}

	/** The later changes noted for the report, oldest first. */
	public List<LaterChange> laterChanges(String number) {
		if (number == null || number.isBlank()) {
			return List.of();
		}
		return jdbc.sql("select record_id, event, noted_at from issued_report_notice where report_number = :n order by noted_at, idempotency_key")
			.param("n", number.strip().toUpperCase())
			.query((rs, i) -> new LaterChange(rs.getObject(1, java.util.UUID.class), rs.getString(2),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	private CreditReport issue(String code, String name, String type, Audience audience, List<Section> sections) {
		Instant now = clock.instant();
		String number = "XY" + NUMBER_DAY.format(LocalDate.ofInstant(now, Zones.DISPLAY))
				+ HexFormat.of().withUpperCase().formatHex(randomBytes());
		Optional<Ledger.SignedCheckpoint> checkpoint = ledger.latestCheckpoint();
		Long size = checkpoint.map(Ledger.SignedCheckpoint::treeSize).orElse(null);
		String root = checkpoint.map(c -> HexFormat.of().formatHex(c.rootHash())).orElse(null);
		CreditReport unhashed = new CreditReport(number, code, name, type, audience, now, size, root, sections, null);
		String hash = sha256(canonical(unhashed));
		CreditReport report = new CreditReport(number, code, name, type, audience, now, size, root, sections, hash);
		jdbc.sql("""
				insert into issued_report (report_number, subject_code, subject_name, report_type, audience, generated_at,
				                           checkpoint_size, checkpoint_root, content_hash, record_count)
				values (:number, :code, :name, :type, :audience, :at, :size, :root, :hash, :count)""")
			.param("number", number)
			.param("code", code)
			.param("name", name)
			.param("type", "NATURAL_PERSON".equals(type) ? "NATURAL_PERSON" : "ORGANISATION")
			.param("audience", audience.name())
			.param("at", java.sql.Timestamp.from(now))
			.param("size", size)
			.param("root", root)
			.param("hash", hash)
			.param("count", report.recordCount())
			.update();
		return report;
	}

	private byte[] randomBytes() {
		byte[] b = new byte[6];
		random.nextBytes(b);
		return b;
	}

	/** The canonical text the content hash covers: one line per fact, in report order. */
	static String canonical(CreditReport r) {
		StringBuilder b = new StringBuilder();
		b.append(r.number()).append('\n').append(r.subjectCode()).append('\n').append(r.subjectName()).append('\n')
			.append(r.audience()).append('\n').append(r.generatedAt()).append('\n').append(r.checkpointSize())
			.append('\n').append(r.checkpointRoot()).append('\n');
		for (Section s : r.sections()) {
			b.append('#').append(s.group()).append('\n');
			for (Item i : s.items()) {
				b.append(i.catalogItem()).append('|').append(i.sourceUnit()).append('|').append(i.decisionDate());
				for (Field f : i.fields()) {
					b.append('|').append(f.key()).append('=').append(f.value());
				}
				for (Change c : i.changes()) {
					b.append('|').append(c.versionNo()).append(c.kind()).append(c.reason()).append(c.recordedAt());
				}
				b.append('\n');
			}
		}
		return b.toString();
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
