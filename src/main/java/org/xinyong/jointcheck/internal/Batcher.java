package org.xinyong.jointcheck.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that hands everything queued since its last round to a handler as one list (at most
 * {@code maxBatch} items): under load the work of many concurrent requests is done in one round of statements, and a
 * lone request is handled at once. One thread, because the joint check's rounds are serialised anyway (each holds
 * the audit chain's lock from its first statement to its commit). The handler must settle each item itself (items
 * carry their own futures); an exception it throws is logged and the thread goes on.
 */
public final class Batcher<T> implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(Batcher.class);

	private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
	private final int maxBatch;
	private final Consumer<List<T>> handler;
	private final Thread thread;
	private final String name;
	private volatile boolean running = true;

	/** @param name the thread's name */
	public Batcher(String name, int maxBatch, Consumer<List<T>> handler) {
		this.name = name;
		this.maxBatch = maxBatch;
		this.handler = handler;
		this.thread = new Thread(this::loop, name);
		thread.setDaemon(true);
		thread.start();
	}

	public void add(T item) {
		if (!running) {
			throw new IllegalStateException(name + " is stopped");
		}
		queue.add(item);
	}

	private void loop() {
		List<T> batch = new ArrayList<>();
		while (running) {
			try {
				T first = queue.poll(500, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				batch.clear();
				batch.add(first);
				queue.drainTo(batch, maxBatch - 1);
				handler.accept(List.copyOf(batch));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error e) {
				log.error("{}: a batch of {} failed unhandled", Thread.currentThread().getName(), batch.size(), e);
			}
		}
	}

	/** Stops the thread (a round under way finishes) and returns the items no round took, for the caller to settle. */
	public List<T> stop() throws InterruptedException {
		running = false;
		thread.join(2000);
		List<T> left = new ArrayList<>();
		queue.drainTo(left);
		return left;
	}

	@Override
	public void close() throws InterruptedException {
		stop();
	}
}
