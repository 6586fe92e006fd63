package org.xinyong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;

/** Auditors search, export and reveal the audit log; personal numbers are masked; exports and reveals are audited. */
@SpringBootTest
@AutoConfigureMockMvc
class AuditConsoleIT {

	static final String PERSON = "11010519491231002X";
	static final String COMPANY = "91320100748204660Q";

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog log;

	@Autowired
	StaffUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditTrail trail;

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}

	long record(String subject, String note) {
		return log.record(AuditEntry.of("RECORDS_READ", AuditEntry.Outcome.SUCCESS, Map.of("note", note))
			.withActor("department", null, "11640000MB1900035R")
			.aboutSubject(subject, "行政许可审查"));
	}

	@Test
	void auditorsFindEntriesWithPersonalNumbersMaskedAndOrganisationCodesShown() throws Exception {
		record(PERSON, "person " + PERSON);
		record(COMPANY, "company");
		mvc.perform(get("/console/audit").param("subject", PERSON).with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(not(containsString("<td>" + PERSON + "</td>"))))
			.andExpect(content().string(not(containsString("person " + PERSON))));
		mvc.perform(get("/console/audit").param("subject", COMPANY).with(staff("auditor")))
			.andExpect(content().string(containsString(COMPANY)));
		mvc.perform(get("/api/v1/audit/events").param("action", "RECORDS_READ").param("organisation", "11640000MB1900035R")
			.with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThanOrEqualTo(2)))
			.andExpect(jsonPath("$.items[0].purpose").value("行政许可审查"));
		mvc.perform(get("/console/audit").with(staff("provider"))).andExpect(status().isForbidden());
		assertThat(trail.readsAbout(COMPANY)).isNotEmpty()
			.allSatisfy(e -> assertThat(e.organisationCode()).isEqualTo("11640000MB1900035R"))
			.allSatisfy(e -> assertThat(e.purpose()).isEqualTo("行政许可审查"));
	}

	@Test
	void exportsAreMaskedNeutralisedAndThemselvesAudited() throws Exception {
		record(PERSON, "=HYPERLINK(\"x\")");
		byte[] csv = mvc.perform(get("/console/audit/export.csv").param("subject", PERSON).with(staff("auditor")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF编号 Id").contains("110105********002X").doesNotContain(PERSON);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_EXPORTED' and actor = 'auditor'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void revealingAnEntryNeedsAReasonAndIsRecorded() throws Exception {
		long id = record(PERSON, "reveal me");
		var result = mvc.perform(post("/console/audit/" + id + "/reveal").param("reason", "核查投诉")
			.with(staff("auditor"))
			.with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
		AuditEvent revealed = (AuditEvent) result.getFlashMap().get("revealed");
		assertThat(revealed.subjectRef()).isEqualTo(PERSON);
		assertThat(jdbc.sql("select detail->>'reason' from audit_event where action = 'AUDIT_REVEALED' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("核查投诉");
	}

	@Test
	void onlyAuditorsRevealPlatformAdministratorsSeeTheMaskedLogOnly() throws Exception {
		long id = record(PERSON, "admin may not reveal");
		mvc.perform(post("/console/audit/" + id + "/reveal").param("reason", "好奇").with(staff("admin")).with(csrf()))
			.andExpect(status().isForbidden());
		String page = mvc.perform(get("/console/audit").with(staff("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("110105********002X").doesNotContain("显示原文");
		assertThat(mvc.perform(get("/console/audit").with(staff("auditor"))).andReturn().getResponse()
			.getContentAsString()).contains("显示原文");
	}
}
