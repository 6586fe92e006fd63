package org.xinyong.access.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.Role;
import org.xinyong.access.SystemPrincipal;

/**
 * Authenticates a request that carries {@code X-Api-Key}. An unknown or revoked key is refused at once with
 * 401 (and audited) rather than falling back to anonymous access. The authentication lives for this request
 * only; no session is created.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	private final ApiKeys apiKeys;
	private final DeniedRequests denied;

	ApiKeyAuthenticationFilter(ApiKeys apiKeys, DeniedRequests denied) {
		this.apiKeys = apiKeys;
		this.denied = denied;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(SecurityConfiguration.API_KEY_HEADER);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		var principal = apiKeys.authenticate(presented);
		if (principal.isEmpty()) {
			denied.refuseApiKey(request, response);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(principal.get()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** An authenticated department system. */
	static final class ApiKeyAuthentication extends AbstractAuthenticationToken {

		private final SystemPrincipal principal;

		ApiKeyAuthentication(SystemPrincipal principal) {
			super(List.of(new SimpleGrantedAuthority(Role.DEPARTMENT_SYSTEM.authority())));
			this.principal = principal;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public SystemPrincipal getPrincipal() {
			return principal;
		}

		@Override
		public String getName() {
			return principal.name();
		}
	}
}
