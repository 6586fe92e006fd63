package org.xinyong.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xinyong.testing.Browser;

/**
 * The catalog pages in a real browser: an administrator walks a city catalog from draft to filing; screenshots of
 * every page go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogBrowserIT {

	static Browser browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		browser = Browser.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	/** Clicks a submit button and waits until the next page has replaced the current one. */
	static void submit(WebDriver web, String buttonId) {
		WebElement page = web.findElement(By.tagName("html"));
		web.findElement(By.id(buttonId)).click();
		new WebDriverWait(web, Duration.ofSeconds(15)).until(d -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (org.openqa.selenium.WebDriverException gone) {
				// stale, or (ChromeDriver, mid-navigation) "Node with given id does not belong to the document"
				return true;
			}
		});
	}

	@Test
	void anAdministratorDraftsConsultsApprovesFilesAndPublishesACityCatalog() {
		WebDriver web = browser.driver();
		browser.desktop();
		web.get("http://localhost:" + port + "/login");
		web.findElement(By.id("username")).sendKeys("admin");
		web.findElement(By.id("password")).sendKeys("admin@Demo2026");
		submit(web, "login-submit");

		web.get("http://localhost:" + port + "/console/catalog");
		assertThat(web.findElement(By.id("items")).getText()).contains("行政处罚信息", "失信被执行人信息");
		browser.screenshot("catalog-items-zh");
		web.findElement(By.linkText("ADMIN_PENALTY")).click();
		assertThat(web.findElement(By.id("fields")).getText()).contains("行政处罚决定书文号", "警告 (WARNING)");
		browser.screenshot("catalog-item-penalty-zh");

		web.get("http://localhost:" + port + "/console/catalog/catalogs");
		new org.openqa.selenium.support.ui.Select(web.findElement(By.id("catalogCode")))
			.selectByValue("11640100MB19000867");
		submit(web, "create-draft");
		assertThat(web.findElement(By.id("status")).getText()).isEqualTo("草案");
		web.findElement(By.id("code")).sendKeys("CITY_BROWSER_ITEM");
		web.findElement(By.id("name")).sendKeys("欠缴公共租赁住房租金信息");
		new org.openqa.selenium.support.ui.Select(web.findElement(By.id("category"))).selectByValue("LAW_COMPLIANCE");
		web.findElement(By.cssSelector("input[name=subjectTypes][value=NATURAL_PERSON]")).click();
		web.findElement(By.id("responsibleUnit")).sendKeys("市住房和城乡建设局");
		web.findElement(By.id("legalBasis")).sendKeys("《演示市公共租赁住房管理办法》第二十五条");
		new org.openqa.selenium.support.ui.Select(web.findElement(By.id("openness"))).selectByValue("CONDITIONAL");
		new org.openqa.selenium.support.ui.Select(web.findElement(By.id("sharing"))).selectByValue("CONDITIONAL");
		browser.screenshot("catalog-draft-form-zh");
		submit(web, "save-item");
		assertThat(web.findElement(By.id("version-items")).getText()).contains("CITY_BROWSER_ITEM");
		submit(web, "open-consultation");
		assertThat(web.findElement(By.id("status")).getText()).isEqualTo("公开征求意见中");
		web.findElement(By.id("author")).sendKeys("孙七");
		web.findElement(By.id("text")).sendKeys("建议明确欠租时长");
		submit(web, "record-comment");
		assertThat(web.findElement(By.id("comments")).getText()).contains("建议明确欠租时长");
		web.findElement(By.id("document")).sendKeys("演示市政函〔2026〕12号");
		((org.openqa.selenium.JavascriptExecutor) web)
			.executeScript("document.getElementById('documentDate').value = '2026-03-02'");
		submit(web, "approve");
		assertThat(web.findElement(By.id("status")).getText()).isEqualTo("已经本级人民政府同意");
		assertThat(web.findElement(By.id("filing")).getText()).isEqualTo("未备案");
		web.findElement(By.id("filingNumber")).sendKeys("宁发改备〔2026〕21号");
		((org.openqa.selenium.JavascriptExecutor) web)
			.executeScript("document.getElementById('filingDate').value = '2026-03-05'");
		submit(web, "file");
		assertThat(web.findElement(By.id("filing")).getText()).contains("宁发改备〔2026〕21号");
		submit(web, "publish");
		assertThat(web.findElement(By.id("status")).getText()).isEqualTo("已公布");
		browser.screenshot("catalog-city-version-zh");

		web.get("http://localhost:" + port + "/console/catalog/provision");
		assertThat(web.findElement(By.id("agreements")).getText()).contains("DEMO-AGREEMENT-001");
		browser.screenshot("catalog-provision-zh");
		web.get("http://localhost:" + port + "/console/catalog/import?lang=en");
		assertThat(web.findElement(By.tagName("h1")).getText()).isEqualTo("Import catalog edition");
		browser.screenshot("catalog-import-en");
	}
}
