package org.xinyong.ledger.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

	@Bean
	TreeHasher treeHasher(LedgerProperties properties) {
		return TreeHasher.of(properties.hash());
	}
}
