package org.xinyong.jointcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for joint checks: each request hands over its writes (the check row and its audit entry) and waits;
 * one writer thread commits everything pending in a single transaction and then releases the waiting requests. A
 * request is answered only after its check and audit entry are durable, while the audit chain's lock and the
 * commit are paid once per batch rather than once per check.
 */
@Component
public class CheckWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CheckWriter.class);
	static final int MAX_BATCH = 256;

	private record Pending(Runnable writes, CompletableFuture<Void> done) {
	}

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final TransactionTemplate tx;
	private final Thread thread;
	private volatile boolean running = true;

	CheckWriter(PlatformTransactionManager transactions) {
		this.tx = new TransactionTemplate(transactions);
		this.thread = new Thread(this::loop, "joint-check-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Runs {@code writes} in a shared transaction and returns once that transaction has committed. */
	public void write(Runnable writes) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		queue.add(new Pending(writes, done));
		try {
			done.get(30, TimeUnit.SECONDS);
		}
		catch (java.util.concurrent.ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (java.util.concurrent.TimeoutException e) {
			throw new IllegalStateException("joint check not written within 30 s", e);
		}
	}

	private void loop() {
		List<Pending> batch = new ArrayList<>();
		while (running) {
			try {
				Pending first = queue.poll(500, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.clear();
				batch.add(first);
				queue.drainTo(batch, MAX_BATCH - 1);
				commit(batch);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void commit(List<Pending> batch) {
		try {
			tx.executeWithoutResult(status -> batch.forEach(p -> p.writes().run()));
			batch.forEach(p -> p.done().complete(null));
		}
		catch (RuntimeException e) {
			if (batch.size() == 1) {
				batch.get(0).done().completeExceptionally(e);
				return;
			}
			// one bad check must not fail the others: write them one by one
			log.warn("joint-check batch of {} failed ({}), retrying one by one", batch.size(), e.toString());
			for (Pending p : batch) {
				commit(List.of(p));
			}
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		running = false;
		thread.join(2000);
	}
}
