package org.xinyong.access.web;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.ApiKeys.ApiKey;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffPrincipal;
import org.xinyong.access.StaffUsers;
import org.xinyong.access.StaffUsers.NewStaffUser;
import org.xinyong.platform.DomainException;

/** Platform administrators manage organisations, staff users and department systems' API keys. */
@RestController
@RequestMapping("/api/v1/access")
@Tag(name = "access", description = "身份与权限 / Identity and access")
class AccessAdminController {

	private final Organisations organisations;
	private final StaffUsers users;
	private final ApiKeys apiKeys;

	AccessAdminController(Organisations organisations, StaffUsers users, ApiKeys apiKeys) {
		this.organisations = organisations;
		this.users = users;
		this.apiKeys = apiKeys;
	}

	@GetMapping("/organisations")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	@Operation(summary = "单位列表 / List organisations")
	List<Organisation> organisations() {
		return organisations.all();
	}

	@PostMapping("/organisations")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "登记单位 / Register an organisation")
	Organisation register(@RequestBody OrganisationRequest request) {
		if (request.kind() == null) {
			throw DomainException.badRequest("ORGANISATION_KIND_REQUIRED");
		}
		return organisations.register(new NewOrganisation(request.code(), request.name(), request.nameEn(),
				request.kind(), request.parentId(), false));
	}

	@GetMapping("/users")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	@Operation(summary = "工作人员列表 / List staff users")
	List<UserView> users() {
		return users.all().stream().map(UserView::of).toList();
	}

	@PostMapping("/users")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "新建工作人员 / Create a staff user")
	UserView createUser(@RequestBody UserRequest request, Authentication by) {
		Organisation organisation = organisations.byCode(String.valueOf(request.organisationCode()))
			.orElseThrow(() -> DomainException.badRequest("ORGANISATION_UNKNOWN", request.organisationCode()));
		return UserView.of(users.create(new NewStaffUser(request.username(), request.displayName(), request.password(),
				organisation.id(), request.roles() == null ? Set.of() : request.roles(), by.getName())));
	}

	@GetMapping("/api-keys")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')")
	@Operation(summary = "API 密钥列表（不含密钥本身）/ List API keys (never the keys themselves)")
	List<ApiKey> apiKeys() {
		return apiKeys.all();
	}

	@PostMapping("/api-keys")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "签发 API 密钥 / Issue an API key",
			description = "The key is in this response only; the platform keeps its SHA-256 hash.")
	IssuedKeyView issue(@RequestBody ApiKeyRequest request, Authentication by) {
		Organisation organisation = organisations.byCode(String.valueOf(request.organisationCode()))
			.orElseThrow(() -> DomainException.badRequest("ORGANISATION_UNKNOWN", request.organisationCode()));
		var issued = apiKeys.issue(organisation.id(), request.name(), by.getName());
		return new IssuedKeyView(issued.id(), issued.prefix(), issued.plainKey(), organisation.code());
	}

	@PostMapping("/api-keys/{id}/revoke")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@Operation(summary = "吊销 API 密钥 / Revoke an API key")
	ApiKey revoke(@PathVariable long id, @RequestBody RevokeRequest request, Authentication by) {
		apiKeys.revoke(id, request.reason(), by.getName());
		return apiKeys.byId(id).orElseThrow();
	}

	record OrganisationRequest(String code, String name, String nameEn, OrganisationKind kind, Long parentId) {
	}

	record UserRequest(String username, String displayName, String password, String organisationCode,
			Set<Role> roles) {
	}

	record UserView(long id, String username, String displayName, String organisationCode, Set<Role> roles,
			boolean enabled) {
		static UserView of(StaffPrincipal p) {
			return new UserView(p.userId(), p.username(), p.displayName(), p.organisationCode(), p.roles(), p.enabled());
		}
	}

	record ApiKeyRequest(String organisationCode, String name) {
	}

	record IssuedKeyView(long id, String prefix, String key, String organisationCode) {
	}

	record RevokeRequest(String reason) {
	}
}
