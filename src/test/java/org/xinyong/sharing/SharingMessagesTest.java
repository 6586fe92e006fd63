package org.xinyong.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.xinyong.sharing.internal.WithheldReason;

/** Every code sharing can refuse with, every reason and purpose has its text in Chinese and English. */
class SharingMessagesTest {

	@Test
	void bothBundlesHaveTheSameKeysInTheSameOrderAndEveryCodeHasAMessage() throws IOException {
		Properties zh = load("i18n/sharing.properties");
		Properties en = load("i18n/sharing_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		assertThat(keysInOrder("i18n/sharing_en.properties")).isEqualTo(keysInOrder("i18n/sharing.properties"));
		TreeSet<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("\"(SHARING_[A-Z_]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/xinyong/sharing"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(p));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		codes.removeIf(c -> c.startsWith("SHARING_GRANT_CREATED") || c.equals("SHARING_GRANT_WITHDRAWN")
				|| c.equals("SHARING_AUTHORISATION_RECORDED") || c.equals("SHARING_AUTHORISATION_WITHDRAWN")
				|| c.equals("SHARING_READ") || c.equals("SHARING_RECORD_EXCLUDED") || c.equals("SHARING_EXCLUDED"));
		assertThat(codes).contains("SHARING_PURPOSE_REQUIRED", "SHARING_NOT_GRANTED", "SHARING_ITEM_NOT_SHAREABLE");
		for (String c : codes) {
			assertThat(zh).as(c).containsKey("error." + c);
		}
		for (WithheldReason reason : WithheldReason.values()) {
			assertThat(zh).containsKey(reason.messageKey());
		}
		for (SharingPurpose purpose : SharingPurpose.values()) {
			assertThat(zh).containsKey(purpose.getCodes()[0]);
		}
	}

	@Test
	void aPurposeArgumentIsTranslated() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/sharing");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		Object[] args = { SharingPurpose.FUNDING };
		assertThat(messages.getMessage("error.SHARING_NOT_GRANTED", args, Locale.SIMPLIFIED_CHINESE)).contains("资金安排");
		assertThat(messages.getMessage("error.SHARING_NOT_GRANTED", args, Locale.ENGLISH))
			.contains("Allocation of funds");
	}

	private static List<String> keysInOrder(String path) throws IOException {
		List<String> keys = new ArrayList<>();
		try (var in = SharingMessagesTest.class.getClassLoader().getResourceAsStream(path)) {
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					keys.add(line.substring(0, line.indexOf('=')));
				}
			}
		}
		return keys;
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(
				SharingMessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
