package org.xinyong.access.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.access.Organisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffPrincipal;
import org.xinyong.access.SystemPrincipal;

/** Tells a caller who the platform takes it to be — the first call a department system makes with its key. */
@RestController
@Tag(name = "access", description = "身份与权限 / Identity and access")
class CallerController {

	@GetMapping("/api/v1/me")
	@Operation(summary = "当前调用者 / The authenticated caller",
			description = "Returns the organisation and roles of the API key or staff session that made the request.")
	Caller me(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SystemPrincipal system) {
			return new Caller("SYSTEM", system.name(), OrganisationView.of(system.organisation()),
					List.of(Role.DEPARTMENT_SYSTEM.name()));
		}
		StaffPrincipal staff = (StaffPrincipal) authentication.getPrincipal();
		return new Caller("STAFF", staff.username(), OrganisationView.of(staff.organisation()),
				staff.roles().stream().map(Enum::name).sorted().toList());
	}

	record Caller(String type, String name, OrganisationView organisation, List<String> roles) {
	}

	record OrganisationView(String code, String name, String nameEn, String kind) {
		static OrganisationView of(Organisation o) {
			return new OrganisationView(o.code(), o.name(), o.nameEn(), o.kind().name());
		}
	}
}
