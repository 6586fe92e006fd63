package org.xinyong.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, installed by {@code bin/test})
 * for page tests. Screenshots go to {@code target/screenshots/} — they show what {@code getText()} cannot, such as
 * missing CJK glyphs.
 */
public final class Browser implements AutoCloseable {

	static final String CHROMIUM = "/usr/bin/chromium";
	static final String CHROMEDRIVER = "/usr/bin/chromedriver";

	private final WebDriver driver;
	private final Path profile;

	private Browser(WebDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/** Starts Chromium with a desktop window and Chinese as the preferred language. */
	public static Browser start() {
		return start(null);
	}

	/**
	 * Starts Chromium as {@link #start()} does; files the pages download (PDFs included, which are saved rather than
	 * shown) go to {@code downloads} when it is not null.
	 */
	public static Browser start(Path downloads) {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			throw new IllegalStateException("Page tests need Debian's chromium and chromium-driver "
					+ "(run bin/test, which installs them, or apt-get install chromium chromium-driver fonts-wqy-microhei)");
		}
		try {
			Path profile = Files.createTempDirectory("xinyong-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-quic", "--no-first-run", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--lang=zh-CN", "--window-size=1280,900",
					"--user-data-dir=" + profile);
			Map<String, Object> prefs = new java.util.HashMap<>(Map.of("intl.accept_languages", "zh-CN,zh"));
			if (downloads != null) {
				prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
				prefs.put("download.prompt_for_download", false);
				prefs.put("plugins.always_open_pdf_externally", true);
			}
			options.setExperimentalOption("prefs", prefs);
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
			return new Browser(driver, profile);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	public WebDriver driver() {
		return driver;
	}

	/** Sets a phone-sized viewport (360 × 740). */
	public void phone() {
		driver.manage().window().setSize(new Dimension(360, 740));
	}

	public void desktop() {
		driver.manage().window().setSize(new Dimension(1280, 900));
	}

	/** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
	public Path screenshot(String name) {
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Path target = dir.resolve(name + ".png");
			File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			try (var walk = Files.walk(profile)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
			catch (IOException | RuntimeException ignored) {
				// temporary profile
			}
		}
	}
}
