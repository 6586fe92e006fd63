package org.xinyong.jointcheck.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.jointcheck.CheckAnswer;
import org.xinyong.jointcheck.JointChecks;
import org.xinyong.platform.OrganisationMember;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The joint check for department systems (art. 34, 47). */
@RestController
@PreAuthorize("hasAnyRole('DEPARTMENT_SYSTEM', 'DEPARTMENT_USER')")
class JointCheckApiController {

	private final JointChecks checks;

	JointCheckApiController(JointChecks checks) {
		this.checks = checks;
	}

	record CheckRequest(String subjectCode, String matter, String reference) {
	}

	record FeedbackRequest(List<String> measuresApplied, String outcome, String note) {
	}

	@PostMapping("/api/v1/joint-checks")
	@Operation(summary = "联合奖惩核查 / Joint reward and punishment check",
			description = "matter: PROCUREMENT | BIDDING | LICENSING | FUNDING | HONOURS | PUBLIC_EMPLOYMENT | OTHER; reference: the department's case number. "
					+ "Returns the status (REWARD | SERIOUS_DISHONESTY | DISHONESTY | CLEAR | UNKNOWN_SUBJECT), the measures of the published lists that apply (art. 46) and the current dishonesty records. Audited (JOINT_CHECK_READ).")
	@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CheckAnswer.class)))
	ResponseEntity<String> check(@RequestBody CheckRequest r, Authentication authentication, HttpServletRequest request) {
		// the very text stored as the check's answer (serialised once)
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(checks.check(member(authentication), authentication.getName(), request.getRemoteAddr(),
					r.subjectCode(), r.matter(), r.reference()).json());
	}

	@PostMapping("/api/v1/joint-checks/{checkId}/feedback")
	@Operation(summary = "核查结果反馈 / Feedback on a check",
			description = "What the department did: measuresApplied (only measures the check returned), outcome, note. Only the checking organisation, once (art. 47).")
	JointChecks.Feedback feedback(@PathVariable UUID checkId, @RequestBody FeedbackRequest r,
			Authentication authentication) {
		return checks.feedback(member(authentication), authentication.getName(), checkId, r.measuresApplied(),
				r.outcome(), r.note());
	}

	static OrganisationMember member(Authentication authentication) {
		return authentication.getPrincipal() instanceof OrganisationMember m ? m : null;
	}
}
