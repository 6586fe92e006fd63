package org.xinyong.sharing.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.sharing.internal.SharingAdmin;
import org.xinyong.sharing.internal.SharingAdmin.NewGrant;

/** The console page of grants (and the authorisations recorded): list, add, withdraw. */
@Controller
@RequestMapping("/console/sharing")
class SharingConsoleController {

	private static final String READ = "hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')";
	private static final String WRITE = "hasRole('PLATFORM_ADMIN')";

	private final SharingAdmin admin;
	private final Organisations organisations;
	private final Catalogs catalogs;
	private final Problems problems;

	SharingConsoleController(SharingAdmin admin, Organisations organisations, Catalogs catalogs, Problems problems) {
		this.admin = admin;
		this.organisations = organisations;
		this.catalogs = catalogs;
		this.problems = problems;
	}

	@GetMapping
	@PreAuthorize(READ)
	String page(Model model) {
		List<Organisation> all = organisations.all();
		model.addAttribute("grants", admin.grants(null));
		model.addAttribute("authorisations", admin.authorisations(null));
		model.addAttribute("organisations", all);
		model.addAttribute("organisationsById",
				all.stream().collect(Collectors.toMap(Organisation::id, Function.identity())));
		model.addAttribute("items", catalogs.publishedItems()
			.stream()
			.filter(p -> p.item().sharing() != SharingLevel.NONE)
			.toList());
		model.addAttribute("purposes", SharingPurpose.values());
		model.addAttribute("today", LocalDate.now(Zones.DISPLAY));
		return "sharing/console";
	}

	@PostMapping("/grants")
	@PreAuthorize(WRITE)
	String grant(@RequestParam String organisationCode, @RequestParam String itemCode,
			@RequestParam(required = false) List<String> purposes, @RequestParam(required = false) String lawfulBasis,
			@RequestParam(defaultValue = "false") boolean statutoryBasis,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
			@RequestParam(required = false) String note, Authentication auth, Locale locale,
			RedirectAttributes flash) {
		return attempt(flash, locale, () -> {
			boolean all = purposes != null && purposes.contains("ALL");
			var g = admin.grant(new NewGrant(organisationCode, itemCode, all, all ? List.of() : purposes, lawfulBasis,
					statutoryBasis, validFrom, validUntil, note), auth.getName());
			flash.addFlashAttribute("done", "#" + g.id());
		});
	}

	@PostMapping("/grants/{id}/withdrawal")
	@PreAuthorize(WRITE)
	String withdraw(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth,
			Locale locale, RedirectAttributes flash) {
		return attempt(flash, locale, () -> {
			admin.withdrawGrant(id, reason, auth.getName());
			flash.addFlashAttribute("done", "#" + id);
		});
	}

	private String attempt(RedirectAttributes flash, Locale locale, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
		}
		return "redirect:/console/sharing";
	}

	@Bean
	static ConsoleMenuItem sharingMenuItem() {
		return new ConsoleMenuItem("sharing.menu", "/console/sharing", java.util.Set.of("PLATFORM_ADMIN", "AUDITOR"),
				300);
	}
}
