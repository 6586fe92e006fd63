package org.xinyong.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Derived work (ledger, website read model) waits while a file loads, but never longer than the maximum delay. */
class BulkLoadsTest {

	private static FileSubmissionService service(Duration maxDelay) {
		return new FileSubmissionService(null, null, null, null, null, null, null, null,
				new IngestProperties(Path.of("target", "uploads"), maxDelay, null), null);
	}

	@Test
	void noLoadMeansNoWait() throws Exception {
		FileSubmissionService loads = service(Duration.ofMinutes(10));
		long start = System.nanoTime();
		loads.awaitIdle();
		assertThat(loads.running()).isFalse();
		assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(1));
	}

	@Test
	void waitsUntilTheLoadIsDone() throws Exception {
		FileSubmissionService loads = service(Duration.ofMinutes(10));
		loads.loadStarted();
		assertThat(loads.running()).isTrue();
		CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
			try {
				loads.awaitIdle();
			}
			catch (InterruptedException e) {
				throw new IllegalStateException(e);
			}
		});
		Thread.sleep(300);
		assertThat(waiting).isNotDone();
		loads.loadFinished();
		waiting.get(5, TimeUnit.SECONDS);
		assertThat(loads.running()).isFalse();
	}

	@Test
	void waitsNoLongerThanTheMaximumDelay() throws Exception {
		FileSubmissionService loads = service(Duration.ofMillis(200));
		loads.loadStarted();
		long start = System.nanoTime();
		loads.awaitIdle();
		long waited = System.nanoTime() - start;
		assertThat(waited).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(190))
			.isLessThan(TimeUnit.SECONDS.toNanos(5));
		assertThat(loads.running()).isTrue();
	}
}
