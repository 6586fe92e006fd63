package org.xinyong.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every code the lists refuse with, every category, ground, status and removal kind has Chinese and English text. */
class ListsMessagesTest {

	@Test
	void bothBundlesHaveTheSameKeysAndEveryCodeAndValueHasAText() throws IOException {
		Properties zh = load("i18n/lists.properties");
		Properties en = load("i18n/lists_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		TreeSet<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("(?:unprocessable|notFound|conflict|badRequest)\\(\\s*\"([A-Z_]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/xinyong/lists"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(p));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		assertThat(codes).contains("LIST_DOCUMENT_INCOMPLETE", "REWARD_NOT_ELIGIBLE", "REWARD_DOCUMENT_INCOMPLETE");
		for (String c : codes) {
			assertThat(zh).as(c).containsKey("error." + c);
		}
		for (DishonestyCategory c : DishonestyCategory.values()) {
			assertThat(zh).containsKey("lists.category." + c);
		}
		for (RewardGround g : RewardGround.values()) {
			assertThat(zh).containsKey("lists.ground." + g);
		}
		for (ListEntry.Status s : ListEntry.Status.values()) {
			assertThat(zh).containsKey("lists.status." + s);
		}
		for (RemovalKind k : RemovalKind.values()) {
			assertThat(zh).containsKey("lists.removal." + k);
		}
		for (RewardEligibility.ObstacleKind k : RewardEligibility.ObstacleKind.values()) {
			assertThat(zh).containsKey("lists.reward.obstacle." + k);
		}
	}

	private static Properties load(String resource) throws IOException {
		Properties p = new Properties();
		try (InputStream in = ListsMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
			p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p;
	}
}
