package org.xinyong.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.xinyong.catalog.internal.CatalogContentInvalidException;
import org.xinyong.catalog.internal.CatalogContentInvalidException.Reason;

/** Every code the catalog can refuse with has its message in Chinese and English; both bundles have the same keys. */
class CatalogMessagesTest {

	@Test
	void bothBundlesHaveTheSameKeysAndEveryCodeInTheSourceHasAMessage() throws IOException {
		Properties zh = load("i18n/catalog.properties");
		Properties en = load("i18n/catalog_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		TreeSet<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("\"((?:CATALOG|PROVIDER|COLLECTOR|SELF)_[A-Z_]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/xinyong/catalog"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(p));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		codes.removeIf(c -> c.startsWith("CATALOG_") && c.endsWith("_IMPORTED") || c.equals("CATALOG_PUBLISHED")
				|| c.equals("CATALOG_APPROVED") || c.equals("CATALOG_FILED") || c.equals("CATALOG_ABANDONED")
				|| c.equals("CATALOG_CREATED") || c.startsWith("CATALOG_ITEM_ADDED") || c.startsWith("CATALOG_ITEM_CHANGED")
				|| c.equals("CATALOG_ITEM_REMOVED") || c.equals("CATALOG_DRAFT_CREATED") || c.equals("CATALOG_DRAFT_REOPENED")
				|| c.equals("CATALOG_CONSULTATION_OPENED") || c.equals("CATALOG_COMMENT_RECORDED")
				|| c.startsWith("CATALOG_PROVIDER_") || c.equals("CATALOG_AGREEMENT_REGISTERED"));
		assertThat(codes).contains("PROVIDER_NOT_RESPONSIBLE", "COLLECTOR_AGREEMENT_MISSING",
				"COLLECTOR_AGREEMENT_EXPIRED", "SELF_DECLARATION_ONLY", "CATALOG_TRANSITION_ILLEGAL");
		for (String c : codes) {
			assertThat(zh).as(c).containsKey("error." + c);
		}
		for (Reason reason : Reason.values()) {
			assertThat(zh).containsKey("catalog.invalid." + reason.name());
		}
	}

	@Test
	void refusalsResolveWithTheirArgumentsInBothLanguages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/catalog");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		for (Reason reason : Reason.values()) {
			var e = new CatalogContentInvalidException(CatalogContentInvalidException.FILE, reason, "items[1].code", "甲",
					"乙");
			for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
				assertThat(messages.getMessage(e.messageKey(), e.args(), locale)).as("%s %s", reason, locale)
					.doesNotContain("catalog.invalid")
					.doesNotContain("{");
			}
		}
		var e = new CatalogContentInvalidException(CatalogContentInvalidException.FILE, Reason.FIELD_UNKNOWN,
				"items[0].naturalKey[0]", "nope");
		assertThat(messages.getMessage(e.messageKey(), e.args(), Locale.ENGLISH))
			.isEqualTo("The catalog file cannot be imported: items[0].naturalKey[0] names the field nope, which does not exist.");
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(
				CatalogMessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
