package org.xinyong.ingest.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.catalog.Catalogs;
import org.xinyong.ingest.FileSubmissions;
import org.xinyong.ingest.FileSubmissions.FileUpload;
import org.xinyong.ingest.ProviderAccountability;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.platform.Zones;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;

/** Console: file upload with progress, the organisation's submissions, and provider accountability (art. 28). */
@Controller
@RequestMapping("/console/ingest")
class IngestConsoleController {

	private final FileSubmissions files;
	private final Catalogs catalogs;
	private final ProviderAccountability accountability;
	private final Problems problems;

	IngestConsoleController(FileSubmissions files, Catalogs catalogs, ProviderAccountability accountability,
			Problems problems) {
		this.files = files;
		this.catalogs = catalogs;
		this.accountability = accountability;
		this.problems = problems;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('PROVIDER_OPERATOR', 'PLATFORM_ADMIN', 'AUDITOR')")
	String submissions(Authentication authentication, Model model) {
		boolean all = authentication.getAuthorities()
			.stream()
			.anyMatch(a -> a.getAuthority().equals("ROLE_PLATFORM_ADMIN") || a.getAuthority().equals("ROLE_AUDITOR"));
		OrganisationMember member = IngestWeb.member(authentication);
		model.addAttribute("submissions", files.recent(all ? null : member.organisationId(), 50));
		model.addAttribute("items", catalogs.publishedItems());
		model.addAttribute("submissionKey", UUID.randomUUID().toString());
		return "ingest/console-submissions";
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('PROVIDER_OPERATOR', 'PLATFORM_ADMIN')")
	String upload(@RequestParam String catalogItem, @RequestParam String submissionKey,
			@RequestParam("file") MultipartFile file, @RequestParam(required = false) String charset,
			Authentication authentication, Locale locale, RedirectAttributes flash) throws IOException {
		OrganisationMember member = IngestWeb.member(authentication);
		try {
			var status = files.accept(new FileUpload(member.organisationId(), member.organisationCode(),
					authentication.getName(), catalogItem, submissionKey, file.getOriginalFilename(),
					FileSubmissionController.charset(charset), file.getInputStream()));
			flash.addFlashAttribute("queued", status.submissionId());
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
		}
		return "redirect:/console/ingest";
	}

	@GetMapping("/providers")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR', 'REVIEWER')")
	String providers(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		LocalDate end = to == null ? LocalDate.now(Zones.DISPLAY) : to;
		LocalDate start = from == null ? end.minusDays(89) : from;
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("figures", accountability.figures(start, end));
		return "ingest/console-providers";
	}

	@Bean
	static ConsoleMenuItem submissionsMenuItem() {
		return new ConsoleMenuItem("ingest.menu.submissions", "/console/ingest",
				Set.of("PROVIDER_OPERATOR", "PLATFORM_ADMIN", "AUDITOR"), 200);
	}

	@Bean
	static ConsoleMenuItem providersMenuItem() {
		return new ConsoleMenuItem("ingest.menu.providers", "/console/ingest/providers",
				Set.of("PLATFORM_ADMIN", "AUDITOR", "REVIEWER"), 210);
	}
}
