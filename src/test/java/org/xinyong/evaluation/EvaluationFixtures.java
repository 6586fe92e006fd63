package org.xinyong.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.portal.WebsiteFixtures;

import tools.jackson.databind.json.JsonMapper;

/** Records for the evaluation tests, submitted through the submissions API with the demo key. */
final class EvaluationFixtures {

	static final String KEY = WebsiteFixtures.KEY;

	private EvaluationFixtures() {
	}

	static Map<String, Object> licence(String code, String name, String number) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", code);
		r.put("licenceDocumentNumber", number);
		r.put("licenceCategory", "GENERAL");
		r.put("licenceContent", "食品经营许可");
		r.put("decisionDate", "2026-02-01");
		r.put("validFrom", "2026-02-01");
		r.put("authority", "银川市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	static Map<String, Object> sectorResult(String code, String name, String grade) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", code);
		r.put("evaluationScheme", "TAX_CREDIT");
		r.put("evaluationName", "纳税信用等级评价");
		r.put("evaluationPeriod", "2025年度");
		r.put("grade", grade);
		r.put("gradeMeaning", "纳税信用优秀");
		r.put("evaluationDate", "2026-04-20");
		r.put("validTo", "2027-04-30");
		r.put("evaluator", "国家税务总局宁夏回族自治区税务局");
		r.put("evaluatorCode", "11640000MB1900027Y");
		r.put("sourceUnit", "国家税务总局宁夏回族自治区税务局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	static void submit(MockMvc mvc, JsonMapper json, JdbcClient jdbc, String item, String key,
			List<Map<String, Object>> records) throws Exception {
		WebsiteFixtures.submit(mvc, json, item, key, records);
		WebsiteFixtures.awaitProjected(jdbc);
	}
}
