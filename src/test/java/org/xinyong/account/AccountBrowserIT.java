package org.xinyong.account;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.xinyong.testing.Browser;

import tools.jackson.databind.json.JsonMapper;

/** A company signs in with the demo verifier in a real Chromium and reads its own record, non-public items too. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountBrowserIT {

	static final String COMPANY = "91640100MA7AC0U13A";

	static Browser browser;

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	void submit(String item, String key, Map<String, Object> record) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/submissions"))
				.header("X-Api-Key", AccountIT.KEY)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
						Map.of("catalogItem", item, "submissionKey", key, "records", List.of(record)))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"accepted\":1");
	}

	@Test
	void companySignsInWithTheDemoVerifierAndSeesItsFullRecord() throws Exception {
		submit("CONTRACT_PERFORMANCE", "browser-contract", AccountIT.contract(COMPANY, "HT-BROWSER-1", "BREACH"));
		submit("ADMIN_PENALTY", "browser-penalty",
				org.xinyong.ingest.SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司", "银市监罚〔2026〕909号"));

		WebDriver web = browser.driver();
		web.manage().deleteAllCookies();
		web.get("http://localhost:" + port + "/");
		web.findElement(By.id("nav-account")).click();
		wait(ExpectedConditions.urlContains("/account/login"));
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("信用主体登录");

		web.findElement(By.id("identifier")).sendKeys(COMPANY);
		web.findElement(By.id("verificationCode")).sendKeys("135790");
		web.findElement(By.id("login-submit")).click();
		wait(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(web.findElement(By.id("login-error")).getText()).contains("验证码错误");
		browser.screenshot("account-login-zh");

		web.findElement(By.id("verificationCode")).sendKeys(AccountIT.DEMO_CODE);
		web.findElement(By.id("login-submit")).click();
		wait(ExpectedConditions.urlMatches(".*/account$"));
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("我的信用信息");
		assertThat(web.findElement(By.id("subject-name")).getText()).isEqualTo("银川甲乙科技有限公司");
		String body = web.findElement(By.tagName("body")).getText();
		assertThat(body).contains("合同履行信息", "不公开", "HT-BROWSER-1", "违约", "行政处罚信息", "银市监罚〔2026〕909号",
				"首次归集", "演示系统");
		assertThat(Files.size(browser.screenshot("account-zh"))).isPositive();

		browser.phone();
		web.navigate().refresh();
		assertThat(web.findElement(By.id("nav-queries")).isDisplayed()).isTrue();
		browser.screenshot("account-phone-zh");
		browser.desktop();

		web.findElement(By.id("nav-queries")).click();
		wait(ExpectedConditions.urlContains("/account/queries"));
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("查询记录");

		web.findElement(By.id("logout")).click();
		wait(ExpectedConditions.urlContains("/account/login"));
		assertThat(web.findElement(By.id("logged-out")).getText()).contains("退出");
		web.get("http://localhost:" + port + "/account");
		wait(ExpectedConditions.urlContains("/account/login"));
	}

	static void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition);
	}
}
