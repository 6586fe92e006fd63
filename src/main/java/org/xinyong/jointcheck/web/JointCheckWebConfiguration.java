package org.xinyong.jointcheck.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.xinyong.jointcheck.JointChecks;
import org.xinyong.platform.web.Problems;

import tools.jackson.databind.json.JsonMapper;

/** Registers the joint check's fast path after the Spring Security filter chain (see {@link JointCheckEndpoint}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class JointCheckWebConfiguration {

	@Bean
	@ConditionalOnProperty(name = "xinyong.joint-check.fast-path", havingValue = "true", matchIfMissing = true)
	FilterRegistrationBean<JointCheckEndpoint> jointCheckEndpoint(JointChecks checks, JsonMapper json,
			Problems problems) {
		FilterRegistrationBean<JointCheckEndpoint> registration = new FilterRegistrationBean<>(
				new JointCheckEndpoint(checks, json, problems));
		registration.addUrlPatterns(JointCheckEndpoint.PATH);
		// the last filter: after Spring Security (-100) and every filter Spring Boot registers
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		registration.setName("jointCheckEndpoint");
		return registration;
	}
}
