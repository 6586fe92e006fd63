package org.xinyong.jointcheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.testing.FixedClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * With {@code xinyong.joint-check.fast-path=false} every check goes through Spring MVC
 * ({@link JointCheckApiController}): the same answer, stored as sent, and the same refusals.
 */
@SpringBootTest(properties = "xinyong.joint-check.fast-path=false")
@AutoConfigureMockMvc
@Import(FixedClock.class)
class JointCheckControllerIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationContext context;

	@Test
	void theControllerAnswersWhenTheFastPathIsOff() throws Exception {
		assertThat(context.getBeanNamesForType(JointCheckEndpoint.class)).isEmpty();
		assertThat(context.containsBean("jointCheckEndpoint")).isFalse();
		jdbc.sql("""
				insert into credit_subject (code, kind, subject_type, legacy, first_name, first_name_seen_in)
				values (?, 'USCC', 'ORGANISATION', false, '银川控制器核查有限公司', 'test') on conflict do nothing""")
			.param(JointCheckEndpointIT.CLEAR)
			.update();
		String body = mvc.perform(post("/api/v1/joint-checks").header("X-Api-Key", JointCheckEndpointIT.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JointCheckEndpointIT.body(JointCheckEndpointIT.CLEAR, "PROCUREMENT", "控-1")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode answer = json.readTree(body);
		assertThat(answer.get("status").asString()).isEqualTo("CLEAR");
		assertThat(jdbc.sql("select answer::text from joint_check where id = cast(? as uuid)")
			.param(answer.get("checkId").asString())
			.query(String.class)
			.single()).isEqualTo(body);
		mvc.perform(post("/api/v1/joint-checks").header("X-Api-Key", JointCheckEndpointIT.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(JointCheckEndpointIT.body(JointCheckEndpointIT.CLEAR, "SHOPPING", "控-2")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("JOINT_CHECK_MATTER_INVALID"));
	}
}
