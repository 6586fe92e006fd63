package org.xinyong.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** The holiday files shipped in {@code src/main/resources/calendar/holidays}, read directly. */
final class ShippedYears {

	private ShippedYears() {
	}

	static byte[] bytes(int year) {
		try (InputStream in = ShippedYears.class.getResourceAsStream("/calendar/holidays/" + year + ".json")) {
			if (in == null) {
				throw new IllegalStateException("No shipped file for " + year);
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static HolidayYear year(int year) {
		return HolidayYear.parse(bytes(year), year);
	}

	static WorkingDayCalendar calendar(int... years) {
		List<HolidayYear> parsed = Arrays.stream(years).mapToObj(ShippedYears::year).toList();
		return WorkingDayCalendar.of(parsed);
	}

	/** A syntactically valid file (test fixture, not official data). */
	static String file(int year, String days) {
		return """
				{"year": %d, "papers": ["https://example.test/notice-%d"], "days": [%s]}""".formatted(year, year, days);
	}

	static String day(String name, String date, boolean offDay) {
		return """
				{"name": "%s", "date": "%s", "isOffDay": %s}""".formatted(name, date, offDay);
	}
}
