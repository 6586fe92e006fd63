package org.xinyong.access.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.web.Problems;

/** Answers and audits every request that security refuses. */
@Component
class DeniedRequests {

	private final AuditLog audit;
	private final Problems problems;

	DeniedRequests(AuditLog audit, Problems problems) {
		this.audit = audit;
		this.problems = problems;
	}

	/** API without credentials: 401 problem+json. */
	AuthenticationEntryPoint apiEntryPoint() {
		return (request, response, e) -> {
			record(request, "UNAUTHENTICATED");
			problems.write(request, response, "UNAUTHORIZED", HttpStatus.UNAUTHORIZED);
		};
	}

	/** Pages without a session: to the login page. */
	AuthenticationEntryPoint pageEntryPoint(String loginPage) {
		LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint(loginPage);
		return (request, response, e) -> {
			record(request, "UNAUTHENTICATED");
			login.commence(request, response, e);
		};
	}

	/** Signed in but not allowed: 403, as problem+json for the API and a page otherwise. */
	AccessDeniedHandler accessDeniedHandler(RequestMatcher api) {
		return (request, response, e) -> {
			record(request, "FORBIDDEN");
			if (api.matches(request)) {
				problems.write(request, response, "FORBIDDEN", HttpStatus.FORBIDDEN);
			}
			else {
				response.sendError(HttpStatus.FORBIDDEN.value());
			}
		};
	}

	/** A presented API key that is unknown or revoked. */
	void refuseApiKey(HttpServletRequest request, HttpServletResponse response) throws IOException {
		audit.record(AuditEntry.of("ACCESS_DENIED", AuditEntry.Outcome.DENIED,
				Map.of("reason", "API_KEY_INVALID", "method", request.getMethod(), "path", request.getRequestURI()))
			.withActor("anonymous", null, null));
		problems.write(request, response, "API_KEY_INVALID", HttpStatus.UNAUTHORIZED);
	}

	private void record(HttpServletRequest request, String reason) {
		audit.record(AuditEntry.of("ACCESS_DENIED", AuditEntry.Outcome.DENIED,
				Map.of("reason", reason, "method", request.getMethod(), "path", request.getRequestURI())));
	}
}
