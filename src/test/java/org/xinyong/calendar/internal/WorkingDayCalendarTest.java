package org.xinyong.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;
import org.xinyong.calendar.CalendarYearUnknownException;
import org.xinyong.platform.DomainException;

/** The working-day rules over the shipped 2024–2026 notices (national-rules §5). */
class WorkingDayCalendarTest {

	private final WorkingDayCalendar calendar = ShippedYears.calendar(2024, 2025, 2026);

	private static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@ParameterizedTest(name = "{0} + 3 = {1}, + 7 = {2}")
	@CsvSource({
			"2024-09-30, 2024-10-10, 2024-10-15", // 国庆 2024, make-up Sat 10-12 after the +3 result
			"2024-02-08, 2024-02-19, 2024-02-23", // 春节 2024, make-up Sun 02-18 counted
			"2025-01-24, 2025-02-05, 2025-02-10", // 春节 2025, make-up Sun 01-26 and Sat 02-08 counted
			"2025-09-30, 2025-10-11, 2025-10-16", // 国庆+中秋 2025: +3 lands on the make-up Saturday
			"2026-02-13, 2026-02-25, 2026-03-02", // 春节 2026, make-up Sat 02-14 and 02-28 counted
			"2026-09-18, 2026-09-22, 2026-09-29" }) // 中秋 2026, make-up Sun 09-20 counted
	void countsTheOfficialVectors(LocalDate receipt, LocalDate plus3, LocalDate plus7) {
		assertThat(calendar.addWorkingDays(receipt, 3)).isEqualTo(plus3);
		assertThat(calendar.addWorkingDays(receipt, 7)).isEqualTo(plus7);
		assertThat(calendar.workingDaysBetween(receipt, plus3)).isEqualTo(3);
		assertThat(calendar.workingDaysBetween(receipt, plus7)).isEqualTo(7);
	}

	@ParameterizedTest(name = "{0} has {1} working days")
	@CsvSource({ "2024, 251", "2025, 248", "2026, 248" })
	void yearTotals(int year, int total) {
		assertThat(calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31)))
			.isEqualTo(total);
		long counted = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
			.filter(calendar::isWorkingDay)
			.count();
		assertThat(counted).isEqualTo(total);
	}

	@Test
	void theAnswerIsTheNthWorkingDayStrictlyAfterTheStart() {
		// An ordinary week: Monday 2025-03-10 + 1 = Tuesday; Friday + 1 = Monday.
		assertThat(calendar.addWorkingDays(d("2025-03-10"), 1)).isEqualTo(d("2025-03-11"));
		assertThat(calendar.addWorkingDays(d("2025-03-14"), 1)).isEqualTo(d("2025-03-17"));
		assertThat(calendar.addWorkingDays(d("2025-03-14"), 5)).isEqualTo(d("2025-03-21"));
	}

	@Test
	void zeroReturnsTheStartWhateverItIs() {
		assertThat(calendar.addWorkingDays(d("2025-10-01"), 0)).isEqualTo(d("2025-10-01"));
		// Even in a year nobody loaded: nothing has to be counted.
		assertThat(calendar.addWorkingDays(d("2030-06-01"), 0)).isEqualTo(d("2030-06-01"));
	}

	@Test
	void negativeCountsAreRefused() {
		assertThatThrownBy(() -> calendar.addWorkingDays(d("2025-03-10"), -1))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("CALENDAR_ADD_INVALID");
				assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
			});
	}

	@Nested
	class StartingOnADayOff {

		@Test
		void fromAHoliday() {
			// 2024-10-01 (国庆) + 1: the rest of the block is off, 10-08 is the first working day.
			assertThat(calendar.addWorkingDays(d("2024-10-01"), 1)).isEqualTo(d("2024-10-08"));
			// 2025-01-28 (除夕, off since 2025) + 1 = 2025-02-05.
			assertThat(calendar.addWorkingDays(d("2025-01-28"), 1)).isEqualTo(d("2025-02-05"));
			// 2026-01-01 (元旦) + 1 = the make-up Sunday 2026-01-04.
			assertThat(calendar.addWorkingDays(d("2026-01-01"), 1)).isEqualTo(d("2026-01-04"));
		}

		@Test
		void fromAWeekend() {
			// Sunday 2024-06-09 + 1: Monday 06-10 is 端午, so Tuesday 06-11.
			assertThat(calendar.addWorkingDays(d("2024-06-09"), 1)).isEqualTo(d("2024-06-11"));
			// Saturday 2025-03-15 + 1 = Monday.
			assertThat(calendar.addWorkingDays(d("2025-03-15"), 1)).isEqualTo(d("2025-03-17"));
		}

		@Test
		void fromAMakeUpWorkingDay() {
			// Saturday 2025-10-11 is a working day, but the start is never counted.
			assertThat(calendar.addWorkingDays(d("2025-10-11"), 1)).isEqualTo(d("2025-10-13"));
		}
	}

	@Nested
	class OfficialSchedule {

		@ParameterizedTest
		@ValueSource(strings = { "2024-01-01", "2024-02-10/2024-02-17", "2024-04-04/2024-04-06",
				"2024-05-01/2024-05-05", "2024-06-10", "2024-09-15/2024-09-17", "2024-10-01/2024-10-07",
				"2025-01-01", "2025-01-28/2025-02-04", "2025-04-04/2025-04-06", "2025-05-01/2025-05-05",
				"2025-05-31/2025-06-02", "2025-10-01/2025-10-08",
				"2026-01-01/2026-01-03", "2026-02-15/2026-02-23", "2026-04-04/2026-04-06", "2026-05-01/2026-05-05",
				"2026-06-19/2026-06-21", "2026-09-25/2026-09-27", "2026-10-01/2026-10-07" })
		void holidayBlocksAreOff(String block) {
			assertThat(dates(block)).isNotEmpty().allSatisfy(date -> assertThat(calendar.isWorkingDay(date))
				.as("%s is a day off", date).isFalse());
		}

		@ParameterizedTest
		@ValueSource(strings = { "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
				"2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
				"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10" })
		void makeUpWorkingDaysAreWorkingWeekendDays(LocalDate date) {
			assertThat(date.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			assertThat(calendar.isWorkingDay(date)).isTrue();
		}

		@Test
		void eveOfSpringFestival2024IsAnOrdinaryWorkingDay() {
			// 除夕 2024-02-09 was only "encouraged" off; from 2025 除夕 is a statutory holiday.
			assertThat(calendar.isWorkingDay(d("2024-02-09"))).isTrue();
			assertThat(calendar.isWorkingDay(d("2025-01-28"))).isFalse();
		}

		@Test
		void ordinaryDaysFollowTheWeek() {
			assertThat(calendar.isWorkingDay(d("2025-03-12"))).isTrue(); // Wednesday
			assertThat(calendar.isWorkingDay(d("2025-03-15"))).isFalse(); // Saturday
			assertThat(calendar.isWorkingDay(d("2025-03-16"))).isFalse(); // Sunday
		}

		@Test
		void listedDaysCarryTheirFestival() {
			assertThat(calendar.listed(d("2025-10-11"))).get()
				.satisfies(day -> {
					assertThat(day.name()).isEqualTo("国庆节、中秋节");
					assertThat(day.offDay()).isFalse();
				});
			assertThat(calendar.listed(d("2025-03-12"))).isEmpty();
		}

		private List<LocalDate> dates(String block) {
			String[] ends = block.split("/");
			LocalDate first = d(ends[0]);
			LocalDate last = ends.length == 1 ? first : d(ends[1]);
			return Stream.iterate(first, date -> !date.isAfter(last), date -> date.plusDays(1)).toList();
		}
	}

	@Nested
	class UnknownYears {

		@Test
		void aCountThatReaches2027Fails() {
			assertThatThrownBy(() -> calendar.addWorkingDays(d("2026-12-30"), 5))
				.isInstanceOfSatisfying(CalendarYearUnknownException.class, e -> {
					assertThat(e.code()).isEqualTo("CALENDAR_YEAR_UNKNOWN");
					assertThat(e.year()).isEqualTo(2027);
					assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
				});
			// Up to the last day of 2026 it works: 12-31 is the first working day after 12-30.
			assertThat(calendar.addWorkingDays(d("2026-12-30"), 1)).isEqualTo(d("2026-12-31"));
		}

		@Test
		void aCountThatStartsBefore2024Fails() {
			assertThatThrownBy(() -> calendar.addWorkingDays(d("2023-12-28"), 3))
				.isInstanceOfSatisfying(CalendarYearUnknownException.class, e -> assertThat(e.year()).isEqualTo(2023));
		}

		@Test
		void theStatusOfAnUnknownDateFails() {
			assertThatThrownBy(() -> calendar.isWorkingDay(d("2027-01-04")))
				.isInstanceOf(CalendarYearUnknownException.class);
			assertThatThrownBy(() -> calendar.workingDaysBetween(d("2026-12-01"), d("2027-01-10")))
				.isInstanceOf(CalendarYearUnknownException.class);
			assertThat(calendar.isKnown(d("2027-01-04"))).isFalse();
			assertThat(calendar.knownYears()).containsExactly(2024, 2025, 2026);
		}

		@Test
		void aMissingYearInTheMiddleIsNotBridged() {
			WorkingDayCalendar gap = ShippedYears.calendar(2024, 2026);
			assertThatThrownBy(() -> gap.addWorkingDays(d("2024-12-30"), 2))
				.isInstanceOfSatisfying(CalendarYearUnknownException.class, e -> assertThat(e.year()).isEqualTo(2025));
		}

		@Test
		void theEndOfTimeIsUnknownToo() {
			assertThatThrownBy(() -> calendar.addWorkingDays(LocalDate.MAX, 1))
				.isInstanceOf(CalendarYearUnknownException.class);
		}

		@Test
		void anEmptyCalendarKnowsNothing() {
			assertThat(WorkingDayCalendar.empty().knownYears()).isEmpty();
			assertThatThrownBy(() -> WorkingDayCalendar.empty().addWorkingDays(d("2025-03-10"), 1))
				.isInstanceOf(CalendarYearUnknownException.class);
		}
	}

	@Nested
	class December {

		/** A hypothetical 2027 notice that moves the last days of 2026 (test fixture, not official data). */
		private final HolidayYear next = HolidayYear.parse(ShippedYears.file(2027, String.join(",",
				ShippedYears.day("元旦", "2026-12-26", false), // Saturday, make-up working day
				ShippedYears.day("元旦", "2026-12-31", true), //
				ShippedYears.day("元旦", "2027-01-01", true))), 2027);

		@Test
		void decemberIsProvisionalUntilTheNextNoticeIsLoaded() {
			assertThat(calendar.isProvisional(d("2026-12-31"))).isTrue();
			assertThat(calendar.isProvisional(d("2026-11-30"))).isFalse();
			assertThat(calendar.isProvisional(d("2025-12-31"))).isFalse();
			// Known and answered meanwhile, from the 2026 notice alone.
			assertThat(calendar.isWorkingDay(d("2026-12-31"))).isTrue();
			assertThat(calendar.addWorkingDays(d("2026-12-24"), 5)).isEqualTo(d("2026-12-31"));
		}

		@Test
		void loadingTheNextNoticeUpdatesLateDecember() {
			WorkingDayCalendar updated = WorkingDayCalendar.of(List.of(ShippedYears.year(2025),
					ShippedYears.year(2026), next));
			assertThat(updated.isProvisional(d("2026-12-31"))).isFalse();
			assertThat(updated.isWorkingDay(d("2026-12-31"))).isFalse();
			assertThat(updated.isWorkingDay(d("2026-12-26"))).isTrue();
			// 2026-12-24 (Thu) + 5: 12-25, 12-26 (make-up Sat), 12-28, 12-29, 12-30.
			assertThat(updated.addWorkingDays(d("2026-12-24"), 5)).isEqualTo(d("2026-12-30"));
		}

		@Test
		void aDateListedByTwoNoticesTakesTheLaterOne() {
			// Fixtures: the 2030 notice lists Sat 2030-12-28 as a make-up working day and Sun 12-29 as off; the
			// 2031 notice lists Sun 2030-12-29 as a make-up working day.
			HolidayYear earlier = HolidayYear.parse(ShippedYears.file(2030, String.join(",",
					ShippedYears.day("元旦", "2030-01-01", true), ShippedYears.day("X", "2030-12-28", false),
					ShippedYears.day("X", "2030-12-29", true))), 2030);
			HolidayYear later = HolidayYear.parse(ShippedYears.file(2031, String.join(",",
					ShippedYears.day("元旦", "2030-12-29", false), ShippedYears.day("元旦", "2031-01-01", true))), 2031);
			assertThat(WorkingDayCalendar.of(List.of(earlier)).isWorkingDay(d("2030-12-29"))).isFalse();
			WorkingDayCalendar both = WorkingDayCalendar.of(List.of(later, earlier));
			assertThat(both.isWorkingDay(d("2030-12-29"))).isTrue();
			assertThat(both.isWorkingDay(d("2030-12-28"))).isTrue();
			assertThat(both.listed(d("2030-12-29"))).get().extracting(ListedDay::name).isEqualTo("元旦");
		}
	}

	@Test
	void twoNoticesOfOneYearAreAnError() {
		assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(ShippedYears.year(2025), ShippedYears.year(2025))))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
