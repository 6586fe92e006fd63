package org.xinyong.objection.internal;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.account.SubjectSessions;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.web.Problems;

/**
 * The objection API ({@code /api/v1/objections/**}) is for signed-in subjects only: their website sign-in is read
 * from the session; anonymous requests are refused with a 401 problem and audited.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ObjectionProperties.class)
class ObjectionConfiguration {

	@Bean
	@Order(2)
	@ConditionalOnWebApplication
	SecurityFilterChain objectionApiSecurityFilterChain(HttpSecurity http, Problems problems, AuditLog audit)
			throws Exception {
		http.securityMatcher("/api/v1/objections", "/api/v1/objections/**")
			.authorizeHttpRequests(auth -> auth.anyRequest().hasRole(SubjectPrincipal.ROLE))
			.securityContext(context -> context.securityContextRepository(SubjectSessions.contexts()))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
				audit.record(AuditEntry.of("OBJECTION_ANONYMOUS_REFUSED", AuditEntry.Outcome.DENIED,
						Map.of("method", request.getMethod(), "path", request.getRequestURI()))
					.withActor("anonymous", null, null));
				problems.write(request, response, "OBJECTION_SIGN_IN_REQUIRED", HttpStatus.UNAUTHORIZED);
			}));
		return http.build();
	}
}
