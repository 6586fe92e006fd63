package org.xinyong.account.internal;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.xinyong.account.SubjectIdentityProvider;
import org.xinyong.account.SubjectPrincipal;
import org.xinyong.platform.DemoMode;

import tools.jackson.databind.json.JsonMapper;

/**
 * Subject sign-in: the identity providers and the security rules of {@code /account/**}, a filter chain ahead of
 * the staff chain that handles everything else. The login pages are public; every other page needs a signed-in
 * subject.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountProperties.class)
class AccountConfiguration {

	@Bean
	SubjectIdentityProvider oidcIdentityProvider(AccountProperties properties, JsonMapper json, Clock clock) {
		return new OidcIdentityProvider(properties.oidc(), json, clock);
	}

	@Bean
	SubjectIdentityProvider demoIdentityProvider(AccountProperties properties, DemoMode demoMode) {
		return new DemoIdentityProvider(demoMode, properties.demo().code());
	}

	@Bean
	@Order(1)
	@ConditionalOnWebApplication
	SecurityFilterChain accountSecurityFilterChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/account", "/account/**")
			.authorizeHttpRequests(auth -> auth.requestMatchers("/account/login", "/account/login/**")
				.permitAll()
				.anyRequest()
				.hasRole(SubjectPrincipal.ROLE))
			.securityContext(context -> context.securityContextRepository(SubjectSignIn.CONTEXTS))
			.exceptionHandling(ex -> ex.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/account/login")))
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
								+ "script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}
}
