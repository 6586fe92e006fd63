package org.xinyong.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.calendar.WorkingDays;
import org.xinyong.calendar.internal.BundledYears;

/**
 * The public calendar endpoints over the bundled years. (Reading will be public once the platform's security
 * configuration lands; until then Boot's default security wants a user.)
 */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(roles = "PLATFORM_ADMIN")
class CalendarApiIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDays workingDays;

	@Autowired
	BundledYears bundled;

	@Test
	void answersNWorkingDaysAfterADate() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-09-30").param("add", "3"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.from").value("2025-09-30"))
			.andExpect(jsonPath("$.add").value(3))
			.andExpect(jsonPath("$.date").value("2025-10-11"))
			.andExpect(jsonPath("$.provisional").value(false));
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2024-02-08").param("add", "7"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2024-02-23"));
	}

	@Test
	void marksAResultInADecemberThatTheNextNoticeMayStillChange() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-12-24").param("add", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2026-12-31"))
			.andExpect(jsonPath("$.provisional").value(true));
	}

	@Test
	void aComputationIntoAnUnloadedYearIsA422Problem() throws Exception {
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-12-30").param("add", "5"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("CALENDAR_YEAR_UNKNOWN"))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.type").value("urn:xinyong:problem:CALENDAR_YEAR_UNKNOWN"))
			.andExpect(jsonPath("$.title").value(containsString("2027 年")));
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2026-12-30").param("add", "5")
			.header("Accept-Language", "en"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.title").value(containsString("schedule of 2027 is not loaded")));
	}

	@Test
	void badInputIsA400WithAStableCode() throws Exception {
		for (String bad : new String[] { "2025-02-30", "2025-2-3", "tomorrow", "" }) {
			mvc.perform(get("/api/v1/calendar/working-days").param("from", bad).param("add", "3"))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.code").value("CALENDAR_DATE_INVALID"));
		}
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-03-10").param("add", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("CALENDAR_ADD_INVALID"));
		mvc.perform(get("/api/v1/calendar/working-days").param("from", "2025-03-10").param("add", "three"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PARAMETER_INVALID"));
	}

	@Test
	void answersTheStatusOfADay() throws Exception {
		mvc.perform(get("/api/v1/calendar/days/2025-10-11"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.date").value("2025-10-11"))
			.andExpect(jsonPath("$.workingDay").value(true))
			.andExpect(jsonPath("$.holiday").value("国庆节、中秋节"))
			.andExpect(jsonPath("$.listedOffDay").value(false));
		mvc.perform(get("/api/v1/calendar/days/2025-10-08"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.workingDay").value(false));
		mvc.perform(get("/api/v1/calendar/days/2027-01-04"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("CALENDAR_YEAR_UNKNOWN"));
	}

	@Test
	void listsTheBundledYearsWithTheirProvenance() throws Exception {
		mvc.perform(get("/api/v1/calendar/years"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].year").value(2024))
			.andExpect(jsonPath("$[0].version").value(1))
			.andExpect(jsonPath("$[0].versions").value(1))
			.andExpect(jsonPath("$[0].source").value("BUNDLED"))
			.andExpect(jsonPath("$[0].file").value("2024.json"))
			.andExpect(jsonPath("$[0].sha256").value("a1abda6884a98aa770a1b2a676bd4e69e73bee9d8e4c7e97d82c5d2e480e7661"))
			.andExpect(jsonPath("$[0].loadedAt").isNotEmpty())
			.andExpect(jsonPath("$[0].papers[0]").value("https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm"))
			.andExpect(jsonPath("$[*].year", hasItem(2025)))
			.andExpect(jsonPath("$[*].year", hasItem(2026)));
		mvc.perform(get("/api/v1/calendar/years/2025/versions"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].inForce").value(true));
	}

	@Test
	void theEndpointsAreDocumented() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/calendar/working-days'].get.summary").isNotEmpty())
			.andExpect(jsonPath("$.paths['/api/v1/calendar/years'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/calendar/years'].post").exists())
			.andExpect(jsonPath("$.tags[?(@.name == 'Calendar')]").exists());
	}

	@Test
	void bundledYearsAreKeptInTheDatabaseAndAuditedOnce() {
		assertThat(workingDays.knownYears()).contains(2024, 2025, 2026).doesNotContain(2027);
		assertThat(jdbc.sql("select count(*) from calendar_year_version where source = 'BUNDLED' and loaded_by = 'system'")
			.query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CALENDAR_YEAR_LOADED' and outcome = 'SUCCESS'
				and actor = 'system' and detail->>'source' = 'BUNDLED' and detail->>'sha256' is not null""")
			.query(Integer.class).single()).isEqualTo(3);

		// As at every later start: the bundled content is in the history already, nothing is loaded again.
		assertThat(bundled.load()).hasSize(3).noneMatch(r -> r.loaded());
		assertThat(jdbc.sql("select count(*) from calendar_year_version where source = 'BUNDLED'")
			.query(Integer.class).single()).isEqualTo(3);
	}
}
