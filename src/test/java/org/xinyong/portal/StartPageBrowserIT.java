package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinyong.testing.Browser;

/** The start page, the language switch and a staff sign-in into the console, in a real Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartPageBrowserIT {

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		browser.close();
	}

	static void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(condition);
	}

	@Test
	void startPageInChineseThenEnglishThenStaffSignIn() throws Exception {
		WebDriver web = browser.driver();
		web.manage().deleteAllCookies();
		web.get("http://localhost:" + port + "/");
		assertThat(web.findElement(By.tagName("h1")).getText()).contains("公共信用信息共享平台");
		assertThat(web.findElement(By.tagName("body")).getText()).contains("信用查询", "信用修复", "工作人员登录");
		assertThat(Files.size(browser.screenshot("portal-start-zh"))).isPositive();

		web.findElement(By.linkText("English")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Public Credit"));
		assertThat(web.findElement(By.tagName("h1")).getText()).contains("Public Credit Information Platform");
		browser.screenshot("portal-start-en");
		web.findElement(By.linkText("中文")).click();
		waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "信用"));
		assertThat(web.findElement(By.tagName("h1")).getText()).contains("信用信息共享平台");

		browser.phone();
		web.navigate().refresh();
		browser.screenshot("portal-start-phone");
		browser.desktop();

		web.findElement(By.id("staff-login")).click();
		waitFor(ExpectedConditions.urlContains("/login"));
		assertThat(web.getCurrentUrl()).contains("/login");
		web.findElement(By.id("username")).sendKeys("admin");
		web.findElement(By.id("password")).sendKeys("admin@Demo2026");
		web.findElement(By.id("login-submit")).click();
		waitFor(ExpectedConditions.urlMatches(".*/console$"));
		assertThat(web.getCurrentUrl()).endsWith("/console");
		assertThat(web.findElement(By.id("organisation")).getText()).contains("自治区公共信用信息中心");
		assertThat(web.findElement(By.id("roles")).getText()).contains("平台管理员");
		browser.screenshot("console-home-zh");

		web.findElement(By.id("logout")).click();
		waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/console")));
		assertThat(web.findElement(By.tagName("h1")).getText()).contains("信用信息共享平台");
	}
}
