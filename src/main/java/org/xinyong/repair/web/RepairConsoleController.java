package org.xinyong.repair.web;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.repair.Repairs;
import org.xinyong.repair.internal.Propagations;

/** Reviewers handle repair applications; the console lists overdue ones and undelivered propagations. */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REVIEWER')")
class RepairConsoleController {

	private final Repairs repairs;
	private final Propagations propagations;
	private final MessageSource messages;

	RepairConsoleController(Repairs repairs, Propagations propagations, MessageSource messages) {
		this.repairs = repairs;
		this.propagations = propagations;
		this.messages = messages;
	}

	@Bean
	static ConsoleMenuItem repairMenuItem() {
		return new ConsoleMenuItem("repair.menu", "/console/repair", Set.of("PLATFORM_ADMIN", "REVIEWER"), 320);
	}

	@Bean
	static ConsoleMenuItem propagationMenuItem() {
		return new ConsoleMenuItem("repair.propagation.menu", "/console/repair/propagations",
				Set.of("PLATFORM_ADMIN", "REVIEWER"), 321);
	}

	@GetMapping("/console/repair")
	String list(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
		model.addAttribute("applications", repairs.list(overdue));
		model.addAttribute("overdueCount", repairs.overdueCount());
		model.addAttribute("overdueOnly", overdue);
		return "repair/console";
	}

	@GetMapping("/console/repair/{number}")
	String one(@PathVariable String number, Model model) {
		model.addAttribute("a", repairs.byNumber(number)
			.orElseThrow(() -> DomainException.notFound("REPAIR_APPLICATION_UNKNOWN", number)));
		model.addAttribute("history", repairs.history(number));
		model.addAttribute("attachments", repairs.attachments(number));
		model.addAttribute("agent", repairs.agent(number).orElse(null));
		return "repair/console-application";
	}

	@PostMapping("/console/repair/{number}/{action}")
	String act(@PathVariable String number, @PathVariable String action,
			@RequestParam(required = false) String reason, Authentication auth, RedirectAttributes redirect,
			Locale locale) {
		String actor = auth.getName();
		try {
			switch (action) {
				case "accept" -> repairs.accept(number, true, reason, actor);
				case "not-accept" -> repairs.accept(number, false, reason, actor);
				case "complex" -> repairs.markComplex(number, reason, actor);
				case "grant" -> repairs.decide(number, true, reason, actor);
				case "reject" -> repairs.decide(number, false, reason, actor);
				case "feedback" -> repairs.feedback(number, reason, actor);
				case "false-commitment" -> repairs.reopenForFalseCommitment(number, reason, actor);
				default -> throw DomainException.notFound("REPAIR_ACTION_UNKNOWN", action);
			}
			redirect.addFlashAttribute("done", action);
		}
		catch (DomainException e) {
			redirect.addFlashAttribute("failure", messages.getMessage(e.messageKey(), e.args(), e.code(), locale));
		}
		return "redirect:/console/repair/" + number;
	}

	@GetMapping("/console/repair/propagations")
	String propagations(Model model) {
		model.addAttribute("deliveries", propagations.undelivered());
		return "repair/console-propagations";
	}

	@PostMapping("/console/repair/propagations/retry")
	String retry(RedirectAttributes redirect) {
		redirect.addFlashAttribute("delivered", propagations.deliverPending());
		return "redirect:/console/repair/propagations";
	}
}
