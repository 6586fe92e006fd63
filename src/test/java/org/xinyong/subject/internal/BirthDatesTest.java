package org.xinyong.subject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class BirthDatesTest {

	@Test
	void aCalendarDateIsEightDigitsNamingARealDay() {
		assertThat(BirthDates.calendarDate("20240229")).contains(LocalDate.of(2024, 2, 29));
		assertThat(BirthDates.calendarDate("20000229")).contains(LocalDate.of(2000, 2, 29));
		assertThat(BirthDates.calendarDate("19001231")).contains(LocalDate.of(1900, 12, 31));
		assertThat(BirthDates.calendarDate("19000229")).isEmpty();
		assertThat(BirthDates.calendarDate("20230229")).isEmpty();
		assertThat(BirthDates.calendarDate("20240431")).isEmpty();
		assertThat(BirthDates.calendarDate("20241301")).isEmpty();
		assertThat(BirthDates.calendarDate("20240001")).isEmpty();
		assertThat(BirthDates.calendarDate("20240100")).isEmpty();
		assertThat(BirthDates.calendarDate("20240132")).isEmpty();
		assertThat(BirthDates.calendarDate("2024011")).isEmpty();
		assertThat(BirthDates.calendarDate("2024O101")).isEmpty();
	}

	@Test
	void aPlausibleBirthDateLiesBetween1880AndToday() {
		LocalDate today = LocalDate.of(2026, 11, 27);
		assertThat(BirthDates.plausible("18800101", today)).contains(BirthDates.EARLIEST);
		assertThat(BirthDates.plausible("18791231", today)).isEmpty();
		assertThat(BirthDates.plausible("20261127", today)).contains(today);
		assertThat(BirthDates.plausible("20261128", today)).isEmpty();
	}
}
