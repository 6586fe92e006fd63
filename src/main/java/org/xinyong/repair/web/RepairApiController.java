package org.xinyong.repair.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.repair.Eligibility;
import org.xinyong.repair.RepairApplication;
import org.xinyong.repair.Repairs;
import org.xinyong.repair.internal.AttachmentStore;
import org.xinyong.repair.internal.Propagations;

/**
 * Repair by API: the signed-in subject's session ({@code /account/repair/api/**}: eligibility, applications) and
 * the consumers of propagation ({@code /api/v1/repair/propagations}: an organisation fetches its repair notices and
 * acknowledges each).
 */
@RestController
class RepairApiController {

	private final Repairs repairs;
	private final AttachmentStore attachments;
	private final Propagations propagations;

	RepairApiController(Repairs repairs, AttachmentStore attachments, Propagations propagations) {
		this.repairs = repairs;
		this.attachments = attachments;
		this.propagations = propagations;
	}

	@GetMapping("/account/repair/api/eligibility")
	List<Eligibility> eligibility() {
		return repairs.eligibility(me().subjectId(), repairs.today());
	}

	@GetMapping("/account/repair/api/applications")
	List<RepairApplication> applications() {
		return repairs.ofSubject(me().subjectId());
	}

	@PostMapping("/account/repair/api/applications")
	ResponseEntity<RepairApplication> apply(@RequestParam UUID recordId, @RequestParam(required = false) String obligations,
			@RequestParam(required = false) String commitment,
			@RequestParam(name = "proof", required = false) List<MultipartFile> proof,
			@RequestParam(required = false) String subjectCode,
			@RequestParam(name = "authorisation", required = false) MultipartFile authorisation) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(Uploads.apply(repairs, attachments, me(), recordId, obligations, commitment, proof, subjectCode,
					authorisation));
	}

	@GetMapping("/account/repair/api/applications/{number}")
	Map<String, Object> application(@PathVariable String number) {
		long subjectId = me().subjectId();
		var agent = repairs.agent(number);
		RepairApplication a = repairs.byNumber(number)
			.filter(x -> x.subjectId() == subjectId || agent.filter(g -> g.subjectId() == subjectId).isPresent())
			.orElseThrow(() -> DomainException.notFound("REPAIR_APPLICATION_UNKNOWN", number));
		Map<String, Object> out = new java.util.LinkedHashMap<>();
		out.put("application", a);
		out.put("history", repairs.history(number));
		out.put("attachments", repairs.attachments(number));
		agent.ifPresent(g -> out.put("agent", Map.of("name", String.valueOf(g.name()), "verification", g.method(),
				"letter", g.letterFile())));
		return out;
	}

	@GetMapping("/api/v1/repair/propagations")
	List<Propagations.Delivery> inbox(Authentication auth) {
		return propagations.inbox(member(auth).organisationId());
	}

	@PostMapping("/api/v1/repair/propagations/{key}/acknowledgement")
	Map<String, String> acknowledge(@PathVariable String key, Authentication auth) {
		propagations.acknowledge(key, "org:" + member(auth).organisationId());
		return Map.of("acknowledged", key);
	}

	private static SubjectPrincipal me() {
		return SubjectPrincipal.current()
			.orElseThrow(() -> new DomainException("REPAIR_SIGN_IN_REQUIRED", HttpStatus.UNAUTHORIZED));
	}

	private static OrganisationMember member(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof OrganisationMember m) {
			return m;
		}
		throw new DomainException("ORGANISATION_REQUIRED", HttpStatus.FORBIDDEN);
	}
}
