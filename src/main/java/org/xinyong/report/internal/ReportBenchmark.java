package org.xinyong.report.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.report.CreditReport;
import org.xinyong.report.Reports;
import org.xinyong.subject.CreditSubjects;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar target/xinyong.jar benchmark report [RECORDS]} (default 200): submits RECORDS disclosed records
 * (half penalties, half licences) for one organisation through the submission API with the demo key, waits for the
 * website's read model, then measures issuing and rendering the public PDF report (and the subject's own report)
 * one after another in-process, after a warm-up, and prints p50/p95/max.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.report.records")
@Order(100)
class ReportBenchmark implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ReportBenchmark.class);
	static final String CODE = "91640100MA7AC0R99R";
	static final String NAME = "银川某某报告基准测试有限公司";

	private final Environment environment;
	private final Reports reports;
	private final PdfReportRenderer pdf;
	private final CreditSubjects subjects;
	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final ApplicationContext context;

	ReportBenchmark(Environment environment, Reports reports, PdfReportRenderer pdf, CreditSubjects subjects,
			JdbcClient jdbc, JsonMapper json, ApplicationContext context) {
		this.environment = environment;
		this.reports = reports;
		this.pdf = pdf;
		this.subjects = subjects;
		this.jdbc = jdbc;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int records = environment.getRequiredProperty("xinyong.benchmark.report.records", Integer.class);
		int rounds = environment.getProperty("xinyong.benchmark.report.rounds", Integer.class, 100);
		String key = environment.getRequiredProperty("xinyong.demo.api-key");
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		submit(port, key, records);
		awaitProjected();
		long subjectId = subjects.byCode(CODE).orElseThrow().id();
		Locale zh = Locale.SIMPLIFIED_CHINESE;
		CreditReport sample = reports.issuePublic(CODE, CreditReport.Audience.PUBLIC, zh).orElseThrow();
		int pages = pages(pdf.render(sample, zh));
		long[] publicTimes = measure(rounds, () -> pdf.render(
				reports.issuePublic(CODE, CreditReport.Audience.PUBLIC, zh).orElseThrow(), zh).length);
		long[] ownTimes = measure(rounds, () -> pdf.render(reports.issueOwn(subjectId, zh), zh).length);
		String report = String.format("""
				## Credit report benchmark (%s)

				- Data: one organisation with %d disclosed records (half penalties, half licences), submitted through the
				  API; the public report has %d records on %d A4 pages.
				- Each measurement issues the report (read, history, hash, append to `issued_report`, audit entry) and
				  renders the PDF with the embedded CJK font subset and the QR code, in-process, one after another, %d
				  rounds after %d warm-up rounds, on this machine (2 shared cores).

				| report | rounds | p50 ms | p95 ms | max ms |
				|---|---|---|---|---|
				| public PDF | %d | %.1f | %.1f | %.1f |
				| own full PDF (all versions) | %d | %.1f | %.1f | %.1f |
				""", LocalDate.now(), records, sample.recordCount(), pages, rounds, rounds / 2, rounds,
				ms(publicTimes, 0.50), ms(publicTimes, 0.95), ms(publicTimes, 1.0), rounds, ms(ownTimes, 0.50),
				ms(ownTimes, 0.95), ms(ownTimes, 1.0));
		System.out.println(report);
		Path out = Path.of("target", "benchmark-report.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	private static int pages(byte[] bytes) throws java.io.IOException {
		try (var doc = org.apache.pdfbox.Loader.loadPDF(bytes)) {
			return doc.getNumberOfPages();
		}
	}

	private static long[] measure(int rounds, java.util.function.IntSupplier work) {
		for (int i = 0; i < rounds / 2; i++) {
			work.getAsInt();
		}
		long[] times = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			long t = System.nanoTime();
			work.getAsInt();
			times[i] = System.nanoTime() - t;
		}
		Arrays.sort(times);
		return times;
	}

	private static double ms(long[] sorted, double quantile) {
		int i = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
	}

	private void submit(int port, String key, int records) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		LocalDate today = LocalDate.now();
		for (int batch = 0; batch * 100 < records; batch++) {
			List<Map<String, Object>> rows = new ArrayList<>();
			boolean penalties = batch % 2 == 0;
			for (int i = batch * 100; i < Math.min(records, (batch + 1) * 100); i++) {
				String decided = today.minusDays(1 + i).toString();
				rows.add(penalties ? penalty(i, decided) : licence(i, decided));
			}
			String body = json.writeValueAsString(Map.of("catalogItem", penalties ? "ADMIN_PENALTY" : "ADMIN_LICENCE",
					"submissionKey", "report-benchmark-" + batch, "records", rows));
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", key)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 || json.readTree(response.body()).get("rejected").asInt() != 0) {
				throw new IllegalStateException("submission failed: " + response.body());
			}
		}
		log.warn("Benchmark: submitted {} records", records);
	}

	private static Map<String, Object> penalty(int i, String decided) {
		Map<String, Object> r = common();
		r.put("legalRepresentative", "张三");
		r.put("decisionNumber", "银市监罚〔2026〕" + (1000 + i) + "号");
		r.put("violationType", "未按规定公示年度报告");
		r.put("facts", "当事人未按规定期限公示年度报告，经责令限期改正后仍未改正。");
		r.put("basis", "《企业信息公示暂行条例》第十七条");
		r.put("penaltyType", "FINE");
		r.put("penaltyContent", "罚款人民币壹万元");
		r.put("fineAmount", 1);
		r.put("decisionDate", decided);
		r.put("severity", "GENERAL");
		return r;
	}

	private static Map<String, Object> licence(int i, String decided) {
		Map<String, Object> r = common();
		r.put("licenceDocumentNumber", "JY164" + (100000 + i));
		r.put("licenceCategory", "GENERAL");
		r.put("licenceContent", "食品经营许可（预包装食品销售）");
		r.put("decisionDate", decided);
		r.put("validFrom", decided);
		return r;
	}

	private static Map<String, Object> common() {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", NAME);
		r.put("subjectCode", CODE);
		r.put("authority", "银川市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	private void awaitProjected() throws InterruptedException {
		long deadline = System.currentTimeMillis() + 120_000;
		while (System.currentTimeMillis() < deadline) {
			boolean behind = jdbc.sql("""
					select exists (select 1 from (select record_id, max(version_no) v from record_version group by record_id) c
					               left join disclosed_record d on d.record_id = c.record_id
					               where d.record_id is null or d.version_no < c.v)""")
				.query(Boolean.class)
				.single();
			if (!behind) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the read model did not catch up");
	}
}
