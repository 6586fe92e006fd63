package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.ingest.SubmissionApiIT;

import tools.jackson.databind.json.JsonMapper;

/**
 * Records for the website tests, submitted through the API with the demo key, and a platform clock fixed on
 * 2026-11-26 (so that disclosure windows are tested at their boundaries whatever the day the tests run).
 */
public final class WebsiteFixtures {

	public static final String KEY = "test-demo-key-0123456789";
	static final String ORG_A = "91320100748204660Q";
	static final String ORG_A_NAME = "南京某某科技有限公司";
	static final String ORG_B = "91350100M000100Y43";
	static final String ORG_B_NAME = "福州某某贸易有限责任公司";
	static final String PERSON = "11010519491231002X";

	private WebsiteFixtures() {
	}

	@TestConfiguration
	public static class FixedClock extends org.xinyong.testing.FixedClock {
	}

	public static Map<String, Object> penalty(String code, String name, String number, String severity, String decided) {
		Map<String, Object> r = new LinkedHashMap<>(SubmissionApiIT.penalty(code, name, number));
		r.put("severity", severity);
		r.put("decisionDate", decided);
		return r;
	}

	static Map<String, Object> licence(String code, String name, String number, String category, String decided) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", code);
		r.put("licenceDocumentNumber", number);
		r.put("licenceCategory", category);
		r.put("licenceContent", "食品经营许可");
		r.put("decisionDate", decided);
		r.put("validFrom", decided);
		r.put("authority", "福州市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	public static void submit(MockMvc mvc, JsonMapper json, String item, String key, List<Map<String, Object>> records)
			throws Exception {
		String body = mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", item, "submissionKey", key, "records", records))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readTree(body).get("rejected").asInt()).as(body).isZero();
	}

	/** The read model is updated after commit from the event publication: wait until it has caught up. */
	public static void awaitProjected(JdbcClient jdbc) throws InterruptedException {
		org.xinyong.testing.ReadModel.awaitProjected(jdbc);
	}

}
