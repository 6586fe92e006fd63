package org.xinyong.access.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
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
import org.xinyong.access.ApiKeys;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffUsers;
import org.xinyong.access.StaffUsers.NewStaffUser;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;

/** Console pages where platform administrators manage organisations, staff users and API keys. */
@Controller
@RequestMapping("/console/access")
class AccessConsoleController {

	private final Organisations organisations;
	private final StaffUsers users;
	private final ApiKeys apiKeys;
	private final Problems problems;

	AccessConsoleController(Organisations organisations, StaffUsers users, ApiKeys apiKeys, Problems problems) {
		this.organisations = organisations;
		this.users = users;
		this.apiKeys = apiKeys;
		this.problems = problems;
	}

	@GetMapping("/organisations")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	String organisations(Model model) {
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("kinds", OrganisationKind.values());
		return "access/organisations";
	}

	@PostMapping("/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String register(@RequestParam String code, @RequestParam String name, @RequestParam(required = false) String nameEn,
			@RequestParam OrganisationKind kind, @RequestParam(required = false) Long parentId, Locale locale,
			RedirectAttributes flash) {
		return attempt("organisations", flash, locale, () -> {
			Organisation o = organisations.register(new NewOrganisation(code, name, nameEn, kind, parentId, false));
			flash.addFlashAttribute("done", o.name() + " (" + o.code() + ")");
		});
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	String users(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("roles", Role.staffRoles());
		return "access/users";
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String createUser(@RequestParam String username, @RequestParam(required = false) String displayName,
			@RequestParam String password, @RequestParam long organisationId,
			@RequestParam(required = false) Set<Role> roles, Authentication by, Locale locale,
			RedirectAttributes flash) {
		return attempt("users", flash, locale, () -> {
			var user = users.create(new NewStaffUser(username, displayName, password, organisationId,
					roles == null ? EnumSet.noneOf(Role.class) : roles, by.getName()));
			flash.addFlashAttribute("done", user.username());
		});
	}

	@GetMapping("/api-keys")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	String apiKeys(Model model) {
		Map<Long, Organisation> byId = organisations.all()
			.stream()
			.collect(Collectors.toMap(Organisation::id, Function.identity()));
		model.addAttribute("keys", apiKeys.all());
		model.addAttribute("organisationsById", byId);
		model.addAttribute("organisations", byId.values());
		return "access/api-keys";
	}

	@PostMapping("/api-keys")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String issue(@RequestParam long organisationId, @RequestParam String name, Authentication by, Locale locale,
			RedirectAttributes flash) {
		return attempt("api-keys", flash, locale, () -> {
			var issued = apiKeys.issue(organisationId, name, by.getName());
			flash.addFlashAttribute("issuedKey", issued.plainKey());
		});
	}

	@PostMapping("/api-keys/{id}/revoke")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	String revoke(@PathVariable long id, @RequestParam String reason, Authentication by, Locale locale,
			RedirectAttributes flash) {
		return attempt("api-keys", flash, locale, () -> {
			apiKeys.revoke(id, reason, by.getName());
			flash.addFlashAttribute("done", "#" + id);
		});
	}

	private String attempt(String page, RedirectAttributes flash, Locale locale, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
		}
		return "redirect:/console/access/" + page;
	}

	@Bean
	static ConsoleMenuItem organisationsMenuItem() {
		return new ConsoleMenuItem("access.menu.organisations", "/console/access/organisations",
				Set.of("PLATFORM_ADMIN", "AUDITOR"), 900);
	}

	@Bean
	static ConsoleMenuItem usersMenuItem() {
		return new ConsoleMenuItem("access.menu.users", "/console/access/users", Set.of("PLATFORM_ADMIN", "AUDITOR"),
				910);
	}

	@Bean
	static ConsoleMenuItem apiKeysMenuItem() {
		return new ConsoleMenuItem("access.menu.apiKeys", "/console/access/api-keys",
				Set.of("PLATFORM_ADMIN", "AUDITOR"), 920);
	}
}
