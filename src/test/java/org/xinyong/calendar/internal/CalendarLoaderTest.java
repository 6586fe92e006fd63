package org.xinyong.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CalendarLoaderTest {

	@Test
	void readsTheYearOfAFileName() {
		assertThat(CalendarLoader.yearOfFileName("2027.json")).contains(2027);
		assertThat(CalendarLoader.yearOfFileName("2027.JSON")).contains(2027);
		assertThat(CalendarLoader.yearOfFileName("C:\\Users\\ops\\2027.json")).contains(2027);
		assertThat(CalendarLoader.yearOfFileName("/srv/holidays/2027.json")).contains(2027);
		assertThat(CalendarLoader.yearOfFileName("holidays-2027.json")).isEmpty();
		assertThat(CalendarLoader.yearOfFileName("2027.json.bak")).isEmpty();
		assertThat(CalendarLoader.yearOfFileName(null)).isEmpty();
	}

	@Test
	void hashesLikeSha256sum() {
		assertThat(CalendarLoader.sha256("abc".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void theShippedFilesHashAsPublished() {
		// The SHA-256 values operators see in GET /api/v1/calendar/years for the bundled years.
		assertThat(CalendarLoader.sha256(ShippedYears.bytes(2024)))
			.isEqualTo("a1abda6884a98aa770a1b2a676bd4e69e73bee9d8e4c7e97d82c5d2e480e7661");
		assertThat(CalendarLoader.sha256(ShippedYears.bytes(2025)))
			.isEqualTo("33e3023d3af27e158d31196a3cc5096aa089ecd5cd33280fb0b92cd9c9d180c9");
		assertThat(CalendarLoader.sha256(ShippedYears.bytes(2026)))
			.isEqualTo("0dcfd8004351e132ce15e8444de4df123265b3f490f7e2f8346631122cb5b709");
	}
}
