package org.xinyong.portal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xinyong.catalog.Openness;
import org.xinyong.disclosure.BrowseFilter;
import org.xinyong.disclosure.PublicCreditInfo;
import org.xinyong.disclosure.PublicRecord;
import org.xinyong.disclosure.SubjectSearch;
import org.xinyong.objection.PendingObjections;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;

/**
 * The credit website's public pages: start page, search, subject pages, 双公示 and list browsing, and the guides.
 * Free of charge and without login; anonymous use is rate-limited per client address.
 */
@Controller
class WebsiteController {

	static final Set<String> GUIDES = Set.of("query", "objection", "repair");

	private final PublicCreditInfo info;
	private final SubjectSearch search;
	private final RecordDisplay display;
	private final Problems problems;
	private final PendingObjections objections;

	WebsiteController(PublicCreditInfo info, SubjectSearch search, RecordDisplay display, Problems problems,
			PendingObjections objections) {
		this.info = info;
		this.search = search;
		this.display = display;
		this.problems = problems;
		this.objections = objections;
	}

	@GetMapping("/")
	String start(Model model) {
		model.addAttribute("latestPenalties", info.latest("ADMIN_PENALTY", 5));
		model.addAttribute("latestLicences", info.latest("ADMIN_LICENCE", 5));
		model.addAttribute("display", display);
		return "portal/index";
	}

	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Model model,
			Locale locale) {
		searchInto(model, search, problems, q, page, locale);
		return "portal/search";
	}

	/** Runs the search into the model ({@code q}, {@code result}) or puts the broken rule's message as {@code error}. */
	static void searchInto(Model model, SubjectSearch search, Problems problems, String q, int page, Locale locale) {
		model.addAttribute("q", q == null ? "" : q);
		if (q != null && !q.isBlank()) {
			try {
				model.addAttribute("result", search.search(q, page));
			}
			catch (DomainException e) {
				model.addAttribute("error", problems.message(e, locale));
			}
		}
	}

	@GetMapping("/subjects/{code}")
	String subject(@PathVariable String code, Model model) {
		var view = info.subject(code)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "subject not found"));
		model.addAttribute("view", view);
		model.addAttribute("display", display);
		model.addAttribute("pending", objections.pendingAmong(
				view.groups().values().stream().flatMap(List::stream).map(PublicRecord::recordId).toList()));
		return "portal/subject";
	}

	@GetMapping("/publicity/{slug}")
	String browse(@PathVariable String slug,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String authority, @RequestParam(required = false) String type,
			@RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
		String item = Publicity.item(slug);
		var found = display.item(item).filter(i -> i.openness() == Openness.PUBLIC)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such public item"));
		model.addAttribute("slug", slug);
		model.addAttribute("item", found);
		model.addAttribute("itemName", display.itemName(item, locale));
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("authority", authority == null ? "" : authority);
		model.addAttribute("type", type == null ? "" : type);
		model.addAttribute("typeField", Publicity.typeField(item).orElse(null));
		model.addAttribute("types", Publicity.typeField(item).map(f -> display.allowedValues(item, f)).orElse(List.of()));
		model.addAttribute("display", display);
		try {
			model.addAttribute("result", info.browse(new BrowseFilter(item, from, to, authority, type), page));
		}
		catch (DomainException e) {
			model.addAttribute("error", problems.message(e, locale));
		}
		return "portal/publicity";
	}

	@GetMapping("/guide/{topic}")
	String guide(@PathVariable String topic, Model model) {
		if (!GUIDES.contains(topic)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such guide");
		}
		model.addAttribute("topic", topic);
		return "portal/guide";
	}

	/** The friendly page for an anonymous client beyond the rate limit (429). */
	@org.springframework.web.bind.annotation.ExceptionHandler(RateLimitedException.class)
	@org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
	String tooManyRequests() {
		return "portal/too-many-requests";
	}
}
