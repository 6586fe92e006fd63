package org.xinyong.portal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.xinyong.platform.web.Problems;

/** The website's rate limit for anonymous clients. */
@Configuration
@EnableConfigurationProperties(PortalConfiguration.RateLimitProperties.class)
class PortalConfiguration {

	/**
	 * @param enabled          whether anonymous use is limited (on by default)
	 * @param requestsPerMinute requests one client address may make per minute (with a burst of the same size)
	 */
	@ConfigurationProperties("xinyong.portal.rate-limit")
	record RateLimitProperties(Boolean enabled, Integer requestsPerMinute) {

		RateLimitProperties {
			enabled = enabled == null || enabled;
			requestsPerMinute = requestsPerMinute == null ? 120 : requestsPerMinute;
		}
	}

	@Bean
	FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimitProperties properties, Problems problems) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(properties.requestsPerMinute(), problems));
		registration.addUrlPatterns("/", "/search", "/subjects/*", "/publicity/*", "/guide/*", "/api/v1/public/*");
		registration.setEnabled(properties.enabled());
		registration.setName("publicRateLimit");
		return registration;
	}
}
