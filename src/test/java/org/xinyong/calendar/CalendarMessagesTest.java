package org.xinyong.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.xinyong.calendar.internal.CalendarFileInvalidException;
import org.xinyong.calendar.internal.CalendarFileInvalidException.Reason;
import org.xinyong.platform.DomainException;

/** Every code and reason of the calendar has its message in Chinese and in English. */
class CalendarMessagesTest {

	private static final String[] CODES = { "CALENDAR_YEAR_UNKNOWN", "CALENDAR_ADD_INVALID", "CALENDAR_DATE_INVALID",
			"CALENDAR_FILE_INVALID" };

	@Test
	void bothBundlesHaveTheSameKeysForEveryCodeAndReason() throws IOException {
		Properties zh = load("i18n/calendar.properties");
		Properties en = load("i18n/calendar_en.properties");
		assertThat(en.keySet()).isEqualTo(zh.keySet());
		for (String code : CODES) {
			assertThat(zh).containsKey("error." + code);
		}
		for (Reason reason : Reason.values()) {
			assertThat(zh).containsKey("calendar.file.invalid." + reason.name());
		}
	}

	@Test
	void messagesResolveWithTheirArguments() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/calendar");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);

		DomainException unknown = new CalendarYearUnknownException(2027);
		assertThat(messages.getMessage(unknown.messageKey(), unknown.args(), Locale.SIMPLIFIED_CHINESE))
			.contains("2027 年").contains("2027.json").doesNotContain("2,027");
		assertThat(messages.getMessage(unknown.messageKey(), unknown.args(), Locale.ENGLISH))
			.contains("schedule of 2027").doesNotContain("2,027");

		DomainException duplicate = new CalendarFileInvalidException(Reason.DATE_DUPLICATE, "2027-01-01");
		assertThat(messages.getMessage(duplicate.messageKey(), duplicate.args(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("节假日文件不能载入：日期 2027-01-01 重复出现。");
		assertThat(messages.getMessage(duplicate.messageKey(), duplicate.args(), Locale.ENGLISH))
			.isEqualTo("The holiday file cannot be loaded: Date 2027-01-01 is listed twice.");

		for (Reason reason : Reason.values()) {
			Object[] details = Arrays.asList("1", "2").toArray();
			DomainException e = new CalendarFileInvalidException(reason, details);
			for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
				assertThat(messages.getMessage(e.messageKey(), e.args(), locale))
					.as("%s in %s", reason, locale)
					.doesNotContain("calendar.file.invalid")
					.doesNotContain("'")
					.doesNotContain("{0}");
			}
		}
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader in = new InputStreamReader(
				CalendarMessagesTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}
}
