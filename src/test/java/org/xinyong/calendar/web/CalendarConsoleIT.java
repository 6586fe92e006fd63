package org.xinyong.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;
import org.xinyong.calendar.WorkingDays;

/** Platform administrators load a newly published year from the console; other staff only read. */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class CalendarConsoleIT {

	static final String YEAR_2027 = """
			{"year": 2027, "papers": ["https://www.gov.cn/test-notice-2027"],
			 "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffUsers users;

	@Autowired
	WorkingDays workingDays;

	@Test
	void adminUploadsANewYearInTheConsole() throws Exception {
		mvc.perform(get("/console/calendar").with(staff("reviewer")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("2026")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("type=\"file\""))));

		mvc.perform(multipart("/console/calendar").file(file("2027.json", YEAR_2027)).with(staff("admin")).with(csrf()))
			.andExpect(flash().attribute("loaded", containsString("2027")));
		assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 12, 31), 1)).isEqualTo(LocalDate.of(2027, 1, 4));

		mvc.perform(multipart("/console/calendar").file(file("2028.json", "{not json")).with(staff("admin")).with(csrf()))
			.andExpect(flash().attribute("failure", containsString("CALENDAR_FILE_INVALID")));
	}

	@Test
	void otherStaffAndSystemsCannotLoadYears() throws Exception {
		mvc.perform(multipart("/console/calendar").file(file("2027.json", YEAR_2027)).with(staff("provider")).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/calendar/years").with(staff("reviewer")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(YEAR_2027))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		mvc.perform(post("/api/v1/calendar/years").header("X-Api-Key", "test-demo-key-0123456789")
			.contentType(MediaType.APPLICATION_JSON)
			.content(YEAR_2027))
			.andExpect(status().isForbidden());
	}

	static MockMultipartFile file(String name, String content) {
		return new MockMultipartFile("file", name, "application/json", content.getBytes(StandardCharsets.UTF_8));
	}

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}
}
