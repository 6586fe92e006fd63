package org.xinyong.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.portal.WebsiteFixtures;
import org.xinyong.testing.Browser;

import tools.jackson.databind.json.JsonMapper;

/**
 * A visitor downloads the credit report from the subject page in a real headless Chromium, and checks its number on
 * the verification page. The downloaded PDF's first page is rendered to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "xinyong.portal.rate-limit.enabled=false")
@Import(WebsiteFixtures.FixedClock.class)
class ReportBrowserIT {

	static final String ORG = "91350100M000100Y43";
	static final String ORG_NAME = "福州报告下载测试有限责任公司";

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReportDownloadedFromTheSubjectPageIsGenuine() throws Exception {
		HttpResponse<String> submitted = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", WebsiteFixtures.KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("catalogItem",
						"ADMIN_PENALTY", "submissionKey", "report-browser", "records",
						List.of(WebsiteFixtures.penalty(ORG, ORG_NAME, "闽榕市监罚〔2026〕77号", "GENERAL",
								"2026-07-15"))))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
		WebsiteFixtures.awaitProjected(jdbc);

		Path downloads = Files.createTempDirectory("xinyong-downloads");
		try (Browser browser = Browser.start(downloads)) {
			var driver = browser.driver();
			driver.get("http://localhost:" + port + "/subjects/" + ORG);
			assertThat(driver.findElement(By.tagName("h1")).getText()).contains(ORG_NAME);
			driver.findElement(By.id("report-pdf")).click();

			Path pdf = awaitDownload(downloads);
			byte[] bytes = Files.readAllBytes(pdf);
			String text = ReportIT.text(bytes);
			String number = ReportIT.number(text);
			assertThat(pdf.getFileName().toString()).isEqualTo(number + ".pdf");
			assertThat(text).contains("公共信用信息报告（法人和非法人组织）", ORG_NAME, "闽榕市监罚〔2026〕77号",
					"信息提供单位：");
			assertThat(ReportIT.renderFirstPage(bytes, "credit-report-downloaded")).isGreaterThan(20_000);

			// the number printed on the report is confirmed by the verification page, an altered one is not
			driver.get("http://localhost:" + port + "/reports/verify");
			driver.findElement(By.id("number")).sendKeys(number);
			driver.findElement(By.cssSelector("form.search button")).click();
			new WebDriverWait(driver, Duration.ofSeconds(15))
				.until(ExpectedConditions.visibilityOfElementLocated(By.id("genuine")));
			assertThat(driver.findElement(By.id("genuine")).getText()).contains(number, ORG_NAME);
			browser.screenshot("report-verification");
			String altered = number.substring(0, number.length() - 1) + (number.endsWith("0") ? "1" : "0");
			driver.get("http://localhost:" + port + "/reports/verify?number=" + altered);
			assertThat(driver.findElement(By.id("unknown")).getText()).contains(altered);
		}
		finally {
			try (Stream<Path> files = Files.walk(downloads)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	/** Waits until Chromium has finished writing a PDF into the folder. */
	static Path awaitDownload(Path downloads) throws Exception {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			try (Stream<Path> files = Files.list(downloads)) {
				List<Path> done = files.filter(p -> p.toString().endsWith(".pdf")).toList();
				if (!done.isEmpty() && Files.size(done.get(0)) > 0) {
					return done.get(0);
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no PDF was downloaded into " + downloads);
	}
}
