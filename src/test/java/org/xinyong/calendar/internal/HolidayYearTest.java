package org.xinyong.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.xinyong.calendar.internal.ShippedYears.day;
import static org.xinyong.calendar.internal.ShippedYears.file;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.xinyong.calendar.internal.CalendarFileInvalidException.Reason;

/** Reading holiday files: the shipped ones parse, anything implausible is refused with its reason. */
class HolidayYearTest {

	private static final String NEW_YEAR = day("元旦", "2027-01-01", true);

	@ParameterizedTest
	@ValueSource(ints = { 2024, 2025, 2026 })
	void theShippedFilesParse(int year) {
		HolidayYear parsed = ShippedYears.year(year);
		assertThat(parsed.year()).isEqualTo(year);
		assertThat(parsed.papers()).singleElement().asString().startsWith("https://www.gov.cn/");
		assertThat(parsed.days()).isNotEmpty();
		assertThat(parsed.days().firstKey().getYear()).isEqualTo(year);
	}

	@Test
	void theShipped2025FileHasItsMakeUpDaysAndHolidays() {
		HolidayYear y2025 = ShippedYears.year(2025);
		assertThat(y2025.days()).hasSize(33);
		assertThat(y2025.days().values()).filteredOn(d -> !d.offDay())
			.extracting(ListedDay::date)
			.containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
					LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
	}

	@Test
	void sameDataMeansEqualValues() {
		String compact = file(2027, NEW_YEAR);
		String spread = "\n\n" + compact.replace(",", " ,\n  ") + "\n";
		assertThat(HolidayYear.parse(spread, null)).isEqualTo(HolidayYear.parse(compact, null));
	}

	@Test
	void toleratesAByteOrderMarkAndUnknownProperties() {
		String json = """
				{"$schema": "x", "$id": "y", "year": 2027, "papers": ["https://example.test/a"],
				 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true, "note": "extra"}]}""";
		byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[utf8.length + 3];
		withBom[0] = (byte) 0xef;
		withBom[1] = (byte) 0xbb;
		withBom[2] = (byte) 0xbf;
		System.arraycopy(utf8, 0, withBom, 3, utf8.length);
		assertThat(HolidayYear.parse(withBom, 2027).days()).containsOnlyKeys(LocalDate.of(2027, 1, 1));
	}

	@Test
	void acceptsDecemberOfThePreviousYearAndJanuaryOfTheNext() {
		HolidayYear year = HolidayYear.parse(file(2027, String.join(",", day("元旦", "2026-12-01", true), NEW_YEAR,
				day("春节", "2028-01-31", true))), 2027);
		assertThat(year.days()).hasSize(3);
	}

	@Test
	void refusesEmptyContent() {
		assertRefused(new byte[0], Reason.EMPTY);
		assertRefused("  \n ", Reason.EMPTY);
	}

	@Test
	void refusesLargeFiles() {
		assertRefused(new byte[HolidayYear.MAX_BYTES + 1], Reason.TOO_LARGE);
	}

	@Test
	void refusesNonUtf8() {
		byte[] gbk = file(2027, NEW_YEAR).getBytes(java.nio.charset.Charset.forName("GBK"));
		assertRefused(gbk, Reason.NOT_UTF8);
	}

	@Test
	void refusesMalformedJson() {
		assertRefused("{\"year\": 2027, ", Reason.MALFORMED_JSON);
		assertRefused(file(2027, NEW_YEAR) + " {}", Reason.MALFORMED_JSON);
		assertRefused("{\"year\": 2027, \"year\": 2028, \"papers\": [\"a\"], \"days\": [" + NEW_YEAR + "]}",
				Reason.MALFORMED_JSON);
		assertRefused(file(2027, day("\\u0000", "2027-01-01", true)), Reason.MALFORMED_JSON);
	}

	@Test
	void refusesWhatIsNotAnObject() {
		assertRefused("[1, 2]", Reason.NOT_AN_OBJECT);
		assertRefused("\"2027\"", Reason.NOT_AN_OBJECT);
	}

	@Test
	void refusesAMissingOrImplausibleYear() {
		assertRefused("{\"papers\": [\"a\"], \"days\": [" + NEW_YEAR + "]}", Reason.YEAR_INVALID);
		assertRefused("{\"year\": \"2027\", \"papers\": [\"a\"], \"days\": [" + NEW_YEAR + "]}", Reason.YEAR_INVALID);
		assertRefused("{\"year\": 2027.5, \"papers\": [\"a\"], \"days\": [" + NEW_YEAR + "]}", Reason.YEAR_INVALID);
		assertRefused(file(1900, day("x", "1900-01-01", true)), Reason.YEAR_INVALID);
	}

	@Test
	void refusesAYearMismatch() {
		// The file is named 2028.json but holds 2027.
		assertThatThrownBy(() -> HolidayYear.parse(file(2027, NEW_YEAR), 2028))
			.isInstanceOfSatisfying(CalendarFileInvalidException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.YEAR_MISMATCH);
				assertThat(e.details()).containsExactly("2028", "2027");
			});
		// Declares 2027 but lists only dates of late 2026.
		assertRefused(file(2027, day("元旦", "2026-12-31", true)), Reason.YEAR_MISMATCH);
	}

	@Test
	void refusesDatesOutsideTheYearAndItsEdges() {
		assertRefused(file(2027, NEW_YEAR + "," + day("国庆节", "2026-10-01", true)), Reason.DATE_OUTSIDE_YEAR);
		assertRefused(file(2027, NEW_YEAR + "," + day("春节", "2028-02-01", true)), Reason.DATE_OUTSIDE_YEAR);
		assertRefused(file(2027, day("国庆节", "2025-10-01", true)), Reason.DATE_OUTSIDE_YEAR);
	}

	@Test
	void refusesMissingOrBadPapers() {
		assertRefused("{\"year\": 2027, \"days\": [" + NEW_YEAR + "]}", Reason.PAPERS_INVALID);
		assertRefused("{\"year\": 2027, \"papers\": [], \"days\": [" + NEW_YEAR + "]}", Reason.PAPERS_INVALID);
		assertRefused("{\"year\": 2027, \"papers\": [1], \"days\": [" + NEW_YEAR + "]}", Reason.PAPERS_INVALID);
		assertRefused("{\"year\": 2027, \"papers\": \"a\", \"days\": [" + NEW_YEAR + "]}", Reason.PAPERS_INVALID);
	}

	@Test
	void refusesMissingOrEmptyDays() {
		assertRefused("{\"year\": 2027, \"papers\": [\"a\"]}", Reason.DAYS_INVALID);
		assertRefused("{\"year\": 2027, \"papers\": [\"a\"], \"days\": {}}", Reason.DAYS_INVALID);
		// holiday-cn publishes an empty file for a year whose notice is not out yet: never "no holidays".
		assertRefused("{\"year\": 2027, \"papers\": [], \"days\": []}", Reason.PAPERS_INVALID);
		assertRefused("{\"year\": 2027, \"papers\": [\"a\"], \"days\": []}", Reason.DAYS_EMPTY);
	}

	@Test
	void refusesBadEntries() {
		assertRefused(file(2027, NEW_YEAR + ", 5"), Reason.DAY_INVALID);
		assertRefused(file(2027, "{\"date\": \"2027-01-01\", \"isOffDay\": true}"), Reason.NAME_MISSING);
		assertRefused(file(2027, "{\"name\": \" \", \"date\": \"2027-01-01\", \"isOffDay\": true}"),
				Reason.NAME_MISSING);
		assertRefused(file(2027, "{\"name\": \"元旦\", \"isOffDay\": true}"), Reason.DATE_INVALID);
		assertRefused(file(2027, day("元旦", "2027-02-30", true)), Reason.DATE_INVALID);
		assertRefused(file(2027, day("元旦", "2027-1-1", true)), Reason.DATE_INVALID);
		assertRefused(file(2027, day("元旦", "01/01/2027", true)), Reason.DATE_INVALID);
	}

	@Test
	void refusesAMissingOffDayFlag() {
		assertRefused(file(2027, "{\"name\": \"元旦\", \"date\": \"2027-01-01\"}"), Reason.OFF_DAY_MISSING);
		assertRefused(file(2027, "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": \"true\"}"),
				Reason.OFF_DAY_MISSING);
		assertRefused(file(2027, "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": null}"),
				Reason.OFF_DAY_MISSING);
	}

	@Test
	void refusesDuplicateDates() {
		assertThatThrownBy(() -> HolidayYear.parse(file(2027, NEW_YEAR + "," + day("元旦", "2027-01-01", true)), 2027))
			.isInstanceOfSatisfying(CalendarFileInvalidException.class, e -> {
				assertThat(e.reason()).isEqualTo(Reason.DATE_DUPLICATE);
				assertThat(e.details()).containsExactly("2027-01-01");
			});
	}

	@Test
	void refusesAMakeUpWorkingDayOnAWeekday() {
		// 2027-01-04 is a Monday: listing it as a working day means the author mixed up isOffDay.
		assertRefused(file(2027, NEW_YEAR + "," + day("元旦", "2027-01-04", false)), Reason.MAKEUP_DAY_ON_WEEKDAY);
	}

	@Test
	void refusalsAreDomainExceptionsWithAStableCode() {
		assertThatThrownBy(() -> HolidayYear.parse("nope", null))
			.isInstanceOfSatisfying(CalendarFileInvalidException.class, e -> {
				assertThat(e.code()).isEqualTo("CALENDAR_FILE_INVALID");
				assertThat(e.messageKey()).isEqualTo("error.CALENDAR_FILE_INVALID");
				assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
				assertThat(e.getMessage()).contains("MALFORMED_JSON");
			});
	}

	private static void assertRefused(String content, Reason reason) {
		assertRefused(content.getBytes(StandardCharsets.UTF_8), reason);
	}

	private static void assertRefused(byte[] content, Reason reason) {
		assertThatThrownBy(() -> HolidayYear.parse(content, null))
			.isInstanceOfSatisfying(CalendarFileInvalidException.class,
					e -> assertThat(e.reason()).isEqualTo(reason));
	}
}
