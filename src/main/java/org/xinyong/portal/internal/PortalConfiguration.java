package org.xinyong.portal.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The website's rate limit for anonymous clients. */
@Configuration
@EnableConfigurationProperties(PortalConfiguration.RateLimitProperties.class)
class PortalConfiguration implements WebMvcConfigurer {

	private final RateLimitProperties properties;

	PortalConfiguration(RateLimitProperties properties) {
		this.properties = properties;
	}

	/**
	 * @param enabled           whether anonymous use is limited (on by default)
	 * @param requestsPerMinute requests one client address may make per minute (with a burst of the same size)
	 */
	@ConfigurationProperties("xinyong.portal.rate-limit")
	record RateLimitProperties(Boolean enabled, Integer requestsPerMinute) {

		RateLimitProperties {
			enabled = enabled == null || enabled;
			requestsPerMinute = requestsPerMinute == null ? 120 : requestsPerMinute;
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (properties.enabled()) {
			registry.addInterceptor(new RateLimitInterceptor(properties.requestsPerMinute()))
				.addPathPatterns("/", "/search", "/subjects/**", "/publicity/**", "/guide/**", "/lists/**", "/reports/**", "/api/v1/public/**");
		}
	}
}
