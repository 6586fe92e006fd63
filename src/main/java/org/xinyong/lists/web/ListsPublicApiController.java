package org.xinyong.lists.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.lists.PublicLists;
import org.xinyong.platform.DomainException;

import io.swagger.v3.oas.annotations.Operation;

/** The lists for everyone: the same entries, filters and pages as the website. */
@RestController
class ListsPublicApiController {

	private final PublicLists lists;

	ListsPublicApiController(PublicLists lists) {
		this.lists = lists;
	}

	@GetMapping("/api/v1/public/lists/serious-dishonesty")
	@Operation(summary = "严重失信主体名单 / Serious dishonesty list (entries current today)",
			description = "Filters: category (art. 43), organisation (part of the deciding organisation's name), "
					+ "from/to (effective date range); pages of 20. Natural persons are masked.")
	PublicLists.Page<PublicLists.SeriousEntry> serious(@RequestParam(required = false) String category,
			@RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page) {
		return lists.serious(new PublicLists.Filter(category, organisation, from, to), page);
	}

	@GetMapping("/api/v1/public/lists/serious-dishonesty/{id}")
	PublicLists.SeriousEntry seriousEntry(@PathVariable long id) {
		return lists.serious(id).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", id));
	}

	@GetMapping("/api/v1/public/lists/rewards")
	@Operation(summary = "守信激励对象名单 / Reward list (entries current today)",
			description = "Filters: ground, organisation (part of the confirming organisation's name), from/to "
					+ "(effective date range); pages of 20. Natural persons are masked.")
	PublicLists.Page<PublicLists.RewardItem> rewards(@RequestParam(required = false) String ground,
			@RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page) {
		return lists.rewards(new PublicLists.Filter(ground, organisation, from, to), page);
	}

	@GetMapping("/api/v1/public/lists/rewards/{id}")
	PublicLists.RewardItem rewardEntry(@PathVariable long id) {
		return lists.reward(id).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", id));
	}
}
