package org.xinyong.objection.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.xinyong.access.Organisations;
import org.xinyong.objection.CaseKind;
import org.xinyong.objection.Handler;
import org.xinyong.objection.Remedy;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;

/**
 * Console pages for handling objections and self-correction tasks: the list (open, overdue — flagged to
 * supervisors, art. 66(10) — or all) and each case with the actions its status and the user's unit allow.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER', 'PROVIDER_OPERATOR', 'AUDITOR')")
class ObjectionConsoleController {

	private static final String BASE = "/console/objections";

	private final ObjectionService service;
	private final CaseViews views;
	private final Organisations organisations;
	private final Problems problems;

	ObjectionConsoleController(ObjectionService service, CaseViews views, Organisations organisations,
			Problems problems) {
		this.service = service;
		this.views = views;
		this.organisations = organisations;
		this.problems = problems;
	}

	@Bean
	static ConsoleMenuItem objectionMenuItem() {
		return new ConsoleMenuItem("objection.menu", BASE,
				Set.of("PLATFORM_ADMIN", "REVIEWER", "PROVIDER_OPERATOR", "AUDITOR"), 160);
	}

	@GetMapping(BASE)
	String list(@RequestParam(defaultValue = "open") String show, @RequestParam(required = false) CaseKind kind,
			Authentication auth, Model model) {
		List<Case> visible = service.visibleTo(CaseViews.handler(auth));
		List<CaseViews.Row> rows = views.rows(visible)
			.stream()
			.filter(r -> kind == null || r.c().kind() == kind)
			.filter(r -> switch (show) {
				case "all" -> true;
				case "overdue" -> r.c().status().open() && r.progress().flagged();
				default -> r.c().status().open();
			})
			.toList();
		model.addAttribute("rows", rows);
		model.addAttribute("show", show);
		model.addAttribute("kind", kind);
		model.addAttribute("overdueCount", service.overdueCount(visible));
		model.addAttribute("views", views);
		return "objection/console-list";
	}

	@GetMapping(BASE + "/{id}")
	String detail(@PathVariable long id, Authentication auth, Model model, Locale locale) {
		return page(visible(id, CaseViews.handler(auth)), CaseViews.handler(auth), model, locale, null);
	}

	@PostMapping(BASE + "/{id}/assistance")
	String requestAssistance(@PathVariable long id, @RequestParam String organisationCode,
			@RequestParam(defaultValue = "") String note, Authentication auth, Model model, Locale locale,
			HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response, () -> {
			long org = organisations.byCode(organisationCode.strip())
				.orElseThrow(() -> DomainException.notFound("OBJECTION_ORGANISATION_UNKNOWN", organisationCode))
				.id();
			return service.requestAssistance(id, org, note, by);
		});
	}

	@PostMapping(BASE + "/{id}/assistance-answer")
	String answerAssistance(@PathVariable long id, @RequestParam(defaultValue = "") String note, Authentication auth,
			Model model, Locale locale, HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response, () -> service.answerAssistance(id, note, by));
	}

	@PostMapping(BASE + "/{id}/uphold")
	String uphold(@PathVariable long id, @RequestParam(required = false) Remedy remedy,
			@RequestParam(defaultValue = "") String note, @RequestParam Map<String, String> parameters,
			Authentication auth, Model model, Locale locale, HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response, () -> service.uphold(id,
				remedy == null || remedy == Remedy.CORRECT ? CaseViews.values(parameters) : null, remedy, note, by));
	}

	@PostMapping(BASE + "/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(defaultValue = "") String reasons, Authentication auth,
			Model model, Locale locale, HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response, () -> service.reject(id, reasons, by));
	}

	@PostMapping(BASE + "/{id}/correct")
	String correct(@PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam Map<String, String> parameters, Authentication auth, Model model, Locale locale,
			HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response,
				() -> service.completeTask(id, CaseViews.values(parameters), note, by));
	}

	@PostMapping(BASE + "/{id}/close")
	String close(@PathVariable long id, @RequestParam(defaultValue = "") String reasons, Authentication auth,
			Model model, Locale locale, HttpServletResponse response) {
		Handler by = CaseViews.handler(auth);
		return act(id, by, model, locale, response, () -> service.closeTask(id, reasons, by));
	}

	@GetMapping(BASE + "/tasks/new")
	String taskForm(@RequestParam(required = false) String recordId, Model model) {
		model.addAttribute("recordId", recordId == null ? "" : recordId);
		return "objection/console-task";
	}

	@PostMapping(BASE + "/tasks")
	String openTask(@RequestParam(defaultValue = "") String recordId, @RequestParam(defaultValue = "") String description,
			Authentication auth, Model model, Locale locale, HttpServletResponse response) {
		try {
			UUID record;
			try {
				record = UUID.fromString(recordId.strip());
			}
			catch (IllegalArgumentException e) {
				throw DomainException.notFound("OBJECTION_RECORD_UNKNOWN", recordId);
			}
			Case c = service.openTask(record, description, CaseViews.handler(auth));
			return "redirect:" + BASE + "/" + c.id();
		}
		catch (DomainException e) {
			response.setStatus(e.status().value());
			model.addAttribute("recordId", recordId);
			model.addAttribute("description", description);
			model.addAttribute("error", problems.message(e, locale));
			return "objection/console-task";
		}
	}

	@GetMapping(BASE + "/{id}/attachments/{attachmentId}")
	ResponseEntity<Resource> attachment(@PathVariable long id, @PathVariable long attachmentId, Authentication auth)
			throws IOException {
		return views.download(visible(id, CaseViews.handler(auth)), attachmentId);
	}

	private String act(long id, Handler by, Model model, Locale locale, HttpServletResponse response,
			Supplier<Case> action) {
		Case c = visible(id, by);
		try {
			action.get();
			return "redirect:" + BASE + "/" + id;
		}
		catch (DomainException e) {
			response.setStatus(e.status().value());
			return page(service.byId(c.id()).orElseThrow(), by, model, locale, problems.message(e, locale));
		}
	}

	private Case visible(long id, Handler by) {
		return service.byId(id)
			.filter(c -> service.mayView(c, by))
			.orElseThrow(() -> DomainException.notFound("OBJECTION_UNKNOWN", id));
	}

	private String page(Case c, Handler by, Model model, Locale locale, String error) {
		model.addAttribute("row", views.row(c));
		model.addAttribute("views", views);
		model.addAttribute("mayDecide", service.mayDecide(c, by));
		model.addAttribute("mayAnswer", by.platform() || Long.valueOf(by.organisationId()).equals(c.assistingOrgId()));
		model.addAttribute("fields", views.fields(c, locale));
		model.addAttribute("remedies", Remedy.values());
		model.addAttribute("error", error);
		return "objection/console-detail";
	}
}
