package org.xinyong.access.internal;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.OrganisationMember;

/** Records every sign-in, failed sign-in and sign-out. */
@Component
class LoginAudit {

	private final AuditLog audit;

	LoginAudit(AuditLog audit) {
		this.audit = audit;
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		var auth = event.getAuthentication();
		Long orgId = null;
		String orgCode = null;
		if (auth.getPrincipal() instanceof OrganisationMember member) {
			orgId = member.organisationId();
			orgCode = member.organisationCode();
		}
		audit.record(AuditEntry.of("LOGIN", AuditEntry.Outcome.SUCCESS, Map.of())
			.withActor(auth.getName(), orgId, orgCode));
	}

	@EventListener
	void onFailure(AbstractAuthenticationFailureEvent event) {
		String attempted = String.valueOf(event.getAuthentication().getPrincipal());
		audit.record(AuditEntry.of("LOGIN", AuditEntry.Outcome.FAILURE,
				Map.of("reason", event.getException().getClass().getSimpleName()))
			.withActor(attempted.length() > 64 ? attempted.substring(0, 64) : attempted, null, null));
	}

	@EventListener
	void onLogout(LogoutSuccessEvent event) {
		audit.record(AuditEntry.of("LOGOUT", AuditEntry.Outcome.SUCCESS, Map.of())
			.withActor(event.getAuthentication().getName(), null, null));
	}
}
