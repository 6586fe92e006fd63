package org.xinyong.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar xinyong.jar loadgen URLS CONCURRENCY SECONDS}: an HTTP load generator run as a separate process
 * by the website benchmark. URLS holds lines {@code category<TAB>url}; each category in turn is requested by
 * CONCURRENCY threads for SECONDS (after a warm-up on all URLs, then on the category's) with URLs picked at random, and one line per category is
 * printed: {@code category requests errors requests/s p50 p95 p99 max} (milliseconds). A line
 * {@code category<TAB>url<TAB>json} is a POST of that JSON body; the environment variable
 * {@code XINYONG_LOADGEN_API_KEY}, when set, is sent as {@code X-Api-Key}.
 */
public final class LoadGenerator {

	private static final String API_KEY = System.getenv("XINYONG_LOADGEN_API_KEY");

	private LoadGenerator() {
	}

	public static void main(String[] args) throws Exception {
		Path file = Path.of(args[0]);
		int concurrency = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		Map<String, List<String>> categories = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split("\t", 2);
			if (parts.length == 2) {
				categories.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
			}
		}
		// the server's JIT warms up on a mix of every URL first
		run(categories.values().stream().flatMap(List::stream).toList(), concurrency, 2 * seconds);
		for (Map.Entry<String, List<String>> e : categories.entrySet()) {
			run(e.getValue(), concurrency, Math.max(2, seconds / 3));
			Result r = run(e.getValue(), concurrency, seconds);
			System.out.printf("%s\t%d\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f%n", e.getKey(), r.requests, r.errors,
					r.requests / (double) seconds, r.percentile(50), r.percentile(95), r.percentile(99),
					r.percentile(100));
			System.out.flush();
		}
	}

	record Result(long requests, long errors, long[] nanos) {

		double percentile(double p) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			int i = (int) Math.min(nanos.length - 1, Math.ceil(p / 100.0 * nanos.length) - 1);
			return nanos[Math.max(0, i)] / 1e6;
		}
	}

	static Result run(List<String> urls, int concurrency, int seconds) throws InterruptedException {
		long end = System.nanoTime() + seconds * 1_000_000_000L;
		AtomicLong errors = new AtomicLong();
		List<long[]> samples = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < concurrency; t++) {
			long[][] mine = { new long[1 << 16] };
			int[] count = { 0 };
			Thread thread = new Thread(() -> {
				HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
					.connectTimeout(Duration.ofSeconds(5)).build();
				while (System.nanoTime() < end) {
					String[] target = urls.get(ThreadLocalRandom.current().nextInt(urls.size())).split("\t", 2);
					long start = System.nanoTime();
					try {
						HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target[0]))
							.timeout(Duration.ofSeconds(30)).header("Accept-Language", "zh-CN");
						if (API_KEY != null) {
							request.header("X-Api-Key", API_KEY);
						}
						if (target.length == 2) {
							request.header("Content-Type", "application/json")
								.POST(HttpRequest.BodyPublishers.ofString(target[1]));
						}
						HttpResponse<byte[]> response = client.send(request.build(),
								HttpResponse.BodyHandlers.ofByteArray());
						if (response.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (IOException | InterruptedException ex) {
						errors.incrementAndGet();
					}
					if (count[0] == mine[0].length) {
						mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
					}
					mine[0][count[0]++] = System.nanoTime() - start;
				}
				synchronized (samples) {
					samples.add(Arrays.copyOf(mine[0], count[0]));
				}
			});
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long[] all = samples.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Result(all.length, errors.get(), all);
	}
}
