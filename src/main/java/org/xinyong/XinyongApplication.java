package org.xinyong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Xinyong (信用): the region's public credit information sharing platform and credit website.
 */
@SpringBootApplication
@EnableScheduling
public class XinyongApplication {

	public static void main(String[] args) throws Exception {
		if (args.length >= 2 && args[0].equals("benchmark")) {
			benchmark(args);
			return;
		}
		if (args.length >= 1 && args[0].equals("loadgen")) {
			org.xinyong.platform.LoadGenerator.main(java.util.Arrays.copyOfRange(args, 1, args.length));
			return;
		}
		if (args.length >= 1 && args[0].equals("verify")) {
			verify(args);
			return;
		}
		SpringApplication.run(XinyongApplication.class, args);
	}

	/**
	 * {@code verify}: recomputes the tamper-evident ledger from the configured database (the embedded one under
	 * {@code ./data/} by default — stop the running platform first — or {@code --spring.datasource.url=…}) and exits
	 * with 0 when intact, 1 when anything was altered, inserted out of band or deleted.
	 */
	static void verify(String[] args) {
		java.util.List<String> properties = new java.util.ArrayList<>(java.util.List.of("--xinyong.command=verify",
				"--spring.main.web-application-type=none", "--xinyong.demo.enabled=false",
				"--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		properties.addAll(java.util.Arrays.asList(args).subList(1, args.length));
		var context = SpringApplication.run(XinyongApplication.class, properties.toArray(String[]::new));
		System.exit(SpringApplication.exit(context));
	}

	/**
	 * {@code benchmark ingest N}, {@code benchmark website SUBJECTS RECORDS}, {@code benchmark evaluation SUBJECTS
	 * RECORDS}, {@code benchmark report RECORDS} or {@code benchmark joint-check SUBJECTS}: runs
	 * the benchmark on a fresh embedded PostgreSQL (or the server set with {@code --spring.datasource.url=…}), prints
	 * the figures and exits.
	 */
	static void benchmark(String[] args) throws Exception {
		if (!args[1].equals("ingest") && !args[1].equals("website") && !args[1].equals("report")
				&& !args[1].equals("evaluation") && !args[1].equals("joint-check")) {
			System.err.println("Unknown benchmark: " + args[1] + " (known: ingest, website, report, evaluation, joint-check)");
			System.exit(2);
		}
		int rows = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 100_000;
		java.nio.file.Path data = java.nio.file.Files.createTempDirectory("xinyong-bench-db");
		String what = "--xinyong.benchmark.ingest.rows=" + rows;
		int extra = 3;
		if (args[1].equals("website") || args[1].equals("evaluation")) {
			int subjects = args.length > 2 ? rows : 1_000_000;
			int records = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : subjects * 5;
			what = "--xinyong.benchmark." + args[1] + ".subjects=" + subjects + " --xinyong.benchmark." + args[1]
					+ ".records=" + records;
			extra = 4;
		}
		if (args[1].equals("joint-check")) {
			what = "--xinyong.benchmark.joint-check.subjects=" + (args.length > 2 ? rows : 1_000_000);
		}
		if (args[1].equals("report")) {
			what = "--xinyong.benchmark.report.records=" + (args.length > 2 ? rows : 200);
		}
		java.util.List<String> properties = new java.util.ArrayList<>(java.util.List.of(what.split(" ")));
		properties.addAll(java.util.List.of("--xinyong.embedded.data-dir=" + data.resolve("postgres"),
				"--xinyong.ingest.upload-dir=" + data.resolve("uploads"), "--xinyong.demo.enabled=true",
				"--xinyong.demo.api-key=benchmark-key-0123456789", "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--xinyong.demo.records=false", "--xinyong.portal.rate-limit.enabled=false"));
		properties.addAll(java.util.Arrays.asList(args).subList(Math.min(extra, args.length), args.length));
		int status = 1;
		try {
			var context = SpringApplication.run(XinyongApplication.class, properties.toArray(String[]::new));
			status = SpringApplication.exit(context);
		}
		finally {
			// the embedded database has stopped with the context; a 1,000,000-row run leaves gigabytes behind
			if (!properties.contains("--xinyong.benchmark.keep-data=true")) {
				deleteTree(data);
			}
		}
		System.exit(status);
	}

	private static void deleteTree(java.nio.file.Path root) {
		try (var paths = java.nio.file.Files.walk(root)) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (java.io.IOException | RuntimeException e) {
			System.err.println("Could not delete the benchmark's database folder " + root + ": " + e.getMessage());
		}
	}
}
