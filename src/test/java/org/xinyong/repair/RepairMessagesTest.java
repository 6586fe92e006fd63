package org.xinyong.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every code repair can refuse with, every status and outcome has its text in Chinese and English. */
class RepairMessagesTest {

	@Test
	void bothBundlesHaveTheSameKeysAndEveryCodeStatusAndOutcomeHasAMessage() throws IOException {
		Properties zh = load("i18n/repair.properties");
		Properties en = load("i18n/repair_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		TreeSet<String> codes = new TreeSet<>();
		Pattern code = Pattern.compile("(?:badRequest|notFound|conflict|DomainException)\\(\\s*\"(REPAIR_[A-Z_]+)\"");
		try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/xinyong/repair"))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = code.matcher(Files.readString(p));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		assertThat(codes).contains("REPAIR_NOT_ELIGIBLE", "REPAIR_TRANSITION_ILLEGAL", "REPAIR_ATTACHMENT_TYPE");
		for (String c : codes) {
			assertThat(zh).as(c).containsKey("error." + c);
		}
		for (RepairStatus s : RepairStatus.values()) {
			assertThat(zh).containsKey("repair.state." + s);
		}
		for (RepairOutcome o : RepairOutcome.values()) {
			assertThat(zh).containsKey("repair.outcome." + o);
		}
		for (String s : List.of("ELIGIBLE", "NOT_YET", "NOT_DISHONESTY", "NOT_REPAIRABLE", "EXCLUDED", "NOT_DISCLOSED",
				"ENDED", "PENDING", "REVOKED")) {
			assertThat(zh).containsKey("repair.status." + s);
		}
		for (String s : List.of("accept", "not-accept", "complex", "grant", "reject", "feedback", "false-commitment")) {
			assertThat(zh).containsKey("repair.action." + s);
		}
	}

	@Test
	void theStateMachineAllowsOnlyTheLegalTransitions() {
		for (RepairStatus from : RepairStatus.values()) {
			for (RepairStatus to : RepairStatus.values()) {
				boolean legal = switch (from) {
					case RECEIVED -> to == RepairStatus.ACCEPTED || to == RepairStatus.NOT_ACCEPTED;
					case ACCEPTED -> to == RepairStatus.GRANTED || to == RepairStatus.REJECTED;
					case GRANTED -> to == RepairStatus.REOPENED;
					default -> false;
				};
				assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(legal);
			}
		}
	}

	private static Properties load(String path) throws IOException {
		Properties p = new Properties();
		try (Reader in = new InputStreamReader(RepairMessagesTest.class.getClassLoader().getResourceAsStream(path),
				StandardCharsets.UTF_8)) {
			p.load(in);
		}
		return p;
	}
}
