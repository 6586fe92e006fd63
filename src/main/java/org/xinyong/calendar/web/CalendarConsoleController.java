package org.xinyong.calendar.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.calendar.internal.CalendarLoader;
import org.xinyong.calendar.internal.YearVersions;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;

/** Console page: the loaded holiday years and the upload of a newly published year. */
@Controller
@RequestMapping("/console/calendar")
class CalendarConsoleController {

	private final CalendarLoader loader;
	private final YearVersions versions;
	private final Problems problems;

	CalendarConsoleController(CalendarLoader loader, YearVersions versions, Problems problems) {
		this.loader = loader;
		this.versions = versions;
		this.problems = problems;
	}

	@GetMapping
	String years(Model model) {
		model.addAttribute("years", versions.inForce());
		model.addAttribute("counts", versions.counts());
		return "calendar/console-years";
	}

	@PostMapping
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String upload(@RequestParam("file") MultipartFile file, Principal principal, Locale locale,
			RedirectAttributes flash) throws IOException {
		try {
			var result = loader.upload(file.getBytes(), file.getOriginalFilename(), principal.getName());
			flash.addFlashAttribute(result.loaded() ? "loaded" : "unchanged",
					result.version().year() + " (v" + result.version().version() + ")");
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
		}
		return "redirect:/console/calendar";
	}

	@Bean
	static ConsoleMenuItem calendarMenuItem() {
		return new ConsoleMenuItem("calendar.menu", "/console/calendar", Set.of(), 800);
	}
}
