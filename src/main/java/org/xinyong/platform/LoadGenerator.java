package org.xinyong.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code java -jar xinyong.jar loadgen URLS CONCURRENCY SECONDS [WARM-UP SECONDS]}: an HTTP load generator run as a separate process
 * by the website benchmark. URLS holds lines {@code category<TAB>url}; each category in turn is requested by
 * CONCURRENCY threads for SECONDS (after a warm-up on all URLs, 2 × SECONDS unless given, then on the category's) with URLs picked at random, and one line per category is
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
		int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 2 * seconds;
		Map<String, List<String>> categories = new LinkedHashMap<>();
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split("\t", 2);
			if (parts.length == 2) {
				categories.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
			}
		}
		// the server's JIT warms up on a mix of every URL first
		run(categories.values().stream().flatMap(List::stream).toList(), concurrency, warmUp);
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
				Http11Client client = new Http11Client();
				while (System.nanoTime() < end) {
					String[] target = urls.get(ThreadLocalRandom.current().nextInt(urls.size())).split("\t", 2);
					long start = System.nanoTime();
					try {
						int status = client.send(URI.create(target[0]), target.length == 2 ? target[1] : null);
						if (status != 200 && errors.getAndIncrement() == 0) {
							System.err.println("first error: HTTP " + status + " from " + target[0]);
						}
					}
					catch (IOException | RuntimeException ex) {
						if (errors.getAndIncrement() == 0) {
							System.err.println("first error: " + ex + " from " + target[0]);
						}
						client.close();
					}
					if (count[0] == mine[0].length) {
						mine[0] = Arrays.copyOf(mine[0], mine[0].length * 2);
					}
					mine[0][count[0]++] = System.nanoTime() - start;
				}
				client.close();
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

	/**
	 * A minimal HTTP/1.1 client on one kept-alive socket (like {@code wrk}): the load generator shares the machine's
	 * cores with the server it measures, so it must cost as little as possible per request. It writes the request
	 * in one buffer, reads the status line and headers, and consumes the body by {@code Content-Length} or chunked
	 * transfer coding; it reconnects when the server closes the connection.
	 */
	static final class Http11Client {

		private Socket socket;
		private InputStream in;
		private OutputStream out;
		private final byte[] buffer = new byte[16384];
		private int position;
		private int limit;

		int send(URI uri, String jsonBody) throws IOException {
			if (socket == null) {
				socket = new Socket(uri.getHost(), uri.getPort() < 0 ? 80 : uri.getPort());
				socket.setTcpNoDelay(true);
				socket.setSoTimeout(30_000);
				in = socket.getInputStream();
				out = socket.getOutputStream();
				position = 0;
				limit = 0;
			}
			StringBuilder head = new StringBuilder(256);
			String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
			head.append(jsonBody == null ? "GET " : "POST ").append(path).append(" HTTP/1.1\r\nHost: ")
				.append(uri.getHost()).append(':').append(uri.getPort()).append("\r\nAccept-Language: zh-CN\r\n");
			if (API_KEY != null) {
				head.append("X-Api-Key: ").append(API_KEY).append("\r\n");
			}
			byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
			if (jsonBody != null) {
				head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			out.write(request);
			out.flush();
			String status = line();
			if (status == null || !status.startsWith("HTTP/1.1 ") || status.length() < 12) {
				throw new IOException("bad status line: " + status);
			}
			int code = Integer.parseInt(status.substring(9, 12));
			long length = -1;
			boolean chunked = false;
			boolean closing = false;
			for (String h = line(); h != null && !h.isEmpty(); h = line()) {
				int colon = h.indexOf(':');
				if (colon < 0) {
					continue;
				}
				String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
				String value = h.substring(colon + 1).trim();
				switch (name) {
					case "content-length" -> length = Long.parseLong(value);
					case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
					case "connection" -> closing = value.equalsIgnoreCase("close");
					default -> {
					}
				}
			}
			if (chunked) {
				for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
						size = Long.parseLong(line().split(";")[0].trim(), 16)) {
					skip(size);
					line();
				}
				for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
					// trailers are ignored
				}
			}
			else if (length >= 0) {
				skip(length);
			}
			else {
				closing = true; // body until the server closes
				while (fill()) {
					position = limit;
				}
			}
			if (closing) {
				close();
			}
			return code;
		}

		private boolean fill() throws IOException {
			if (position < limit) {
				return true;
			}
			int n = in.read(buffer, 0, buffer.length);
			if (n <= 0) {
				return false;
			}
			position = 0;
			limit = n;
			return true;
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder(64);
			while (fill()) {
				byte b = buffer[position++];
				if (b == '\n') {
					int len = line.length();
					return len > 0 && line.charAt(len - 1) == '\r' ? line.substring(0, len - 1) : line.toString();
				}
				line.append((char) (b & 0xff));
			}
			throw new IOException("connection closed by the server");
		}

		private void skip(long bytes) throws IOException {
			while (bytes > 0) {
				if (!fill()) {
					throw new IOException("connection closed inside a body");
				}
				int n = (int) Math.min(bytes, limit - position);
				position += n;
				bytes -= n;
			}
		}

		void close() {
			if (socket != null) {
				try {
					socket.close();
				}
				catch (IOException ignored) {
					// closing anyway
				}
				socket = null;
			}
		}
	}
}
