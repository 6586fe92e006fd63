package org.xinyong.platform.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Web settings shared by every page. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class WebConfiguration {

	/**
	 * Spring Boot registers {@link ResourceUrlEncodingFilter} because the Swagger UI's webjar enables the resource
	 * chain; it then looks every link of every page up among the static resources (in the nested jar), which cost
	 * about a third of a page's rendering time in the website benchmark. We use no versioned resource URLs, so the
	 * filter is registered disabled.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}
}
