package org.xinyong.repair.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.OrganisationMember;
import org.xinyong.repair.Repairs;
import org.xinyong.repair.internal.Propagations;

/**
 * The public list of credit commitments made with repair applications, and the consumers' side of propagation:
 * an organisation fetches its undelivered repair notices and acknowledges each.
 */
@Controller
class RepairPublicController {

	private final Repairs repairs;
	private final Propagations propagations;

	RepairPublicController(Repairs repairs, Propagations propagations) {
		this.repairs = repairs;
		this.propagations = propagations;
	}

	@GetMapping("/publicity/repair-commitments")
	String commitments(Model model) {
		model.addAttribute("commitments", repairs.commitments());
		return "repair/commitments";
	}

	@GetMapping("/api/v1/repair/propagations")
	@ResponseBody
	List<Propagations.Delivery> inbox(Authentication auth) {
		return propagations.inbox(member(auth).organisationId());
	}

	@PostMapping("/api/v1/repair/propagations/{key}/acknowledgement")
	@ResponseBody
	ResponseEntity<Map<String, String>> acknowledge(@PathVariable String key, Authentication auth) {
		propagations.acknowledge(key, "org:" + member(auth).organisationId());
		return ResponseEntity.ok(Map.of("acknowledged", key));
	}

	private static OrganisationMember member(Authentication auth) {
		if (auth != null && auth.getPrincipal() instanceof OrganisationMember m) {
			return m;
		}
		throw new DomainException("ORGANISATION_REQUIRED", org.springframework.http.HttpStatus.FORBIDDEN);
	}
}
