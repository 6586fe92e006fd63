package org.xinyong.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Loading a year by upload: versions are kept, identical content is a no-op, refusals carry their reason and
 * everything is audited. Years 2031+ are test fixtures, not official data (and stay clear of 2027, whose absence
 * other tests of the same context rely on).
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "ops-admin", roles = "PLATFORM_ADMIN")
class CalendarUploadIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	private static String file(int year, String... offDays) {
		StringBuilder days = new StringBuilder();
		for (String date : offDays) {
			days.append(days.isEmpty() ? "" : ",\n    ")
				.append("{\"name\": \"元旦\", \"date\": \"").append(date).append("\", \"isOffDay\": true}");
		}
		return "{\n  \"year\": " + year + ",\n  \"papers\": [\"https://example.test/" + year + "\"],\n  \"days\": [\n    "
				+ days + "\n  ]\n}\n";
	}

	private ResultActions postJson(String body) throws Exception {
		return mvc.perform(post("/api/v1/calendar/years").with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void uploadsAreVersionedAndIdenticalContentIsANoOp() throws Exception {
		String first = file(2031, "2031-01-01");
		postJson(first).andExpect(status().isCreated())
			.andExpect(jsonPath("$.year").value(2031))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.loaded").value(true))
			.andExpect(jsonPath("$.source").value("UPLOAD"))
			.andExpect(jsonPath("$.sha256").value(sha256(first)));
		nextWorkingDayAfterNewYear("2031-01-02");

		// The same bytes again, and the same data differently formatted: nothing happens.
		postJson(first).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.loaded").value(false));
		postJson(first.replace("\n", "").replace("  ", "")).andExpect(status().isOk())
			.andExpect(jsonPath("$.loaded").value(false));

		// A corrected notice supersedes the first version, which is kept.
		String second = file(2031, "2031-01-01", "2031-01-02");
		postJson(second).andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2));
		nextWorkingDayAfterNewYear("2031-01-03");

		// An upload may bring the earlier content back: as a third version.
		postJson(first).andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(3));
		nextWorkingDayAfterNewYear("2031-01-02");

		mvc.perform(get("/api/v1/calendar/years/2031/versions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(3))
			.andExpect(jsonPath("$[0].version").value(3))
			.andExpect(jsonPath("$[0].inForce").value(true))
			.andExpect(jsonPath("$[1].version").value(2))
			.andExpect(jsonPath("$[1].inForce").value(false))
			.andExpect(jsonPath("$[2].version").value(1))
			.andExpect(jsonPath("$[2].sha256").value(sha256(first)));
		mvc.perform(get("/api/v1/calendar/years"))
			.andExpect(jsonPath("$[?(@.year == 2031)].version").value(3))
			.andExpect(jsonPath("$[?(@.year == 2031)].versions").value(3));

		assertThat(jdbc.sql("select content from calendar_year_version where year = 2031 and version = 1")
			.query(String.class).single()).isEqualTo(first);
		assertThat(jdbc.sql("select loaded_by from calendar_year_version where year = 2031 and version = 2")
			.query(String.class).single()).isEqualTo("ops-admin");
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CALENDAR_YEAR_LOADED' and outcome = 'SUCCESS'
				and actor = 'ops-admin' and detail->>'year' = '2031' and detail->>'source' = 'UPLOAD'""")
			.query(Integer.class).single()).isEqualTo(3);
	}

	@Test
	void acceptsAMultipartFile() throws Exception {
		String body = file(2032, "2032-01-01");
		mvc.perform(multipart("/api/v1/calendar/years")
			.file(new MockMultipartFile("file", "2032.json", "application/json", body.getBytes(StandardCharsets.UTF_8)))
			.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.year").value(2032))
			.andExpect(jsonPath("$.file").value("2032.json"))
			.andExpect(jsonPath("$.sha256").value(sha256(body)));
		mvc.perform(get("/api/v1/calendar/days/2032-01-01"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workingDay").value(false));
	}

	@Test
	void refusesAFileWhoseNameNamesAnotherYear() throws Exception {
		mvc.perform(multipart("/api/v1/calendar/years")
			.file(new MockMultipartFile("file", "2034.json", "application/json",
					file(2033, "2033-01-01").getBytes(StandardCharsets.UTF_8)))
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("CALENDAR_FILE_INVALID"))
			.andExpect(jsonPath("$.reason").value("YEAR_MISMATCH"))
			.andExpect(jsonPath("$.details[0]").value("2034"))
			.andExpect(jsonPath("$.details[1]").value("2033"));
		assertThat(jdbc.sql("select count(*) from calendar_year_version where year in (2033, 2034)")
			.query(Integer.class).single()).isZero();
	}

	@Test
	void refusesInvalidFilesWithTheirReasonAndAuditsTheRefusal() throws Exception {
		postJson("{\"year\": 2035, \"papers\": [\"x\"], \"days\": [")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("CALENDAR_FILE_INVALID"))
			.andExpect(jsonPath("$.reason").value("MALFORMED_JSON"));
		postJson(file(2035, "2035-01-01", "2035-01-01"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.reason").value("DATE_DUPLICATE"))
			.andExpect(jsonPath("$.details[0]").value("2035-01-01"));
		mvc.perform(post("/api/v1/calendar/years").with(csrf())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"year\": 2035, \"papers\": [\"x\"], \"days\": [{\"name\": \"元旦\", \"date\": \"2035-01-01\"}]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.reason").value("OFF_DAY_MISSING"))
			.andExpect(jsonPath("$.title").value("The holiday file cannot be loaded: Date 2035-01-01 has no isOffDay, "
					+ "or its value is not true/false."));
		postJson("")
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.reason").value("EMPTY"));
		postJson(file(2035, "2034-10-01"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.reason").value("DATE_OUTSIDE_YEAR"));

		assertThat(jdbc.sql("select count(*) from calendar_year_version where year = 2035")
			.query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("""
				select detail->>'reason' from audit_event where action = 'CALENDAR_YEAR_LOADED'
				and outcome = 'FAILURE' and actor = 'ops-admin' and detail->>'source' = 'UPLOAD'
				and detail->>'code' = 'CALENDAR_FILE_INVALID' order by id""")
			.query(String.class).list())
			.contains("MALFORMED_JSON", "DATE_DUPLICATE", "OFF_DAY_MISSING", "EMPTY", "DATE_OUTSIDE_YEAR");
	}

	@Test
	void keptVersionsCannotBeChangedOrRemoved() throws Exception {
		postJson(file(2036, "2036-01-01")).andExpect(status().isCreated());
		assertThatThrownBy(() -> jdbc.sql("update calendar_year_version set content = '{}' where year = 2036").update())
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from calendar_year_version where year = 2036").update())
			.rootCause()
			.hasMessageContaining("append-only");
	}

	private void nextWorkingDayAfterNewYear(String expected) throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2031-01-01").param("add", "1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value(expected));
	}

	private static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}
}
