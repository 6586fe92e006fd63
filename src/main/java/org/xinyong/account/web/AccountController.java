package org.xinyong.account.web;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.xinyong.access.Organisations;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEvent;
import org.xinyong.audit.AuditLog;
import org.xinyong.audit.AuditTrail;
import org.xinyong.catalog.Catalogs;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.platform.Zones;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;

/**
 * The signed-in subject's own pages (art. 50): its full record — every record of every item, public or not, with
 * each version's kind, reason, date and provider — and who queried or received its data.
 */
@Controller
class AccountController {

	private final CreditRecords records;
	private final CreditSubjects subjects;
	private final Catalogs catalogs;
	private final Organisations organisations;
	private final AuditTrail trail;
	private final AuditLog audit;

	AccountController(CreditRecords records, CreditSubjects subjects, Catalogs catalogs, Organisations organisations,
			AuditTrail trail, AuditLog audit) {
		this.records = records;
		this.subjects = subjects;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.trail = trail;
		this.audit = audit;
	}

	record Query(LocalDateTime at, String organisation, String action, String purpose) {
	}

	@GetMapping("/account")
	String ownRecords(Model model, Locale locale) {
		SubjectPrincipal me = me(model);
		List<OwnRecords.Item> items = new OwnRecords(catalogs, organisations, locale)
			.of(records.ofSubject(me.subjectId()));
		audit.record(AuditEntry.of("SUBJECT_OWN_RECORDS_VIEWED", AuditEntry.Outcome.SUCCESS,
				Map.of("records", items.stream().mapToInt(i -> i.records().size()).sum()))
			.withActor(me.getName(), null, null)
			.aboutSubject(me.code(), null));
		model.addAttribute("items", items);
		return "account/records";
	}

	@GetMapping("/account/queries")
	String queries(Model model, Locale locale) {
		SubjectPrincipal me = me(model);
		List<Query> queries = trail.readsAbout(me.code()).stream().map(e -> query(e, locale)).toList();
		model.addAttribute("queries", queries);
		return "account/queries";
	}

	private Query query(AuditEvent e, Locale locale) {
		return new Query(LocalDateTime.ofInstant(e.occurredAt(), Zones.DISPLAY),
				OwnRecords.organisationName(organisations, e.organisationCode(), locale), e.action(), e.purpose());
	}

	private SubjectPrincipal me(Model model) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		CreditSubject subject = subjects.byId(me.subjectId()).orElseThrow();
		model.addAttribute("me", me);
		model.addAttribute("subject", subject);
		model.addAttribute("names", subjects.names(subject.id()));
		return me;
	}
}
