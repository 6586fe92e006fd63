package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** Submitting 行政处罚 records by API: row-level validation, idempotency, versions, corrections, revocations. */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
public class SubmissionApiIT {

	static final String KEY = "test-demo-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApplicationEvents events;

	public static Map<String, Object> penalty(String subjectCode, String name, String decisionNumber) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", subjectCode);
		r.put("legalRepresentative", "张三");
		r.put("decisionNumber", decisionNumber);
		r.put("violationType", "未按规定公示年度报告");
		r.put("facts", "当事人未按规定期限公示年度报告。");
		r.put("basis", "《企业信息公示暂行条例》第十七条");
		r.put("penaltyType", "FINE");
		r.put("penaltyContent", "罚款人民币壹万元");
		r.put("fineAmount", 1);
		r.put("decisionDate", "2026-03-15");
		r.put("authority", "某市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("severity", "GENERAL");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	ResultActions submit(String submissionKey, List<Map<String, Object>> records) throws Exception {
		Map<String, Object> body = Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey", submissionKey, "records",
				records);
		return mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long versions() {
		return jdbc.sql("select count(*) from record_version").query(Long.class).single();
	}

	@Test
	void goodRowsAreKeptAndBadRowsReportedWithTheRuleTheyBroke() throws Exception {
		long before = versions();
		List<Map<String, Object>> records = new ArrayList<>();
		records.add(penalty("91320100748204660Q", "南京某某科技有限公司", "宁市监罚〔2026〕1号"));
		var badCheck = penalty("91320100748204660R", "某公司", "宁市监罚〔2026〕2号");
		records.add(badCheck);
		var noDate = penalty("91350100M000100Y43", "某公司", "宁市监罚〔2026〕3号");
		noDate.remove("decisionDate");
		records.add(noDate);
		var badDate = penalty("91430122707233692A", "某公司", "宁市监罚〔2026〕4号");
		badDate.put("decisionDate", "2026-02-30");
		records.add(badDate);
		var badEnum = penalty("91370400728618604X", "某公司", "宁市监罚〔2026〕5号");
		badEnum.put("penaltyType", "鞭刑");
		records.add(badEnum);
		var unknownField = penalty("11320100MB1886843H", "某机关", "宁市监罚〔2026〕6号");
		unknownField.put("remark", "x");
		records.add(unknownField);
		var noBasis = penalty("91320100748204660Q", "南京某某科技有限公司", "");
		records.add(noBasis);
		records.add(penalty("11010519491231002X", "李四", "宁市监罚〔2026〕8号"));

		submit("mixed-1", records).andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(2))
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.rejected").value(6))
			.andExpect(jsonPath("$.errors[?(@.row == 2)].code").value(org.hamcrest.Matchers.hasItem("USCC_CHECK_CHARACTER")))
			.andExpect(jsonPath("$.errors[?(@.row == 2)].field").value(org.hamcrest.Matchers.hasItem("subjectCode")))
			.andExpect(jsonPath("$.errors[?(@.row == 3)].code").value(org.hamcrest.Matchers.hasItem("FIELD_REQUIRED")))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].code").value(org.hamcrest.Matchers.hasItem("DATE_INVALID")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].code").value(org.hamcrest.Matchers.hasItem("VALUE_NOT_ALLOWED")))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].code").value(org.hamcrest.Matchers.hasItem("FIELD_UNKNOWN")))
			.andExpect(jsonPath("$.errors[?(@.row == 7)].code")
				.value(org.hamcrest.Matchers.hasItem("BASIS_DOCUMENT_MISSING")))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("校验")));
		assertThat(versions()).isEqualTo(before + 2);
		assertThat(events.stream(CreditRecordsChanged.class)).singleElement()
			.satisfies(e -> assertThat(e.versions()).hasSize(2)
				.allSatisfy(v -> assertThat(v.kind()).isEqualTo(VersionKind.CREATED)));
	}

	@Test
	void repeatingASubmissionKeyReturnsTheFirstResultAndStoresNothingTwice() throws Exception {
		var records = List.of(penalty("91430122707233692A", "长沙某某有限公司", "湘市监罚〔2026〕11号"),
				penalty("91430122707233692A", "长沙某某有限公司", "湘市监罚〔2026〕12号"));
		submit("idem-1", records).andExpect(jsonPath("$.created").value(2)).andExpect(jsonPath("$.replay").value(false));
		long before = versions();
		long submissions = jdbc.sql("select count(*) from submission").query(Long.class).single();
		submit("idem-1", records).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(2))
			.andExpect(jsonPath("$.replay").value(true));
		assertThat(versions()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from submission").query(Long.class).single()).isEqualTo(submissions);
	}

	@Test
	void aChangedRowBecomesANewVersionAndAnUnchangedRowWritesNothing() throws Exception {
		var original = penalty("91370400728618604X", "枣庄某某有限公司", "枣市监罚〔2026〕21号");
		var other = penalty("91370400728618604X", "枣庄某某有限公司", "枣市监罚〔2026〕22号");
		submit("change-1", List.of(original, other)).andExpect(jsonPath("$.created").value(2));
		var changed = new LinkedHashMap<>(original);
		changed.put("fineAmount", 2);
		changed.put("subjectName", "枣庄某某新名称有限公司");
		submit("change-2", List.of(changed, other)).andExpect(jsonPath("$.changed").value(1))
			.andExpect(jsonPath("$.unchanged").value(1))
			.andExpect(jsonPath("$.accepted").value(2));

		mvc.perform(get("/api/v1/subjects/91370400728618604X/records").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.records", hasSize(2)))
			.andExpect(jsonPath("$.names", hasSize(2)))
			.andExpect(jsonPath("$.records[?(@.history.length() == 2)].current.kind").value(
					org.hamcrest.Matchers.hasItem("CHANGED")))
			.andExpect(jsonPath("$.records[?(@.history.length() == 2)].current.values.fineAmount").value(
					org.hamcrest.Matchers.hasItem(2)));
	}

	@Test
	void correctionsAndRevocationsAreNewVersionsWithReasonsAndNothingIsLost() throws Exception {
		submit("corr-1", List.of(penalty("91350100M000100Y43", "福州某某有限公司", "榕市监罚〔2026〕31号")))
			.andExpect(jsonPath("$.created").value(1));
		String recordId = jdbc.sql("select record_id::text from record_version where natural_key = '榕市监罚〔2026〕31号'")
			.query(String.class)
			.single();
		var corrected = penalty("91350100M000100Y43", "福州某某有限公司", "榕市监罚〔2026〕31号");
		corrected.put("fineAmount", 0.5);
		mvc.perform(post("/api/v1/records/" + recordId + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("values", corrected))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("REASON_REQUIRED"));
		mvc.perform(post("/api/v1/records/" + recordId + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("values", corrected, "reason", "罚款金额录入错误"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versionNo").value(2))
			.andExpect(jsonPath("$.kind").value("CORRECTED"));
		var badCorrection = new LinkedHashMap<>(corrected);
		badCorrection.put("decisionDate", "not a date");
		mvc.perform(post("/api/v1/records/" + recordId + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("values", badCorrection, "reason", "x"))))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("RECORD_INVALID"))
			.andExpect(jsonPath("$.errors[0].code").value("DATE_INVALID"));
		mvc.perform(post("/api/v1/records/" + recordId + "/revocation").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"处罚决定已被行政复议撤销\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.versionNo").value(3))
			.andExpect(jsonPath("$.kind").value("REVOKED"));
		mvc.perform(post("/api/v1/records/" + recordId + "/revocation").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"again\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("RECORD_ALREADY_REVOKED"));

		mvc.perform(get("/api/v1/subjects/91350100M000100Y43/records").header("X-Api-Key", KEY))
			.andExpect(jsonPath("$.records[0].revoked").value(true))
			.andExpect(jsonPath("$.records[0].history", hasSize(3)))
			.andExpect(jsonPath("$.records[0].history[0].values.fineAmount").value(1))
			.andExpect(jsonPath("$.records[0].history[1].values.fineAmount").value(0.5))
			.andExpect(jsonPath("$.records[0].history[1].reason").value("罚款金额录入错误"))
			.andExpect(jsonPath("$.records[0].history[2].reason").value("处罚决定已被行政复议撤销"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'RECORDS_READ' and subject_ref = ?")
			.param("91350100M000100Y43")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anUnknownItemAndAnEmptyKeyAreRefusedAsAWhole() throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"catalogItem\":\"NO_SUCH_ITEM\",\"submissionKey\":\"k\",\"records\":[{}]}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("CATALOG_ITEM_UNKNOWN"));
		submit(" ", List.of(penalty("91320100748204660Q", "x", "y"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SUBMISSION_KEY_REQUIRED"));
	}
}
