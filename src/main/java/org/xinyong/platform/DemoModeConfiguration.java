package org.xinyong.platform;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.xinyong.platform.database.EmbeddedPostgresServer;

@Configuration(proxyBeanMethods = false)
class DemoModeConfiguration {

	@Bean
	DemoMode demoMode(Environment environment, ObjectProvider<EmbeddedPostgresServer> embedded) {
		String configured = environment.getProperty("xinyong.demo.enabled", "").strip();
		return new DemoMode(configured.isEmpty() ? embedded.getIfAvailable() != null : Boolean.parseBoolean(configured));
	}
}
