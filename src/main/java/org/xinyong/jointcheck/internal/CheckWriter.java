package org.xinyong.jointcheck.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;

/**
 * Group commit for joint checks: each request hands over its check row and audit entry and waits; one writer
 * thread writes everything pending with one batched insert and one batched audit append in a single transaction,
 * then releases the waiting requests. A request is answered only once its check and audit entry are durable, while
 * the audit chain's lock, the round trips and the commit are paid once per batch rather than once per check.
 * With {@code xinyong.joint-check.durable-commit=false} the batch commits without waiting for the WAL flush
 * ({@code synchronous_commit = off}): faster, but a database crash may lose the last fraction of a second of checks
 * (each together with its audit entry, never one without the other).
 */
@Component
public class CheckWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(CheckWriter.class);
	static final int MAX_BATCH = 256;

	/** A check as stored in {@code joint_check}. */
	public record Row(UUID id, long organisationId, String organisationCode, String actor, Long subjectId,
			String subjectCode, String matter, String reference, String status, String[] measureIds, String answer,
			LocalDate checkedOn, Timestamp checkedAt) {
	}

	private record Pending(Row row, AuditEntry audit, CompletableFuture<Void> done) {
	}

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final TransactionTemplate tx;
	private final JdbcTemplate jdbc;
	private final AuditLog audit;
	private final Thread thread;
	private volatile boolean running = true;
	private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
	private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
	private final java.util.concurrent.atomic.AtomicLong commitNanos = new java.util.concurrent.atomic.AtomicLong();

	private final boolean durable;

	CheckWriter(PlatformTransactionManager transactions, DataSource dataSource, AuditLog audit,
			@org.springframework.beans.factory.annotation.Value("${xinyong.joint-check.durable-commit:true}") boolean durable) {
		this.durable = durable;
		this.tx = new TransactionTemplate(transactions);
		this.jdbc = new JdbcTemplate(dataSource);
		this.audit = audit;
		this.thread = new Thread(this::loop, "joint-check-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/** Stores the check and its audit entry; returns once they are committed. */
	public void write(Row row, AuditEntry entry) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		queue.add(new Pending(row, entry, done));
		try {
			done.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
		catch (TimeoutException e) {
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

	/** Batches committed, checks written and the time spent writing them, since start. */
	public long[] stats() {
		return new long[] { batches.get(), written.get(), commitNanos.get() };
	}

	private void commit(List<Pending> batch) {
		long start = System.nanoTime();
		try {
			tx.executeWithoutResult(status -> {
				if (!durable) {
					jdbc.execute("set local synchronous_commit to off");
				}
				jdbc.batchUpdate("""
						insert into joint_check (id, organisation_id, organisation_code, actor, subject_id, subject_code,
						    matter, reference, status, measure_ids, answer, checked_on, checked_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?)""", batch.stream().map(p -> {
					Row r = p.row();
					return new Object[] { r.id(), r.organisationId(), r.organisationCode(), r.actor(), r.subjectId(),
							r.subjectCode(), r.matter(), r.reference(), r.status(), r.measureIds(), r.answer(),
							r.checkedOn(), r.checkedAt() };
				}).toList());
				audit.recordAll(batch.stream().map(Pending::audit).toList());
			});
			batches.incrementAndGet();
			written.addAndGet(batch.size());
			commitNanos.addAndGet(System.nanoTime() - start);
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
