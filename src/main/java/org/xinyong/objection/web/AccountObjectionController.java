package org.xinyong.objection.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.objection.Grounds;
import org.xinyong.objection.Route;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.objection.internal.ObjectionService.NewObjection;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;
import org.xinyong.subject.CreditSubjects;

/** The subject's objection pages under its account: file an objection against a record, follow its objections. */
@Controller
class AccountObjectionController {

	private final ObjectionService service;
	private final CreditRecords records;
	private final CreditSubjects subjects;
	private final CaseViews views;
	private final Problems problems;

	AccountObjectionController(ObjectionService service, CreditRecords records, CreditSubjects subjects,
			CaseViews views, Problems problems) {
		this.service = service;
		this.records = records;
		this.subjects = subjects;
		this.views = views;
		this.problems = problems;
	}

	@GetMapping("/account/objections")
	String list(Model model) {
		SubjectPrincipal me = me(model);
		model.addAttribute("rows", views.rows(service.ofSubject(me.subjectId())));
		return "objection/account-list";
	}

	@GetMapping("/account/objections/new")
	String form(@RequestParam UUID recordId, @RequestParam(required = false) Integer versionNo,
			@RequestParam(required = false) String subjectCode, Model model, Locale locale) {
		SubjectPrincipal me = me(model);
		CreditRecord record = ownRecord(recordId, me, subjectCode);
		model.addAttribute("subjectCode", subjectCode);
		return form(model, locale, record, versionNo == null ? record.current().versionNo() : versionNo, null);
	}

	@PostMapping("/account/objections")
	String file(@RequestParam UUID recordId, @RequestParam(required = false) Integer versionNo,
			@RequestParam(required = false) Grounds grounds, @RequestParam(defaultValue = "") String explanation,
			@RequestParam(required = false) Route route,
			@RequestParam(name = "attachments", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String subjectCode,
			@RequestParam(name = "authorisation", required = false) MultipartFile authorisation, Model model,
			Locale locale, HttpServletResponse response) {
		SubjectPrincipal me = me(model);
		try {
			Case c = service.file(me, new NewObjection(recordId, versionNo, grounds, explanation, route, subjectCode),
					ObjectionApiController.uploads(files), ObjectionApiController.upload(authorisation));
			return "redirect:/account/objections/" + c.id() + "?filed";
		}
		catch (DomainException e) {
			response.setStatus(e.status().value());
			CreditRecord record = ownRecord(recordId, me, subjectCode);
			model.addAttribute("subjectCode", subjectCode);
			model.addAttribute("explanation", explanation);
			model.addAttribute("grounds", grounds);
			return form(model, locale, record, versionNo == null ? record.current().versionNo() : versionNo,
					problems.message(e, locale));
		}
	}

	@GetMapping("/account/objections/{id}")
	String detail(@PathVariable long id, Model model) {
		SubjectPrincipal me = me(model);
		model.addAttribute("row", views.row(ObjectionApiController.own(service, id, me)));
		return "objection/account-detail";
	}

	@GetMapping("/account/objections/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId) throws IOException {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		return views.download(ObjectionApiController.own(service, id, me), attachmentId);
	}

	private String form(Model model, Locale locale, CreditRecord record, int versionNo, String error) {
		model.addAttribute("record", record);
		model.addAttribute("versionNo", versionNo);
		model.addAttribute("itemName", views.itemName(record.catalogItem(), locale));
		model.addAttribute("groundsValues", Grounds.values());
		model.addAttribute("routes", Route.values());
		model.addAttribute("error", error);
		return "objection/account-new";
	}

	/** The record filed against: one of the subject's own, or, for an agent, one of the represented subject's. */
	private CreditRecord ownRecord(UUID recordId, SubjectPrincipal me, String subjectCode) {
		long subjectId = subjectCode == null || subjectCode.isBlank() ? me.subjectId()
				: subjects.byCode(subjectCode.strip()).map(s -> s.id()).orElse(-1L);
		return records.byId(recordId)
			.filter(r -> r.subjectId() == subjectId)
			.orElseThrow(() -> DomainException.notFound("OBJECTION_RECORD_UNKNOWN", recordId));
	}

	private SubjectPrincipal me(Model model) {
		SubjectPrincipal me = SubjectPrincipal.current().orElseThrow(() -> new IllegalStateException("No subject"));
		model.addAttribute("me", me);
		model.addAttribute("subject", subjects.byId(me.subjectId()).orElseThrow());
		model.addAttribute("views", views);
		return me;
	}
}
