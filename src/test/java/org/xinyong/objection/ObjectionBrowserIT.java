package org.xinyong.objection;

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
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.testing.Browser;

import tools.jackson.databind.json.JsonMapper;

/**
 * A company signs in with the demo verifier in a real Chromium, objects to one of its penalties from its record page
 * with a PNG attached, sees the objection received with its deadline, and the public page marks the record
 * "异议处理中"; a reviewer rejects it in the console and the company reads the reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ObjectionBrowserIT {

	static final String COMPANY = "91640100MA7AC0U13A";
	static final String NUMBER = "银市监罚〔2026〕951号";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	@Test
	void companySignsInAndFilesAnObjectionWithAnAttachmentAndReadsTheReviewersReasons() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/submissions")))
				.header("X-Api-Key", ObjectionIT.KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("catalogItem",
						"ADMIN_PENALTY", "submissionKey", "objection-browser", "records",
						List.of(SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司", NUMBER))))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		UUID record = jdbc.sql("select record_id from record_version where payload::jsonb ->> 'decisionNumber' = ?")
			.param(NUMBER)
			.query(UUID.class)
			.single();
		Path png = Files.createTempFile("receipt", ".png");
		Files.write(png, ObjectionIT.PNG);

		WebDriver web = browser.driver();
		web.manage().deleteAllCookies();
		web.get(url("/account/login"));
		web.findElement(By.id("identifier")).sendKeys(COMPANY);
		web.findElement(By.id("verificationCode")).sendKeys(ObjectionIT.DEMO_CODE);
		web.findElement(By.id("login-submit")).click();
		wait(ExpectedConditions.urlMatches(".*/account$"));

		web.findElement(By.id("object-" + record)).click();
		wait(ExpectedConditions.urlContains("/account/objections/new"));
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("提出异议");
		assertThat(web.findElement(By.id("new-item")).getText()).isEqualTo("行政处罚信息");
		new Select(web.findElement(By.id("grounds"))).selectByValue("ERROR");
		new Select(web.findElement(By.id("route"))).selectByValue("PLATFORM");
		web.findElement(By.id("explanation")).sendKeys("罚款金额与处罚决定书不符，应为伍仟元。");
		web.findElement(By.id("attachments")).sendKeys(png.toAbsolutePath().toString());
		browser.screenshot("objection-form-zh");
		web.findElement(By.id("objection-submit")).click();

		wait(ExpectedConditions.visibilityOfElementLocated(By.id("filed")));
		assertThat(web.getCurrentUrl()).matches(".*/account/objections/\\d+\\?filed$");
		assertThat(web.findElement(By.id("case-status")).getText()).isEqualTo("已受理，待审核");
		assertThat(web.findElement(By.id("case-grounds")).getText()).isEqualTo("信息错误");
		assertThat(web.findElement(By.id("case-deadline")).getText()).contains("剩余 3 个工作日");
		assertThat(web.findElement(By.id("case-attachments")).getText()).contains(png.getFileName().toString(),
				"image/png");
		assertThat(Files.size(browser.screenshot("objection-filed-zh"))).isPositive();

		web.findElement(By.id("nav-objections")).click();
		wait(ExpectedConditions.urlMatches(".*/account/objections$"));
		assertThat(web.findElement(By.id("objections")).getText()).contains("行政处罚信息", "已受理，待审核");

		// The public page marks the record while the objection is handled (once the read model has it).
		long until = System.currentTimeMillis() + 30_000;
		boolean marked = false;
		while (!marked && System.currentTimeMillis() < until) {
			web.get(url("/subjects/" + COMPANY));
			marked = !web.findElements(By.cssSelector("#record-" + record + " .objection-pending")).isEmpty();
			if (!marked) {
				Thread.sleep(200);
			}
		}
		assertThat(marked).as("异议处理中 on the public page").isTrue();
		assertThat(web.findElement(By.cssSelector("#record-" + record + " .objection-pending")).getText())
			.isEqualTo("异议处理中");
		browser.screenshot("objection-public-mark-zh");
		Files.deleteIfExists(png);

		// The reviewer finds it in the console and rejects it with reasons; the applicant reads them.
		String caseId = jdbc.sql("select max(id)::text from objection where record_id = ?").param(record)
			.query(String.class).single();
		web.get(url("/login"));
		web.findElement(By.id("username")).sendKeys("reviewer");
		web.findElement(By.id("password")).sendKeys("reviewer@Demo2026");
		web.findElement(By.id("login-submit")).click();
		wait(ExpectedConditions.urlContains("/console"));
		web.get(url("/console/objections"));
		web.findElement(By.cssSelector("#case-" + caseId + " a")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("reject-form")));
		assertThat(web.findElement(By.id("case-remaining")).getText()).contains("剩余 3 个工作日");
		browser.screenshot("objection-console-zh");
		web.findElement(By.id("reasons")).sendKeys("经核查，处罚决定书记载的罚款金额无误。");
		web.findElement(By.id("reject-submit")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("case-outcome")));
		assertThat(web.findElement(By.id("case-status")).getText()).isEqualTo("异议不成立");

		web.get(url("/account/objections/" + caseId));
		assertThat(web.findElement(By.id("case-reasons")).getText()).isEqualTo("经核查，处罚决定书记载的罚款金额无误。");
		browser.screenshot("objection-rejected-zh");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition);
	}
}
