package org.xinyong.lists.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.lists.DecisionDocument;
import org.xinyong.lists.DishonestyCategory;
import org.xinyong.lists.ListEntry;
import org.xinyong.lists.RemovalKind;
import org.xinyong.lists.RewardDecision;
import org.xinyong.lists.RewardEligibility;
import org.xinyong.lists.RewardEntry;
import org.xinyong.lists.RewardGround;
import org.xinyong.lists.RewardList;
import org.xinyong.lists.SeriousDishonestyList;
import org.xinyong.platform.DomainException;

import io.swagger.v3.oas.annotations.Operation;

/** The serious-dishonesty and reward lists for authorised organisations. */
@RestController
@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'DEPARTMENT_USER', 'PLATFORM_ADMIN')")
class ListsApiController {

	private final SeriousDishonestyList list;
	private final RewardList rewards;

	ListsApiController(SeriousDishonestyList list, RewardList rewards) {
		this.list = list;
		this.rewards = rewards;
	}

	record EligibilityRequest(String subjectCode, RewardGround ground, String groundDetail) {
	}

	record RemovalRequest(RemovalKind kind, String documentNumber, String reason) {
	}

	@PostMapping("/api/v1/lists/serious-dishonesty")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "列入严重失信主体名单 / Include a subject by decision document",
			description = "Refused (422 LIST_DOCUMENT_INCOMPLETE) unless reason, basis, category, measures, removal "
					+ "conditions and procedure, remedies, document number, deciding organisation, dates and, for "
					+ "organisations, the legal representative are given (art. 44). Ledger event LIST_INCLUDED.")
	ListEntry include(@RequestBody DecisionDocument document, Authentication authentication) {
		return list.include(document, authentication.getName());
	}

	@PostMapping("/api/v1/lists/serious-dishonesty/{id}/removal")
	@Operation(summary = "移出严重失信主体名单 / Remove an entry by document",
			description = "kind EXPIRY, REPAIR or REVOCATION, with the document number and reason. Ledger event LIST_REMOVED.")
	ListEntry remove(@PathVariable long id, @RequestBody RemovalRequest r, Authentication authentication) {
		return list.remove(id, r.kind(), r.documentNumber(), r.reason(), authentication.getName());
	}

	@GetMapping("/api/v1/lists/serious-dishonesty/{id}")
	ListEntry entry(@PathVariable long id) {
		return list.byId(id).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", id));
	}

	@GetMapping("/api/v1/lists/serious-dishonesty")
	@Operation(summary = "当前名单 / Entries on the list today", description = "Optionally of one art. 43 category.")
	List<ListEntry> current(@RequestParam(required = false) DishonestyCategory category) {
		return list.current(category, 500);
	}

	@GetMapping(value = "/api/v1/lists/serious-dishonesty/{id}/decision", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "决定书 / Printable decision document (HTML)")
	String decision(@PathVariable long id) {
		return list.decisionHtml(id);
	}

	@PostMapping("/api/v1/lists/rewards/eligibility")
	@Operation(summary = "守信激励资格核查 / Reward eligibility with the reasons",
			description = "Eligible only with no current serious-dishonesty entry, no currently disclosed dishonesty "
					+ "record and a ground with its detail (art. 39). Each obstacle names the entry or record. Audited.")
	RewardEligibility eligibility(@RequestBody EligibilityRequest r) {
		return rewards.eligibility(r.subjectCode(), r.ground(), r.groundDetail());
	}

	@PostMapping("/api/v1/lists/rewards")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "确认守信激励对象 / Confirm a reward entry",
			description = "422 REWARD_DOCUMENT_INCOMPLETE (missing fields) or REWARD_NOT_ELIGIBLE (with the reasons). "
					+ "Ledger event REWARD_INCLUDED; the entry lapses by itself (REWARD_LAPSED) when a dishonesty "
					+ "record of the subject appears or the subject enters the serious-dishonesty list.")
	RewardEntry confirm(@RequestBody RewardDecision decision, Authentication authentication) {
		return rewards.confirm(decision, authentication.getName());
	}

	@GetMapping("/api/v1/lists/rewards/{id}")
	RewardEntry reward(@PathVariable long id) {
		return rewards.byId(id).orElseThrow(() -> DomainException.notFound("LIST_ENTRY_UNKNOWN", id));
	}
}
