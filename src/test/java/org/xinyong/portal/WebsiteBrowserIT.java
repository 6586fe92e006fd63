package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.xinyong.portal.WebsiteFixtures.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.testing.Browser;

import tools.jackson.databind.json.JsonMapper;

/**
 * The credit website in a real headless Chromium: search by partial name, open the subject page, switch language
 * (the page and query stay), browse penalties with a masked natural person, and the phone layout. Screenshots of
 * each page go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "xinyong.portal.rate-limit.enabled=false")
@Import(WebsiteFixtures.FixedClock.class)
class WebsiteBrowserIT {

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

	void submit(String item, String key, List<Map<String, Object>> records) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("catalogItem", item, "submissionKey", key, "records", records))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("rejected").asInt()).as(response.body()).isZero();
	}

	static void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition);
	}

	@Test
	void searchOpenSubjectSwitchLanguageAndBrowse() throws Exception {
		var person = penalty(PERSON, "王小明", "P-PERSON", "GENERAL", "2026-05-02");
		person.remove("legalRepresentative");
		submit("ADMIN_PENALTY", "browser-penalties", List.of(
				penalty(ORG_A, ORG_A_NAME, "宁市监罚〔2026〕88号", "GENERAL", "2026-05-01"),
				penalty(ORG_B, ORG_B_NAME, "宁市监罚〔2026〕89号", "SERIOUS", "2026-08-08"), person));
		submit("ADMIN_LICENCE", "browser-licences", List.of(licence(ORG_A, ORG_A_NAME, "L-A-1", "GENERAL", "2026-09-01")));
		awaitProjected(jdbc);

		WebDriver web = browser.driver();
		web.manage().deleteAllCookies();
		web.get("http://localhost:" + port + "/");
		assertThat(web.findElement(By.id("latest-penalties")).getText()).contains("最新行政处罚公示", ORG_B_NAME);
		browser.screenshot("website-home-zh");

		web.findElement(By.id("q")).sendKeys("科技有限");
		web.findElement(By.id("search-submit")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
		assertThat(web.findElement(By.id("result-count")).getText()).isEqualTo("共找到 1 个主体");
		assertThat(web.findElement(By.id("results")).getText()).contains(ORG_A_NAME, ORG_A);
		assertThat(Files.size(browser.screenshot("website-search-zh"))).isPositive();

		web.findElement(By.linkText(ORG_A_NAME)).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("subject-name")));
		assertThat(web.findElement(By.id("subject-name")).getText()).isEqualTo(ORG_A_NAME);
		assertThat(web.findElement(By.id("subject-code")).getText()).isEqualTo(ORG_A);
		String body = web.findElement(By.tagName("body")).getText();
		assertThat(body).contains("行政管理信息 · 行政许可", "行政管理信息 · 行政处罚", "宁市监罚〔2026〕88号",
				"信息提供单位：自治区市场监督管理局", "罚款");
		browser.screenshot("website-subject-zh");

		web.findElement(By.linkText("English")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Administrative penalties"));
		assertThat(web.getCurrentUrl()).contains("/subjects/" + ORG_A);
		assertThat(web.findElement(By.tagName("body")).getText()).contains("Administrative licences", "Provided by",
				"Fine");
		browser.screenshot("website-subject-en");
		web.findElement(By.linkText("中文")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "行政处罚"));

		browser.phone();
		web.navigate().refresh();
		assertThat(web.findElement(By.id("subject-name")).isDisplayed()).isTrue();
		browser.screenshot("website-subject-phone");
		browser.desktop();

		web.findElement(By.linkText("行政处罚")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("records")));
		String table = web.findElement(By.id("records")).getText();
		assertThat(table).contains("王**", "110105********002X", ORG_B_NAME).doesNotContain("王小明", PERSON);
		browser.screenshot("website-penalties-zh");

		// a wrong code gets the identifier rule's message
		web.findElement(By.linkText("信用查询")).click();
		web.findElement(By.id("q")).sendKeys("91320100748204660R");
		web.findElement(By.id("search-submit")).click();
		waitFor(ExpectedConditions.presenceOfElementLocated(By.id("search-error")));
		assertThat(web.findElement(By.id("search-error")).getText()).contains("校验码错误");
		browser.screenshot("website-search-error-zh");
	}
}
