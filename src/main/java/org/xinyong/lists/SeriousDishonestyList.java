package org.xinyong.lists;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.Masking;
import org.xinyong.disclosure.PublicMasking;
import org.xinyong.ledger.Ledger;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.SubjectType;

/**
 * The serious-dishonesty list. Inclusion and removal are human decisions made by documents; the system checks the
 * documents are complete and records each change as a ledger event ({@code LIST_INCLUDED}, {@code LIST_REMOVED}).
 */
@Service
public class SeriousDishonestyList {

	private static final String COLUMNS = """
			e.*, r.kind as r_kind, r.document_number as r_document, r.reason as r_reason, r.removed_on as r_on,
			r.recorded_by as r_by, r.recorded_at as r_at""";

	private final JdbcClient jdbc;
	private final CreditSubjects subjects;
	private final Ledger ledger;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final MessageSource messages;

	SeriousDishonestyList(JdbcClient jdbc, CreditSubjects subjects, Ledger ledger, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.subjects = subjects;
		this.ledger = ledger;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** Includes a subject by a complete decision document; refuses (422 {@code LIST_DOCUMENT_INCOMPLETE}) otherwise. */
	@Transactional
	public ListEntry include(DecisionDocument d, String recordedBy) {
		List<String> missing = new ArrayList<>();
		require(missing, "subjectCode", d.subjectCode());
		require(missing, "reason", d.reason());
		require(missing, "basis", d.basis());
		require(missing, "measures", d.measures());
		require(missing, "removalConditions", d.removalConditions());
		require(missing, "remedies", d.remedies());
		require(missing, "documentNumber", d.documentNumber());
		require(missing, "decidingOrganisation", d.decidingOrganisation());
		if (d.category() == null) {
			missing.add("category");
		}
		if (d.effectiveDate() == null) {
			missing.add("effectiveDate");
		}
		if (d.plannedEnd() == null) {
			missing.add("plannedEnd");
		}
		CreditSubject subject = null;
		if (d.subjectCode() != null && !d.subjectCode().isBlank()) {
			subject = subjects.byCode(d.subjectCode().trim())
				.orElseThrow(() -> DomainException.notFound("LIST_SUBJECT_UNKNOWN", d.subjectCode()));
			if (subject.type() == SubjectType.ORGANISATION) {
				require(missing, "legalRepresentative", d.legalRepresentative());
			}
		}
		if (!missing.isEmpty()) {
			throw DomainException.unprocessable("LIST_DOCUMENT_INCOMPLETE", String.join(", ", missing));
		}
		if (d.plannedEnd().isBefore(d.effectiveDate())) {
			throw DomainException.unprocessable("LIST_END_BEFORE_START", d.effectiveDate(), d.plannedEnd());
		}
		boolean duplicate = jdbc.sql("select count(*) from list_entry where list_kind = 'SERIOUS_DISHONESTY' "
				+ "and document_number = ?").param(d.documentNumber().trim()).query(Long.class).single() > 0;
		if (duplicate) {
			throw DomainException.conflict("LIST_DOCUMENT_DUPLICATE", d.documentNumber());
		}
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into list_entry (list_kind, subject_id, subject_code, subject_name, legal_representative, category,
				    reason, basis, measures, removal_conditions, remedies, document_number, deciding_org, effective_date,
				    planned_end, recorded_by, recorded_at)
				values ('SERIOUS_DISHONESTY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(subject.id(), subject.code(), subject.name(), blankToNull(d.legalRepresentative()),
					d.category().name(), d.reason().trim(), d.basis().trim(), d.measures().trim(),
					d.removalConditions().trim(), d.remedies().trim(), d.documentNumber().trim(),
					d.decidingOrganisation().trim(), d.effectiveDate(), d.plannedEnd(), recordedBy,
					java.sql.Timestamp.from(now))
			.query(Long.class)
			.single();
		ledger.appendEvent("LIST_INCLUDED", "list-entry:" + id,
				"{\"list\":\"SERIOUS_DISHONESTY\",\"subject\":\"" + subject.code() + "\",\"document\":\""
						+ json(d.documentNumber().trim()) + "\",\"effective\":\"" + d.effectiveDate() + "\",\"end\":\""
						+ d.plannedEnd() + "\"}");
		audit.record(AuditEntry.of("LIST_INCLUDED", AuditEntry.Outcome.SUCCESS,
				Map.of("list", "SERIOUS_DISHONESTY", "entry", id, "document", d.documentNumber().trim()))
			.aboutSubject(subjectRef(subject), null));
		// Same transaction: the subject's reward entries lapse with the inclusion (RewardList listens).
		events.publishEvent(new SeriousEntryIncluded(id, subject.id(), d.documentNumber().trim()));
		return byId(id).orElseThrow();
	}

	/** Removes an entry by expiry, repair or revocation, each by a document. */
	@Transactional
	public ListEntry remove(long entryId, RemovalKind kind, String documentNumber, String reason, String recordedBy) {
		ListEntry entry = byId(entryId).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", entryId));
		List<String> missing = new ArrayList<>();
		if (kind == null) {
			missing.add("kind");
		}
		require(missing, "documentNumber", documentNumber);
		require(missing, "reason", reason);
		if (!missing.isEmpty()) {
			throw DomainException.unprocessable("LIST_DOCUMENT_INCOMPLETE", String.join(", ", missing));
		}
		if (entry.removal() != null) {
			throw DomainException.conflict("LIST_ENTRY_REMOVED", entryId);
		}
		if (!recordRemoval(entry, kind, documentNumber.trim(), reason.trim(), recordedBy)) {
			throw DomainException.conflict("LIST_ENTRY_REMOVED", entryId);
		}
		return byId(entryId).orElseThrow();
	}

	/**
	 * Removes the subject's entries that are on the list (or not yet effective) after a granted credit repair
	 * (art. 55-56): kind {@code REPAIR}, the repair application number as document. When the repaired record names a
	 * decision document that matches an entry, only that entry is removed; otherwise every such entry of the subject.
	 * Idempotent: an entry already removed is left alone, so a republished event changes nothing.
	 *
	 * @param recordDocument the repaired record's decision document number, or null
	 * @return the ids of the entries removed now
	 */
	@Transactional
	public List<Long> removeByRepair(long subjectId, String recordDocument, String applicationNumber) {
		LocalDate today = today();
		List<ListEntry> open = ofSubject(subjectId).stream()
			.filter(e -> e.status(today) == ListEntry.Status.ON_LIST
					|| e.status(today) == ListEntry.Status.NOT_YET_EFFECTIVE)
			.toList();
		List<ListEntry> matching = open.stream()
			.filter(e -> recordDocument != null && e.documentNumber().equals(recordDocument.trim()))
			.toList();
		List<Long> removed = new ArrayList<>();
		for (ListEntry e : matching.isEmpty() ? open : matching) {
			if (recordRemoval(e, RemovalKind.REPAIR, applicationNumber, "信用修复 " + applicationNumber,
					"repair:" + applicationNumber)) {
				removed.add(e.id());
			}
		}
		return removed;
	}

	/** Appends the removal with its ledger event and audit entry; false if the entry already had one. */
	private boolean recordRemoval(ListEntry entry, RemovalKind kind, String documentNumber, String reason,
			String recordedBy) {
		LocalDate today = today();
		int inserted = jdbc.sql("""
				insert into list_removal (entry_id, kind, document_number, reason, removed_on, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict (entry_id) do nothing""")
			.params(entry.id(), kind.name(), documentNumber, reason, today, recordedBy,
					java.sql.Timestamp.from(clock.instant()))
			.update();
		if (inserted == 0) {
			return false;
		}
		ledger.appendEvent("LIST_REMOVED", "list-entry:" + entry.id(), "{\"list\":\"SERIOUS_DISHONESTY\",\"kind\":\""
				+ kind + "\",\"document\":\"" + json(documentNumber) + "\",\"on\":\"" + today + "\"}");
		AuditEntry removal = AuditEntry.of("LIST_REMOVED", AuditEntry.Outcome.SUCCESS,
				Map.of("list", "SERIOUS_DISHONESTY", "entry", entry.id(), "kind", kind.name(), "document",
						documentNumber))
			.aboutSubject(subjectRef(entry.subjectId(), entry.subjectCode()), null);
		// a removal by repair happens in an event listener, outside any request: name the repair as actor
		audit.record(recordedBy.startsWith("repair:") ? removal.withActor(recordedBy, null, null) : removal);
		return true;
	}

	private String subjectRef(long subjectId, String code) {
		return subjects.byId(subjectId).map(SeriousDishonestyList::subjectRef).orElse(code);
	}

	/** Codes of natural persons are masked in the audit log. */
	static String subjectRef(CreditSubject s) {
		return s.type() == SubjectType.NATURAL_PERSON ? PublicMasking.mask(Masking.ID_NUMBER, s.code()) : s.code();
	}

	public Optional<ListEntry> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from list_entry e left join list_removal r on r.entry_id = e.id "
				+ "where e.id = ?").param(id).query(SeriousDishonestyList::entry).optional();
	}

	/** Entries of a subject, newest first, including removed ones. */
	public List<ListEntry> ofSubject(long subjectId) {
		return ofSubjects(List.of(subjectId));
	}

	/** Entries of several subjects, newest first per subject, including removed ones (one query). */
	public List<ListEntry> ofSubjects(java.util.Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from list_entry e left join list_removal r on r.entry_id = e.id "
				+ "where e.subject_id = any(?) order by e.subject_id, e.id desc")
			.param(subjectIds.toArray(Long[]::new))
			.query(SeriousDishonestyList::entry)
			.list();
	}

	/** The newest entries whatever their status (for the console, which shows 在列 / 到期移出 / 已移出). */
	public List<ListEntry> latest(int limit) {
		return jdbc.sql("select " + COLUMNS + " from list_entry e left join list_removal r on r.entry_id = e.id "
				+ "order by e.id desc limit ?").param(limit).query(SeriousDishonestyList::entry).list();
	}

	/** Entries on the list today, newest first, optionally of one category. */
	public List<ListEntry> current(DishonestyCategory category, int limit) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.sql("select " + COLUMNS + " from list_entry e left join list_removal r on r.entry_id = e.id "
				+ "where r.entry_id is null and e.effective_date <= ? and e.planned_end >= ? "
				+ "and (cast(? as text) is null or e.category = ?) order by e.id desc limit ?")
			.params(today, today, category == null ? null : category.name(), category == null ? null : category.name(),
					limit)
			.query(SeriousDishonestyList::entry)
			.list();
	}

	/** The decision document of an entry as a printable HTML page, labelled from the lists bundle. */
	public String decisionHtml(long entryId) {
		ListEntry e = byId(entryId).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", entryId));
		Locale locale = LocaleContextHolder.getLocale();
		String title = msg(locale, "lists.decision.title");
		StringBuilder b = new StringBuilder(2048);
		b.append("<!DOCTYPE html><html lang=\"").append(h(locale.toLanguageTag()))
			.append("\"><head><meta charset=\"UTF-8\"><title>").append(h(title)).append(' ')
			.append(h(e.documentNumber()))
			.append("</title><style>body{font-family:serif;max-width:42em;margin:2em auto}th{text-align:left;"
					+ "vertical-align:top;padding-right:1em;white-space:nowrap}</style></head><body>")
			.append("<h1>").append(h(e.decidingOrganisation())).append("</h1>")
			.append("<h2>").append(h(title)).append("</h2><p>").append(h(e.documentNumber())).append("</p><table>");
		row(b, msg(locale, "lists.decision.subject"), e.subjectName());
		row(b, msg(locale, "lists.decision.code"), e.subjectCode());
		if (e.legalRepresentative() != null) {
			row(b, msg(locale, "lists.decision.representative"), e.legalRepresentative());
		}
		row(b, msg(locale, "lists.decision.reason"), e.reason());
		row(b, msg(locale, "lists.decision.basis"), e.basis());
		row(b, msg(locale, "lists.decision.category"), msg(locale, "lists.category." + e.category()));
		row(b, msg(locale, "lists.decision.measures"), e.measures());
		row(b, msg(locale, "lists.decision.effective"), e.effectiveDate().toString());
		row(b, msg(locale, "lists.decision.plannedEnd"), e.plannedEnd().toString());
		row(b, msg(locale, "lists.decision.removalConditions"), e.removalConditions());
		row(b, msg(locale, "lists.decision.remedies"), e.remedies());
		if (e.removal() != null) {
			row(b, msg(locale, "lists.decision.removal"), msg(locale, "lists.removal." + e.removal().kind()) + " "
					+ e.removal().documentNumber() + " " + e.removal().removedOn());
		}
		else if (e.status(today()) == ListEntry.Status.EXPIRED) {
			row(b, msg(locale, "lists.decision.removal"),
					msg(locale, "lists.removal." + RemovalKind.EXPIRY) + " " + e.plannedEnd().plusDays(1));
		}
		return b.append("</table></body></html>").toString();
	}

	private String msg(Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

	private static void row(StringBuilder b, String label, String value) {
		b.append("<tr><th>").append(h(label)).append("</th><td>").append(h(value)).append("</td></tr>");
	}

	private static String h(String s) {
		return HtmlUtils.htmlEscape(s == null ? "" : s);
	}

	static String json(String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static void require(List<String> missing, String field, String value) {
		if (value == null || value.isBlank()) {
			missing.add(field);
		}
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	private static ListEntry entry(ResultSet rs, int row) throws SQLException {
		ListEntry.Removal removal = rs.getString("r_kind") == null ? null
				: new ListEntry.Removal(RemovalKind.valueOf(rs.getString("r_kind")), rs.getString("r_document"),
						rs.getString("r_reason"), rs.getObject("r_on", LocalDate.class), rs.getString("r_by"),
						rs.getTimestamp("r_at").toInstant());
		return new ListEntry(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_code"),
				rs.getString("subject_name"), rs.getString("legal_representative"),
				DishonestyCategory.valueOf(rs.getString("category")), rs.getString("reason"), rs.getString("basis"),
				rs.getString("measures"), rs.getString("removal_conditions"), rs.getString("remedies"),
				rs.getString("document_number"), rs.getString("deciding_org"),
				rs.getObject("effective_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), removal);
	}
}
