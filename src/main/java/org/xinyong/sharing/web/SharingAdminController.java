package org.xinyong.sharing.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.platform.DomainException;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.sharing.internal.Authorisation;
import org.xinyong.sharing.internal.Grant;
import org.xinyong.sharing.internal.SharingAdmin;
import org.xinyong.sharing.internal.SharingAdmin.NewAuthorisation;
import org.xinyong.sharing.internal.SharingAdmin.NewGrant;
import org.xinyong.sharing.internal.Withdrawal;

/** Platform administrators grant items to organisations and record natural persons' authorisations. */
@RestController
@Tag(name = "sharing", description = "信用信息共享 / Sharing credit records with state bodies")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class SharingAdminController {

	private final SharingAdmin admin;
	private final Organisations organisations;
	SharingAdminController(SharingAdmin admin, Organisations organisations) {
		this.admin = admin;
		this.organisations = organisations;
	}

	record GrantRequest(String organisationCode, String itemCode, Boolean allPurposes, List<String> purposes,
			String lawfulBasis, Boolean statutoryBasis, LocalDate validFrom, LocalDate validUntil, String note) {
	}

	record AuthorisationRequest(String subjectCode, String organisationCode, Boolean allItems, List<String> itemCodes,
			String purpose, LocalDate validFrom, LocalDate validUntil, String documentReference) {
	}

	record WithdrawalRequest(String reason) {
	}

	record GrantView(long id, String organisationCode, String organisationName, String itemCode, boolean allPurposes,
			Set<SharingPurpose> purposes, String lawfulBasis, boolean statutoryBasis, LocalDate validFrom,
			LocalDate validUntil, String note, String grantedBy, Instant grantedAt, Withdrawal withdrawal) {
	}

	record AuthorisationView(long id, String subjectCode, String organisationCode, boolean allItems,
			Set<String> itemCodes, SharingPurpose purpose, LocalDate validFrom, LocalDate validUntil,
			String documentReference, String recordedBy, Instant recordedAt, Withdrawal withdrawal) {
	}

	@GetMapping("/api/v1/sharing/grants")
	@Operation(summary = "共享授权列表 / Grants", description = "Every grant, newest first, with its withdrawal if any; "
			+ "of one organisation when organisation (its unified code) is given.")
	List<GrantView> grants(@RequestParam(required = false) String organisation) {
		Long id = organisation == null || organisation.isBlank() ? null : organisation(organisation).id();
		return admin.grants(id).stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/sharing/grants")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "授予共享权限 / Grant an item to an organisation",
			description = "Items whose sharing level is NONE are refused; CONDITIONAL items need a lawful basis. "
					+ "statutoryBasis marks the basis as a law or regulation, which lets natural persons' non-public "
					+ "items be shared without their authorisation (art. 51). Audited.")
	GrantView grant(@RequestBody GrantRequest r, Authentication authentication) {
		return view(admin.grant(new NewGrant(r.organisationCode(), r.itemCode(), Boolean.TRUE.equals(r.allPurposes()),
				r.purposes(), r.lawfulBasis(), Boolean.TRUE.equals(r.statutoryBasis()), r.validFrom(), r.validUntil(),
				r.note()), authentication.getName()));
	}

	@PostMapping("/api/v1/sharing/grants/{id}/withdrawal")
	@Operation(summary = "撤回共享权限 / Withdraw a grant", description = "Effective at once; the grant stays on record. Audited.")
	GrantView withdrawGrant(@PathVariable long id, @RequestBody WithdrawalRequest r, Authentication authentication) {
		return view(admin.withdrawGrant(id, r.reason(), authentication.getName()));
	}

	@GetMapping("/api/v1/sharing/authorisations")
	@Operation(summary = "自然人授权列表 / Natural persons' authorisations",
			description = "Newest first; of one subject when subject (its identifier) is given.")
	List<AuthorisationView> authorisations(@RequestParam(required = false) String subject) {
		var list = subject == null || subject.isBlank() ? admin.authorisations(null) : admin.authorisationsOf(subject);
		return list.stream().map(this::view).toList();
	}

	@PostMapping("/api/v1/sharing/authorisations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记自然人授权 / Record a natural person's authorisation",
			description = "From the document the person signed: the organisation may receive the items (or all) "
					+ "for the purpose, within the period (validUntil required). Audited.")
	AuthorisationView authorise(@RequestBody AuthorisationRequest r, Authentication authentication) {
		return view(admin.authorise(new NewAuthorisation(r.subjectCode(), r.organisationCode(),
				Boolean.TRUE.equals(r.allItems()), r.itemCodes(), r.purpose(), r.validFrom(), r.validUntil(),
				r.documentReference()), authentication.getName()));
	}

	@PostMapping("/api/v1/sharing/authorisations/{id}/withdrawal")
	@Operation(summary = "撤回自然人授权 / Withdraw an authorisation", description = "Effective at once. Audited.")
	AuthorisationView withdrawAuthorisation(@PathVariable long id, @RequestBody WithdrawalRequest r,
			Authentication authentication) {
		return view(admin.withdrawAuthorisation(id, r.reason(), authentication.getName()));
	}

	private Organisation organisation(String code) {
		return organisations.byCode(code.strip().toUpperCase(java.util.Locale.ROOT))
			.orElseThrow(() -> DomainException.notFound("SHARING_ORGANISATION_UNKNOWN", code.strip()));
	}

	private GrantView view(Grant g) {
		Organisation o = organisations.byId(g.organisationId()).orElse(null);
		return new GrantView(g.id(), o == null ? null : o.code(), o == null ? null : o.name(), g.itemCode(),
				g.allPurposes(), g.purposes(), g.lawfulBasis(), g.statutoryBasis(), g.validFrom(), g.validUntil(),
				g.note(), g.grantedBy(), g.grantedAt(), g.withdrawal());
	}

	private AuthorisationView view(Authorisation a) {
		String org = organisations.byId(a.organisationId()).map(Organisation::code).orElse(null);
		return new AuthorisationView(a.id(), a.subjectCode(), org, a.allItems(), a.itemCodes(), a.purpose(),
				a.validFrom(), a.validUntil(), a.documentReference(), a.recordedBy(), a.recordedAt(), a.withdrawal());
	}
}
