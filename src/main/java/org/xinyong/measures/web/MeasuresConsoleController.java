package org.xinyong.measures.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.measures.ListTarget;
import org.xinyong.measures.Matter;
import org.xinyong.measures.MeasureLists;
import org.xinyong.measures.SupplementaryLists;
import org.xinyong.measures.SupplementaryStatus;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;

/** Console pages: base-list editions and their import; supplementary lists and their lifecycle. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER', 'AUDITOR')")
class MeasuresConsoleController {

	private final MeasureLists measures;
	private final SupplementaryLists supplementary;
	private final MessageSource messages;

	MeasuresConsoleController(MeasureLists measures, SupplementaryLists supplementary, MessageSource messages) {
		this.measures = measures;
		this.supplementary = supplementary;
		this.messages = messages;
	}

	@Bean
	static ConsoleMenuItem measuresMenuItem() {
		return new ConsoleMenuItem("measures.menu.base", "/console/measures",
				Set.of("PLATFORM_ADMIN", "DEPARTMENT_USER", "AUDITOR"), 340);
	}

	@Bean
	static ConsoleMenuItem supplementaryMenuItem() {
		return new ConsoleMenuItem("measures.menu.supplementary", "/console/measures/supplementary",
				Set.of("PLATFORM_ADMIN", "DEPARTMENT_USER", "AUDITOR"), 341);
	}

	@GetMapping("/console/measures")
	String base(@RequestParam(required = false) Long edition, Model model) {
		long shown = edition == null ? measures.currentEdition().id() : edition;
		model.addAttribute("editions", measures.editions());
		model.addAttribute("current", measures.currentEdition());
		model.addAttribute("shown", shown);
		model.addAttribute("measures", measures.edition(shown));
		return "measures/base";
	}

	@PostMapping("/console/measures/editions")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String importEdition(@RequestParam("file") MultipartFile file, @RequestParam String label,
			@RequestParam(required = false) String source, @RequestParam(required = false) String format,
			Authentication auth, RedirectAttributes redirect, Locale locale) throws IOException {
		try {
			var edition = measures.importEdition(label, source, MeasuresApiController.format(format, file),
					file.getBytes(), auth.getName());
			redirect.addFlashAttribute("done", edition.id());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
		}
		return "redirect:/console/measures";
	}

	@GetMapping("/console/measures/supplementary")
	String lists(Model model) {
		model.addAttribute("lists", supplementary.all());
		return "measures/supplementary";
	}

	@PostMapping("/console/measures/supplementary")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER')")
	String create(@RequestParam String level, @RequestParam String regionCode, @RequestParam String regionName,
			@RequestParam String title, @RequestParam(required = false) Long supersedes, Authentication auth,
			RedirectAttributes redirect, Locale locale) {
		try {
			long id = supplementary.create(level, regionCode, regionName, title, supersedes, auth.getName()).id();
			return "redirect:/console/measures/supplementary/" + id;
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
			return "redirect:/console/measures/supplementary";
		}
	}

	@GetMapping("/console/measures/supplementary/{id}")
	String list(@PathVariable long id, Model model) {
		model.addAttribute("list",
				supplementary.byId(id).orElseThrow(() -> DomainException.notFound("MEASURE_LIST_UNKNOWN", id)));
		model.addAttribute("baseMeasures",
				measures.baseList().stream().filter(m -> m.kind() == org.xinyong.measures.MeasureKind.PUNISHMENT).toList());
		model.addAttribute("targets", ListTarget.values());
		model.addAttribute("matters", Matter.values());
		return "measures/supplementary-list";
	}

	@PostMapping("/console/measures/supplementary/{id}/measures")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER')")
	String addMeasure(@PathVariable long id, @RequestParam(required = false) String baseMeasureId,
			@RequestParam String target, @RequestParam String measure, @RequestParam String basis,
			@RequestParam String implementingUnit, @RequestParam(required = false) List<ListTarget> appliesTo,
			@RequestParam(required = false) List<Matter> matters, Authentication auth, RedirectAttributes redirect,
			Locale locale) {
		try {
			supplementary.addMeasure(id, new SupplementaryLists.MeasureDraft(baseMeasureId, target, measure, basis,
					implementingUnit, appliesTo == null || appliesTo.isEmpty() ? null : EnumSet.copyOf(appliesTo),
					matters == null || matters.isEmpty() ? null : EnumSet.copyOf(matters)), auth.getName());
			redirect.addFlashAttribute("done", "measure");
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
		}
		return "redirect:/console/measures/supplementary/" + id;
	}

	@PostMapping("/console/measures/supplementary/{id}/transitions")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER')")
	String advance(@PathVariable long id, @RequestParam SupplementaryStatus status,
			@RequestParam(required = false) String note, Authentication auth, RedirectAttributes redirect,
			Locale locale) {
		try {
			supplementary.advance(id, status, note, auth.getName());
			redirect.addFlashAttribute("done", status.name());
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
		}
		return "redirect:/console/measures/supplementary/" + id;
	}

	@PostMapping("/console/measures/supplementary/{id}/comments")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'DEPARTMENT_USER')")
	String comment(@PathVariable long id, @RequestParam String commenter, @RequestParam String text,
			Authentication auth, RedirectAttributes redirect, Locale locale) {
		try {
			supplementary.comment(id, commenter, text, auth.getName());
			redirect.addFlashAttribute("done", "comment");
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", message(e, locale));
		}
		return "redirect:/console/measures/supplementary/" + id;
	}

	private String message(DomainException e, Locale locale) {
		return messages.getMessage(e.messageKey(), e.args(), e.code(), locale);
	}
}
