package org.xinyong.objection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Both bundles have the same keys; every status, grounds, route, remedy and kind has its label, and every error code
 * the module throws has its message.
 */
class ObjectionMessagesTest {

	@Test
	void everyLabelAndErrorCodeHasItsMessageInBothLanguages() throws IOException {
		Properties zh = load("i18n/objection.properties");
		Properties en = load("i18n/objection_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		for (Enum<?>[] values : new Enum<?>[][] { CaseStatus.values(), Grounds.values(), Route.values(),
				Remedy.values(), CaseKind.values() }) {
			String prefix = switch (values[0].getDeclaringClass().getSimpleName()) {
				case "CaseStatus" -> "objection.status.";
				case "Grounds" -> "objection.grounds.";
				case "Route" -> "objection.route.";
				case "Remedy" -> "objection.remedy.";
				default -> "objection.kind.";
			};
			for (Enum<?> v : values) {
				assertThat(zh).containsKey(prefix + v.name());
			}
		}
		for (CaseStatus s : CaseStatus.values()) {
			if (!s.open()) {
				assertThat(zh).containsKey("objection.outcome." + s.name());
			}
		}
		Pattern code = Pattern.compile("\"((?:OBJECTION)_[A-Z_]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/xinyong/objection"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(file));
				while (m.find()) {
					// audit actions are no error codes
					if (!m.group(1).endsWith("_REFUSED") && !m.group(1).endsWith("_FILED")
							&& !m.group(1).endsWith("_EXECUTED") && !m.group(1).endsWith("_READ")
							&& !m.group(1).startsWith("OBJECTION_ASSISTANCE") && !m.group(1).equals("OBJECTION_UPHELD")
							&& !m.group(1).equals("OBJECTION_REJECTED")) {
						assertThat(zh).as(file + " " + m.group(1)).containsKey("error." + m.group(1));
					}
				}
			}
		}
	}

	private static Properties load(String name) throws IOException {
		Properties p = new Properties();
		try (Reader r = new InputStreamReader(ObjectionMessagesTest.class.getClassLoader().getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			p.load(r);
		}
		return p;
	}
}
