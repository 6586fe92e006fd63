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
	 * Four threads for the website projection (one batch at a time anyway, advisory lock); the ledger has its own.
	 */
	@Bean(name = BulkLoads.EXECUTOR, destroyMethod = "shutdown")
	ThreadPoolTaskExecutor derivedWorkExecutor() {
		return executor(4, "derived-work-");
	}

	/** The ledger's own thread ({@link BulkLoads#LEDGER_EXECUTOR}): leaves are appended in the order batches arrive. */
	@Bean(name = BulkLoads.LEDGER_EXECUTOR, destroyMethod = "shutdown")
	ThreadPoolTaskExecutor ledgerWorkExecutor() {
		return executor(1, "ledger-work-");
	}

	private static ThreadPoolTaskExecutor executor(int threads, String prefix) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix(prefix);
		executor.setDaemon(true);
		return executor;
	}
}
