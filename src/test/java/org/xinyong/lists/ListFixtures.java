package org.xinyong.lists;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/** Documents and requests shared by the lists' tests (the demo department system's key). */
public final class ListFixtures {

	static final String KEY = "test-demo-key-0123456789";

	private ListFixtures() {
	}

	public static Map<String, Object> licence(String code, String name, String number) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", code);
		r.put("licenceDocumentNumber", number);
		r.put("licenceCategory", "GENERAL");
		r.put("licenceContent", "食品经营许可");
		r.put("decisionDate", "2026-06-01");
		r.put("validFrom", "2026-06-01");
		r.put("authority", "银川市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	static Map<String, Object> decision(String code, String number, String category, String organisation,
			String effective) {
		Map<String, Object> d = new LinkedHashMap<>(SeriousDishonestyListIT.document(number));
		d.put("subjectCode", code);
		d.put("category", category);
		d.put("decidingOrganisation", organisation);
		d.put("effectiveDate", effective);
		return d;
	}

	public static Map<String, Object> reward(String code, String number, String ground, String organisation,
			String effective) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("subjectCode", code);
		d.put("ground", ground);
		d.put("groundDetail", "2026 年度信用评价 A 级（来源：自治区市场监督管理局信用评价结果）");
		d.put("documentNumber", number);
		d.put("confirmingOrganisation", organisation);
		d.put("effectiveDate", effective);
		d.put("plannedEnd", "2099-12-31");
		return d;
	}

	public static ResultActions postJson(MockMvc mvc, JsonMapper json, String path, Object body) throws Exception {
		return mvc.perform(post(path).header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}
}
