package org.xinyong.platform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the benchmarks share: the raw SQL baseline and the load generator run as a second process. */
public final class BenchmarkLoad {

	private static final Logger log = LoggerFactory.getLogger(BenchmarkLoad.class);

	private BenchmarkLoad() {
	}

	/**
	 * Raw SQL primary-key lookups with {@code concurrency} threads for {@code seconds}, in this process, as a
	 * markdown table row {@code | raw SQL primary-key lookup (JDBC, baseline) | requests | 0 | requests/s | p50 | p95 | p99 | max |}.
	 *
	 * @param sql a query with one {@code long} parameter
	 * @param ids the key of each lookup (called concurrently)
	 */
	public static String rawLookups(DataSource dataSource, String sql, LongSupplier ids, int concurrency, int seconds)
			throws InterruptedException {
		long[] all = timed(concurrency, seconds, () -> {
			Connection c = dataSource.getConnection();
			PreparedStatement ps = c.prepareStatement(sql);
			return new Call() {
				@Override
				public void run() throws Exception {
					ps.setLong(1, ids.getAsLong());
					try (ResultSet rs = ps.executeQuery()) {
						rs.next();
					}
				}

				@Override
				public void close() throws Exception {
					ps.close();
					c.close();
				}
			};
		});
		return row("raw SQL primary-key lookup (JDBC, baseline)", all, 0, seconds);
	}

	/**
	 * Calls {@code call} from {@code concurrency} threads of this process for {@code seconds}, after
	 * {@code warmUpSeconds} of the same, as a markdown table row like {@link #rawLookups}'s labelled {@code label};
	 * a call that throws counts as an error (the first is logged).
	 */
	public static String inProcess(String label, Runnable call, int concurrency, int seconds, int warmUpSeconds)
			throws InterruptedException {
		java.util.concurrent.atomic.LongAdder errors = new java.util.concurrent.atomic.LongAdder();
		Call counted = () -> {
			try {
				call.run();
			}
			catch (RuntimeException e) {
				if (errors.sum() == 0) {
					log.error("{} failed", label, e);
				}
				errors.increment();
			}
		};
		if (warmUpSeconds > 0) {
			timed(concurrency, warmUpSeconds, () -> counted);
			errors.reset();
		}
		long[] all = timed(concurrency, seconds, () -> counted);
		String row = row(label, all, errors.sum(), seconds);
		log.warn("Benchmark: {}", row.strip());
		return row;
	}

	/** One call of a timed load; {@link #close} ends a thread's calls. */
	private interface Call extends AutoCloseable {

		void run() throws Exception;

		@Override
		default void close() throws Exception {
		}
	}

	private interface CallFactory {

		Call open() throws Exception;
	}

	/** Each thread opens its call, repeats it until {@code seconds} have passed; the sorted durations of all calls. */
	private static long[] timed(int concurrency, int seconds, CallFactory calls) throws InterruptedException {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		List<long[]> samples = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			Thread thread = new Thread(() -> {
				long[] mine = new long[1 << 21];
				int count = 0;
				try (Call call = calls.open()) {
					while (System.nanoTime() < end && count < mine.length) {
						long start = System.nanoTime();
						call.run();
						mine[count++] = System.nanoTime() - start;
					}
				}
				catch (Exception e) {
					log.error("benchmark load failed", e);
				}
				synchronized (samples) {
					samples.add(Arrays.copyOf(mine, count));
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
	}

	private static String row(String label, long[] sorted, long errors, int seconds) {
		return String.format("| %s | %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f |%n", label, sorted.length, errors,
				sorted.length / (double) seconds, pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), pct(sorted, 100));
	}

	private static double pct(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int i = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, i)] / 1e6;
	}

	/**
	 * Runs {@code loadgen} ({@link LoadGenerator}) as a second JVM on the same jar or class path and returns its
	 * result lines as markdown table rows.
	 *
	 * @param environment extra environment variables of the second process (e.g. {@code XINYONG_LOADGEN_API_KEY})
	 */
	public static String fromSecondProcess(Path urls, int concurrency, int seconds, Map<String, String> environment)
			throws Exception {
		return fromSecondProcess(urls, concurrency, seconds, 2 * seconds, environment);
	}

	/**
	 * As {@link #fromSecondProcess(Path, int, int, Map)}, with the length of the warm-up on all URLs: the server's
	 * JIT compiler needs one to two minutes of load on two cores before its code is compiled.
	 */
	public static String fromSecondProcess(Path urls, int concurrency, int seconds, int warmUpSeconds,
			Map<String, String> environment) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path")));
		String sun = System.getProperty("sun.java.command", "");
		if (sun.endsWith(".jar") || sun.contains(".jar ")) {
			command = new ArrayList<>(List.of(java, "-Xmx512m", "-jar", sun.split(" ")[0], "loadgen"));
		}
		else {
			command.add(LoadGenerator.class.getName());
		}
		command.addAll(List.of(urls.toString(), Integer.toString(concurrency), Integer.toString(seconds),
				Integer.toString(warmUpSeconds)));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().putAll(environment);
		Process process = builder.start();
		StringBuilder rows = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] f = line.split("\t");
				if (f.length == 8) {
					rows.append("| ").append(String.join(" | ", f)).append(" |\n");
					log.warn("Benchmark: {}", line);
				}
				else {
					log.warn("loadgen: {}", line);
				}
			}
		}
		process.waitFor();
		return rows.toString();
	}
}
