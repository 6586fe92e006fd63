package org.xinyong.lists.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.lists.DecisionDocument;
import org.xinyong.lists.DishonestyCategory;
import org.xinyong.lists.ListEntry;
import org.xinyong.lists.RemovalKind;
import org.xinyong.lists.RewardDecision;
import org.xinyong.lists.RewardGround;
import org.xinyong.lists.RewardList;
import org.xinyong.lists.SeriousDishonestyList;
import org.xinyong.lists.internal.Candidates;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;

/**
 * Console pages of the lists: inclusion and removal by document, reward eligibility and confirmation, current
 * entries, and candidate suggestions (which never list anyone by themselves).
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER', 'DEPARTMENT_USER')")
class ListsConsoleController {

	private static final Set<String> ROLES = Set.of("PLATFORM_ADMIN", "REVIEWER", "DEPARTMENT_USER");

	private final SeriousDishonestyList serious;
	private final RewardList rewards;
	private final Candidates candidates;
	private final MessageSource messages;

	ListsConsoleController(SeriousDishonestyList serious, RewardList rewards, Candidates candidates,
			MessageSource messages) {
		this.serious = serious;
		this.rewards = rewards;
		this.candidates = candidates;
		this.messages = messages;
	}

	@Bean
	static ConsoleMenuItem listsMenuItem() {
		return new ConsoleMenuItem("lists.menu", "/console/lists", ROLES, 330);
	}

	@Bean
	static ConsoleMenuItem listCandidatesMenuItem() {
		return new ConsoleMenuItem("lists.candidates.menu", "/console/lists/candidates", ROLES, 331);
	}

	@GetMapping("/console/lists")
	String overview(Model model) {
		model.addAttribute("today", serious.today());
		model.addAttribute("entries", serious.latest(200));
		model.addAttribute("rewards", rewards.latest(200));
		return "lists/console";
	}

	@GetMapping("/console/lists/serious/new")
	String includeForm(@RequestParam(required = false) String subjectCode, Model model) {
		Map<String, String> form = new HashMap<>();
		form.put("subjectCode", subjectCode == null ? "" : subjectCode);
		return includePage(model, form, Set.of(), null);
	}

	@PostMapping("/console/lists/serious")
	String include(@RequestParam Map<String, String> form, Authentication auth, Model model, Locale locale) {
		try {
			ListEntry entry = serious.include(new DecisionDocument(form.get("subjectCode"),
					form.get("legalRepresentative"), category(form.get("category")), form.get("reason"),
					form.get("basis"), form.get("measures"), form.get("removalConditions"), form.get("remedies"),
					form.get("documentNumber"), form.get("decidingOrganisation"), date(form.get("effectiveDate")),
					date(form.get("plannedEnd"))), auth.getName());
			return "redirect:/console/lists/serious/" + entry.id() + "?included";
		}
		catch (DomainException e) {
			Set<String> missing = "LIST_DOCUMENT_INCOMPLETE".equals(e.code())
					? Set.copyOf(Arrays.asList(String.valueOf(e.args()[0]).split(",\\s*"))) : Set.of();
			return includePage(model, form, missing, message(e, locale));
		}
	}

	private String includePage(Model model, Map<String, String> form, Set<String> missing, String failure) {
		model.addAttribute("form", form);
		model.addAttribute("missing", missing);
		model.addAttribute("failure", failure);
		model.addAttribute("categories", DishonestyCategory.values());
		return "lists/console-include";
	}

	@GetMapping("/console/lists/serious/{id}")
	String entry(@PathVariable long id, Model model) {
		ListEntry entry = serious.byId(id).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", id));
		model.addAttribute("e", entry);
		model.addAttribute("status", entry.status(serious.today()));
		model.addAttribute("kinds", RemovalKind.values());
		return "lists/console-entry";
	}

	@PostMapping("/console/lists/serious/{id}/removal")
	String remove(@PathVariable long id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String documentNumber, @RequestParam(required = false) String reason,
			Authentication auth, RedirectAttributes redirect, Locale locale) {
		try {
			serious.remove(id, parse(RemovalKind.class, kind), documentNumber,
					reason, auth.getName());
			redirect.addFlashAttribute("done", true);
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
		}
		return "redirect:/console/lists/serious/" + id;
	}

	@GetMapping("/console/lists/rewards/check")
	String check(@RequestParam(required = false) String subjectCode, @RequestParam(required = false) String ground,
			@RequestParam(required = false) String groundDetail, Model model, Locale locale) {
		model.addAttribute("grounds", RewardGround.values());
		model.addAttribute("subjectCode", subjectCode == null ? "" : subjectCode);
		model.addAttribute("ground", ground == null ? "" : ground);
		model.addAttribute("groundDetail", groundDetail == null ? "" : groundDetail);
		if (subjectCode != null && !subjectCode.isBlank()) {
			try {
				model.addAttribute("result", rewards.eligibility(subjectCode, ground(ground), groundDetail));
			}
			catch (DomainException e) {
				model.addAttribute("failure", message(e, locale));
			}
		}
		return "lists/console-reward";
	}

	@PostMapping("/console/lists/rewards")
	String confirm(@RequestParam Map<String, String> form, Authentication auth, RedirectAttributes redirect,
			Locale locale) {
		try {
			rewards.confirm(new RewardDecision(form.get("subjectCode"), ground(form.get("ground")),
					form.get("groundDetail"), form.get("documentNumber"), form.get("confirmingOrganisation"),
					date(form.get("effectiveDate")), date(form.get("plannedEnd"))), auth.getName());
			redirect.addFlashAttribute("confirmed", true);
			return "redirect:/console/lists";
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
			redirect.addAttribute("subjectCode", form.get("subjectCode"));
			redirect.addAttribute("ground", form.get("ground"));
			redirect.addAttribute("groundDetail", form.get("groundDetail"));
			return "redirect:/console/lists/rewards/check";
		}
	}

	@GetMapping("/console/lists/candidates")
	String candidates(Model model) {
		model.addAttribute("candidates", candidates.suggest(200));
		return "lists/console-candidates";
	}

	private String message(DomainException e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
	}

	/** An unknown or empty value counts as missing. */
	private static <E extends Enum<E>> E parse(Class<E> type, String s) {
		try {
			return s == null || s.isBlank() ? null : Enum.valueOf(type, s.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static DishonestyCategory category(String s) {
		return parse(DishonestyCategory.class, s);
	}

	private static RewardGround ground(String s) {
		return parse(RewardGround.class, s);
	}

	/** An unreadable date counts as missing (the document is then refused as incomplete). */
	private static LocalDate date(String s) {
		try {
			return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
