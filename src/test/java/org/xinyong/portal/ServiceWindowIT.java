package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.portal.WebsiteFixtures.*;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;
import org.xinyong.audit.AuditEvent;
import org.xinyong.audit.AuditTrail;

import tools.jackson.databind.json.JsonMapper;

/**
 * The service window: staff look up the public view and, for a visitor whose identity they checked, the full
 * record including non-public items; each lookup is audited as a read about the subject; other roles may not.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(WebsiteFixtures.FixedClock.class)
class ServiceWindowIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffUsers users;

	@Autowired
	AuditTrail trail;

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}

	@Test
	void staffLookUpAndPrintOnBehalfOfVisitors() throws Exception {
		submit(mvc, json, "ADMIN_PENALTY", "window-penalties",
				List.of(penalty(ORG_A, ORG_A_NAME, "W-1", "GENERAL", "2026-05-01"),
						penalty(ORG_A, ORG_A_NAME, "W-MINOR", "MINOR", "2026-06-01")));
		awaitProjected(jdbc);

		String results = mvc.perform(get("/console/service-window").param("q", "某某科技").with(staff("reviewer")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(results).contains(ORG_A_NAME, "/console/service-window/subject?code=" + ORG_A);

		String view = mvc.perform(get("/console/service-window/subject").param("code", ORG_A).with(staff("reviewer")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(view).contains(ORG_A_NAME, "W-1", "打印").doesNotContain("W-MINOR");

		// full record only after the identity check is confirmed
		mvc.perform(post("/console/service-window/full-record").param("code", ORG_A)
			.param("visitorDocument", "身份证 11010519491231002X").with(staff("reviewer")).with(csrf()))
			.andExpect(status().isUnprocessableEntity());
		String full = mvc.perform(post("/console/service-window/full-record").param("code", ORG_A)
			.param("visitorDocument", "身份证 11010519491231002X").param("identityChecked", "true")
			.with(staff("reviewer")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(full).contains("W-1", "W-MINOR", "不公开信息");

		List<AuditEvent> reads = trail.readsAbout(ORG_A);
		assertThat(reads).extracting(AuditEvent::action).contains("SERVICE_WINDOW_READ", "SERVICE_WINDOW_FULL_READ");
		AuditEvent fullRead = reads.stream().filter(e -> e.action().equals("SERVICE_WINDOW_FULL_READ")).findFirst()
			.orElseThrow();
		assertThat(fullRead.actor()).isEqualTo("reviewer");
		assertThat(fullRead.purpose()).isEqualTo("SERVICE_WINDOW_SELF");
		assertThat(fullRead.toString()).doesNotContain("11010519491231002X");

		mvc.perform(get("/console/service-window").with(staff("provider"))).andExpect(status().isForbidden());
		mvc.perform(get("/console/service-window")).andExpect(status().is3xxRedirection());
	}
}
