package org.xinyong.objection;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.ingest.SubmissionApiIT;

import tools.jackson.databind.json.JsonMapper;

/** A deployment that accepts objections only from subjects verified by the unified login refuses a demo sign-in. */
@SpringBootTest(properties = "xinyong.objection.accepted-verification=OIDC")
@AutoConfigureMockMvc
class ObjectionVerificationIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void aDemoSignInIsNotEnoughWhereTheUnifiedLoginIsRequired() throws Exception {
		String number = "银市监罚〔2026〕520号";
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", ObjectionIT.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey",
					"objection-verification", "records",
					List.of(SubmissionApiIT.penalty(ObjectionIT.COMPANY, "银川甲乙科技有限公司", number))))))
			.andExpect(status().isOk());
		String record = jdbc.sql("select record_id::text from record_version where payload::jsonb ->> 'decisionNumber' = ?")
			.param(number).query(String.class).single();
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", ObjectionIT.COMPANY)
			.param("verificationCode", ObjectionIT.DEMO_CODE)
			.with(csrf())).andExpect(redirectedUrl("/account"));
		mvc.perform(post("/api/v1/objections").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(ObjectionIT.objection(java.util.UUID.fromString(record), "")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("OBJECTION_VERIFICATION_INSUFFICIENT"));
	}
}
