package org.xinyong.ingest.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.xinyong.ingest.BulkLoads;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {

	/**
	 * The threads on which consumers of record changes wait for a running file load ({@link BulkLoads}): their own,
	 * so that the application's general executor (other asynchronous listeners) is never blocked by that wait.
	 * Four threads: the ledger and the website projection each work one batch at a time anyway (advisory locks).
	 */
	@Bean(name = BulkLoads.EXECUTOR, destroyMethod = "shutdown")
	ThreadPoolTaskExecutor derivedWorkExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(4);
		executor.setMaxPoolSize(4);
		executor.setThreadNamePrefix("derived-work-");
		executor.setDaemon(true);
		return executor;
	}

	/** The ledger's own thread ({@link BulkLoads#LEDGER_EXECUTOR}): leaves are appended in the order batches arrive. */
	@Bean(name = BulkLoads.LEDGER_EXECUTOR, destroyMethod = "shutdown")
	ThreadPoolTaskExecutor ledgerWorkExecutor() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("ledger-work-");
		executor.setDaemon(true);
		return executor;
	}
}
