package org.xinyong.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.Masking;
import org.xinyong.disclosure.PublicCreditInfo;
import org.xinyong.disclosure.PublicMasking;
import org.xinyong.disclosure.SubjectSearch;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;
import org.xinyong.subject.CreditSubject;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.Identifiers;
import org.xinyong.subject.SubjectType;

/**
 * Service-window mode (服务窗口, art. 33): staff at the credit centre's counter look up a subject and print on behalf
 * of a visitor. The public view is what the website shows; when the visitor is the subject itself (or its agent)
 * and staff have checked the identity document, the full record (art. 50) can be shown and printed too. Every
 * lookup is audited as a read about the subject, so the subject later sees it among "who queried my data".
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER')")
class ServiceWindowController {

	private final SubjectSearch search;
	private final PublicCreditInfo info;
	private final RecordDisplay display;
	private final CreditSubjects subjects;
	private final CreditRecords records;
	private final AuditLog audit;
	private final Problems problems;

	ServiceWindowController(SubjectSearch search, PublicCreditInfo info, RecordDisplay display,
			CreditSubjects subjects, CreditRecords records, AuditLog audit, Problems problems) {
		this.search = search;
		this.info = info;
		this.display = display;
		this.subjects = subjects;
		this.records = records;
		this.audit = audit;
		this.problems = problems;
	}

	@Bean
	static ConsoleMenuItem serviceWindowMenuItem() {
		return new ConsoleMenuItem("window.menu", "/console/service-window", Set.of("PLATFORM_ADMIN", "REVIEWER"), 150);
	}

	@GetMapping("/console/service-window")
	String start(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model,
			Locale locale) {
		WebsiteController.searchInto(model, search, problems, q, page, locale);
		return "portal/window";
	}

	/** The public view of an organisation, printable. */
	@GetMapping("/console/service-window/subject")
	String publicView(@RequestParam String code, Model model, Locale locale) {
		var view = info.subject(code).orElseThrow(() -> DomainException.notFound("PUBLIC_SUBJECT_NOT_FOUND", code));
		audit.record(AuditEntry.of("SERVICE_WINDOW_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("scope", "PUBLIC", "records", view.recordCount()))
			.aboutSubject(view.subject().code(), "SERVICE_WINDOW_PUBLIC"));
		model.addAttribute("view", view);
		model.addAttribute("display", display);
		return "portal/window-subject";
	}

	/**
	 * The full record for a visitor who is the subject or its agent, after staff checked the identity document
	 * (its type and number are recorded, masked, in the audit entry).
	 */
	@PostMapping("/console/service-window/full-record")
	String fullRecord(@RequestParam String code, @RequestParam String visitorDocument,
			@RequestParam(defaultValue = "false") boolean identityChecked, Model model, Locale locale) {
		IdentifierCheck check = Identifiers.parse(code);
		if (!check.valid()) {
			throw DomainException.unprocessable(check.errors().get(0).code(), check.errors().get(0).args().toArray());
		}
		if (!identityChecked || visitorDocument.isBlank()) {
			throw DomainException.unprocessable("WINDOW_IDENTITY_NOT_CHECKED");
		}
		CreditSubject subject = subjects.byCode(check.value())
			.orElseThrow(() -> DomainException.notFound("PUBLIC_SUBJECT_NOT_FOUND", check.value()));
		List<CreditRecord> all = records.ofSubject(subject.id());
		audit.record(AuditEntry.of("SERVICE_WINDOW_FULL_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("scope", "FULL", "records", all.size(), "visitorDocument",
						PublicMasking.mask(Masking.ID_NUMBER, visitorDocument.strip())))
			.aboutSubject(subject.code(), "SERVICE_WINDOW_SELF"));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (CreditRecord r : all) {
			rows.add(Map.of("item", display.itemName(r.catalogItem(), locale), "record", r, "current", r.current()));
		}
		model.addAttribute("subject", subject);
		model.addAttribute("person", subject.type() == SubjectType.NATURAL_PERSON);
		model.addAttribute("rows", rows);
		return "portal/window-full";
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(DomainException.class)
	String failed(DomainException e, Model model, Locale locale, jakarta.servlet.http.HttpServletResponse response) {
		response.setStatus(e.status().value());
		model.addAttribute("q", "");
		model.addAttribute("error", problems.message(e, locale));
		return "portal/window";
	}
}
