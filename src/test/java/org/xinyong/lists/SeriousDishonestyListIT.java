package org.xinyong.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.ingest.SubmissionApiIT;

import tools.jackson.databind.json.JsonMapper;

/** Inclusion by complete decision document, legal representative, removal by document, ledger events, decision. */
@SpringBootTest
@AutoConfigureMockMvc
class SeriousDishonestyListIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String SUBJECT = "91320100748204660Q";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void subjectExists() throws Exception {
		Map<String, Object> body = Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey", "lists-it-subject",
				"records", List.of(SubmissionApiIT.penalty(SUBJECT, "南京某某科技有限公司", "宁市监罚〔2026〕91号")));
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	static Map<String, Object> document(String number) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("subjectCode", SUBJECT);
		d.put("legalRepresentative", "张三");
		d.put("category", "MARKET_AND_SOCIAL_ORDER");
		d.put("reason", "恶意拖欠货款，经判决后仍拒不履行");
		d.put("basis", "《宁夏回族自治区社会信用条例》第四十三条第二项");
		d.put("measures", "限制参与政府采购；限制获得财政资金支持");
		d.put("removalConditions", "期满自动移出；完成信用修复的，可申请提前移出，由作出决定的单位审核");
		d.put("remedies", "可在收到本决定之日起六十日内申请行政复议，或六个月内提起行政诉讼");
		d.put("documentNumber", number);
		d.put("decidingOrganisation", "自治区市场监督管理局");
		d.put("effectiveDate", "2026-01-01");
		d.put("plannedEnd", "2099-12-31");
		return d;
	}

	ResultActions include(Map<String, Object> d) throws Exception {
		return mvc.perform(post("/api/v1/lists/serious-dishonesty").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(d)));
	}

	long events(String kind) {
		return jdbc.sql("select count(*) from ledger_leaf where kind = ?").param(kind).query(Long.class).single();
	}

	@Test
	void incompleteDecisionDocumentsAreRefused() throws Exception {
		for (String field : List.of("reason", "basis", "category", "measures", "removalConditions", "remedies",
				"documentNumber", "legalRepresentative")) {
			Map<String, Object> d = document("宁失信〔2026〕missing-" + field);
			d.remove(field);
			include(d).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.code").value("LIST_DOCUMENT_INCOMPLETE"))
				.andExpect(jsonPath("$.title", containsString(field)));
		}
		assertThat(jdbc.sql("select count(*) from list_entry where document_number like '%missing-%'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void inclusionShowsLegalRepresentativeAndRemovalIsByDocument() throws Exception {
		long included = events("LIST_INCLUDED");
		long removed = events("LIST_REMOVED");
		String body = include(document("宁失信〔2026〕1号")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.legalRepresentative").value("张三"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = json.readTree(body).get("id").asLong();
		assertThat(events("LIST_INCLUDED")).isEqualTo(included + 1);

		mvc.perform(get("/api/v1/lists/serious-dishonesty/" + id + "/decision").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("法定代表人（主要负责人）")))
			.andExpect(content().string(containsString("张三")))
			.andExpect(content().string(containsString("救济措施")));
		mvc.perform(get("/api/v1/lists/serious-dishonesty").header("X-Api-Key", KEY))
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());

		mvc.perform(post("/api/v1/lists/serious-dishonesty/" + id + "/removal").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"REPAIR\",\"reason\":\"已完成信用修复\"}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("LIST_DOCUMENT_INCOMPLETE"));
		mvc.perform(post("/api/v1/lists/serious-dishonesty/" + id + "/removal").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\":\"REPAIR\",\"documentNumber\":\"宁移出〔2026〕1号\",\"reason\":\"已完成信用修复\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.removal.kind").value("REPAIR"));
		assertThat(events("LIST_REMOVED")).isEqualTo(removed + 1);
		mvc.perform(get("/api/v1/lists/serious-dishonesty").header("X-Api-Key", KEY))
			.andExpect(jsonPath("$[?(@.id == " + id + ")]").doesNotExist());
	}
}
