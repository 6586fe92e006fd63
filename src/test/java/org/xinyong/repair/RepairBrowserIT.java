package org.xinyong.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.testing.Browser;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.json.JsonMapper;

/** A company signs in in a real Chromium, sees which penalty it may repair, and applies with proof and commitment. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "xinyong.repair.attachments-dir=target/repair-attachments-browser")
class RepairBrowserIT {

	static final String COMPANY = "91640100MA7AC0U13A";

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
	void companySignsInAndAppliesForRepairOfAPenalty() throws Exception {
		Map<String, Object> penalty = new LinkedHashMap<>(
				SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司", "银市监罚〔2026〕555号"));
		penalty.put("decisionDate", "2026-05-06");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", "test-demo-key-0123456789")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey", "repair-browser", "records",
								List.of(penalty)))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).contains("\"accepted\":1");
		ReadModel.awaitProjected(jdbc);
		Path proof = Files.createTempFile("receipt", ".png");
		Files.write(proof, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D });

		WebDriver web = browser.driver();
		web.manage().deleteAllCookies();
		web.get("http://localhost:" + port + "/account/login");
		web.findElement(By.id("identifier")).sendKeys(COMPANY);
		web.findElement(By.id("verificationCode")).sendKeys("246810");
		web.findElement(By.id("login-submit")).click();
		wait(ExpectedConditions.urlMatches(".*/account$"));
		web.findElement(By.id("nav-repair")).click();
		wait(ExpectedConditions.urlContains("/account/repair"));
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("信用修复");
		WebElement form = web.findElement(By.cssSelector("form.repair-form"));
		assertThat(web.findElement(By.tagName("body")).getText()).contains("可以申请信用修复", "信用承诺书",
				"不收取任何费用");
		form.findElement(By.name("obligations")).sendKeys("罚款已缴清，违法行为已改正。");
		form.findElement(By.name("proof")).sendKeys(proof.toAbsolutePath().toString());
		browser.screenshot("repair-apply-zh");
		form.findElement(By.cssSelector("button[type=submit]")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("applied")));
		assertThat(web.findElement(By.id("applied")).getText()).contains("修复申请已提交");
		assertThat(web.findElement(By.id("applications")).getText()).contains("已收到，待受理", "剩余");
		assertThat(Files.size(browser.screenshot("repair-applied-zh"))).isPositive();

		web.get("http://localhost:" + port + "/publicity/repair-commitments");
		assertThat(web.findElement(By.tagName("body")).getText()).contains("本主体郑重承诺");
	}

	static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition);
	}
}
