package org.xinyong.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.calendar.CalendarSource;
import org.xinyong.calendar.WorkingDays;

/**
 * Operators load a newly published year by dropping {@code {year}.json} into the folder: at start-up and on each
 * scan. The 2027/2028 files here are test fixtures, not official data.
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser
@DirtiesContext // its folder is deleted after the class: the context is of no use to anybody else
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HolidayFolderIT {

	@TempDir
	static Path folder;

	@DynamicPropertySource
	static void folder(DynamicPropertyRegistry registry) {
		registry.add("xinyong.calendar.folder", () -> {
			// Present before the application starts.
			write("2027.json", fixture(2027, "2027-01-01"));
			write("notes.txt", "not a holiday file");
			return folder.toString();
		});
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HolidayFolder holidayFolder;

	@Autowired
	CalendarLoader loader;

	@Autowired
	WorkingDays workingDays;

	@Test
	@Order(1)
	void aFilePresentAtStartMakesItsYearComputable() throws Exception {
		// 2026-12-30 (Wed) + 5: 12-31, (01-01 off, weekend), 01-04, 01-05, 01-06, 01-07.
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-12-30").param("add", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2027-01-07"))
			.andExpect(jsonPath("$.provisional").value(false));
		assertThat(jdbc.sql("select source || ' ' || source_name || ' ' || loaded_by from calendar_year_version where year = 2027")
			.query(String.class).list()).containsExactly("FOLDER 2027.json system");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CALENDAR_YEAR_LOADED' and outcome = 'SUCCESS'
				and actor = 'system' and detail->>'year' = '2027' and detail->>'source' = 'FOLDER'
				and detail->>'file' = '2027.json'""").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aScanPicksUpNewFilesOnceAndRefusesInvalidOnesOnce() {
		write("2028.json", fixture(2028, "2028-01-01", "2028-01-03"));
		write("2029.json", "{\"year\": 2029, \"papers\": [], \"days\": []}");
		assertThat(workingDays.isKnown(LocalDate.of(2028, 1, 4))).isFalse();

		assertThat(holidayFolder.scan()).singleElement().satisfies(r -> {
			assertThat(r.loaded()).isTrue();
			assertThat(r.version().year()).isEqualTo(2028);
			assertThat(r.version().source()).isEqualTo(CalendarSource.FOLDER);
		});
		assertThat(workingDays.addWorkingDays(LocalDate.of(2027, 12, 31), 1)).isEqualTo(LocalDate.of(2028, 1, 4));
		assertThat(workingDays.knownYears()).contains(2027, 2028).doesNotContain(2029);

		// Nothing changed: nothing is read again, loaded again or audited again.
		assertThat(holidayFolder.scan()).isEmpty();
		assertThat(jdbc.sql("select count(*) from calendar_year_version where year in (2028, 2029)")
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CALENDAR_YEAR_LOADED' and outcome = 'FAILURE'
				and detail->>'file' = '2029.json' and detail->>'reason' = 'PAPERS_INVALID'""")
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void aChangedFileBecomesANewVersionAndAnOldOneNeverComesBack() {
		String first = fixture(2027, "2027-01-01");
		String corrected = fixture(2027, "2027-01-01", "2027-01-04");
		write("2027.json", corrected);
		assertThat(holidayFolder.scan()).singleElement().satisfies(r -> assertThat(r.version().version()).isEqualTo(2));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2027, 1, 4))).isFalse();

		// The first content, found again by a folder (e.g. another node's stale copy), is in the history: skipped.
		CalendarLoader.LoadResult stale = loader.loadFromFolder("2027.json", first.getBytes(StandardCharsets.UTF_8));
		assertThat(stale.loaded()).isFalse();
		assertThat(stale.version().version()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from calendar_year_version where year = 2027").query(Integer.class).single())
			.isEqualTo(2);
	}

	@Test
	@Order(4)
	void anotherNodesLoadIsPickedUpOnRefresh(@Autowired CalendarService calendar) {
		// Simulates another application node: a version written to the table behind this node's back.
		jdbc.sql("""
				insert into calendar_year_version (year, version, source, source_name, sha256, loaded_at, loaded_by, content)
				values (2030, 1, 'UPLOAD', null, :sha, now(), 'someone', :content)""")
			.param("sha", CalendarLoader.sha256(fixture(2030, "2030-01-01").getBytes(StandardCharsets.UTF_8)))
			.param("content", fixture(2030, "2030-01-01"))
			.update();
		assertThat(workingDays.knownYears()).doesNotContain(2030);
		calendar.refreshIfChanged();
		assertThat(workingDays.knownYears()).contains(2030);
		assertThat(workingDays.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
	}

	private static String fixture(int year, String... offDays) {
		StringBuilder days = new StringBuilder();
		for (String date : offDays) {
			days.append(days.isEmpty() ? "" : ",")
				.append("{\"name\": \"元旦\", \"date\": \"").append(date).append("\", \"isOffDay\": true}");
		}
		return "{\"year\": " + year + ", \"papers\": [\"https://example.test/" + year + "\"], \"days\": [" + days
				+ "]}";
	}

	private static void write(String name, String content) {
		try {
			Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
