package org.xinyong.lists.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.xinyong.lists.DishonestyCategory;
import org.xinyong.lists.PublicLists;
import org.xinyong.lists.RewardGround;

/** The lists on the credit website (public, Chinese first, phone-friendly). */
@Controller
class ListsWebsiteController {

	private final PublicLists lists;

	ListsWebsiteController(PublicLists lists) {
		this.lists = lists;
	}

	@GetMapping("/lists/serious-dishonesty")
	String serious(@RequestParam(required = false) String category,
			@RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", lists.serious(new PublicLists.Filter(category, organisation, from, to), page));
		return listPage(model, "serious", category, organisation, from, to);
	}

	@GetMapping("/lists/serious-dishonesty/{id}")
	String seriousEntry(@PathVariable long id, Model model) {
		model.addAttribute("e", lists.serious(id).orElseThrow(ListsWebsiteController::notOnList));
		return "lists/serious-entry";
	}

	@GetMapping("/lists/rewards")
	String rewards(@RequestParam(required = false) String ground, @RequestParam(required = false) String organisation,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("result", lists.rewards(new PublicLists.Filter(ground, organisation, from, to), page));
		return listPage(model, "rewards", ground, organisation, from, to);
	}

	@GetMapping("/lists/rewards/{id}")
	String rewardEntry(@PathVariable long id, Model model) {
		model.addAttribute("e", lists.reward(id).orElseThrow(ListsWebsiteController::notOnList));
		return "lists/reward-entry";
	}

	/** One template for both lists: {@code list} is {@code serious} or {@code rewards}. */
	private static String listPage(Model model, String list, String kind, String organisation, LocalDate from,
			LocalDate to) {
		boolean serious = list.equals("serious");
		model.addAttribute("list", list);
		model.addAttribute("path", serious ? "/lists/serious-dishonesty" : "/lists/rewards");
		model.addAttribute("otherPath", serious ? "/lists/rewards" : "/lists/serious-dishonesty");
		model.addAttribute("other", serious ? "rewards" : "serious");
		model.addAttribute("kindName", serious ? "category" : "ground");
		model.addAttribute("kindPrefix", serious ? "lists.category." : "lists.ground.");
		model.addAttribute("kinds", serious ? DishonestyCategory.values() : RewardGround.values());
		model.addAttribute("kind", kind == null ? "" : kind);
		model.addAttribute("organisation", organisation == null ? "" : organisation);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return "lists/list";
	}

	private static ResponseStatusException notOnList() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "not on the list");
	}
}
