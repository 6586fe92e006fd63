package org.xinyong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishing model versions (validation errors, old versions kept), grade thresholds at their boundaries, and a run
 * started through the API whose progress is recorded per chunk (small chunks here).
 */
@SpringBootTest(properties = { "xinyong.portal.rate-limit.enabled=false", "xinyong.evaluation.chunk-size=1" })
@AutoConfigureMockMvc
@Import(FixedClock.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationModelIT {

	static final String AT_A = "91430122707233692A";
	static final String BELOW_A = "91640100MA7AC0U13A";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Evaluations evaluations;

	@Autowired
	StaffUsers users;

	RequestPostProcessor admin() {
		return user(users.byUsername("admin").orElseThrow());
	}

	/** The default model as a map, changed by {@code edit}. */
	Map<String, Object> model(Consumer<Map<String, Object>> edit) throws Exception {
		Map<String, Object> m = json.readValue(json.writeValueAsString(evaluations.model(1).orElseThrow().model()),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		edit.accept(m);
		return m;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> indicator(Map<String, Object> m, int i) {
		return ((List<Map<String, Object>>) m.get("indicators")).get(i);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> grade(Map<String, Object> m, int i) {
		return ((List<Map<String, Object>>) m.get("grades")).get(i);
	}

	void refused(Map<String, Object> model, String code, String text) throws Exception {
		mvc.perform(post("/api/v1/evaluation/models").with(admin())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("model", model, "note", "bad"))))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value(code))
			.andExpect(jsonPath("$.title", containsString(text)));
	}

	@Test
	@Order(1)
	void invalidModelsAreRefusedWithClearErrors() throws Exception {
		refused(model(m -> grade(m, 1).put("minScore", 800)), "EVALUATION_GRADES_ORDER", "800");
		refused(model(m -> grade(m, 3).put("minScore", 100)), "EVALUATION_GRADE_OPEN_BAND", "D");
		refused(model(m -> indicator(m, 0).put("catalogItem", "NO_SUCH_ITEM")), "EVALUATION_INDICATOR_ITEM_UNKNOWN",
				"NO_SUCH_ITEM");
		refused(model(m -> indicator(m, 0).put("severity", "FATAL")), "EVALUATION_INDICATOR_VALUE_UNKNOWN", "FATAL");
		refused(model(m -> indicator(m, 0).put("points", 0)), "EVALUATION_INDICATOR_POINTS", "PENALTY_SERIOUS");
		refused(model(m -> indicator(m, 0).put("maxPoints", 50)), "EVALUATION_INDICATOR_CAP", "50");
		refused(model(m -> indicator(m, 1).put("code", "PENALTY_SERIOUS")), "EVALUATION_INDICATOR_DUPLICATE",
				"PENALTY_SERIOUS");
		refused(model(m -> indicator(m, 6).put("field", "noSuchField")), "EVALUATION_INDICATOR_FIELD_UNKNOWN",
				"noSuchField");
		// department systems may read but not publish
		mvc.perform(post("/api/v1/evaluation/models").header("X-Api-Key", EvaluationFixtures.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("model", model(m -> {
			}))))).andExpect(status().isForbidden());
		assertThat(evaluations.models()).hasSize(1);
		// the console shows the broken rule and keeps the edited text
		mvc.perform(post("/console/evaluation/models").with(admin())
			.with(csrf())
			.param("definition", json.writeValueAsString(model(m -> grade(m, 1).put("minScore", 800)))))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("failure", containsString("等级阈值须从高到低排列")));
		mvc.perform(post("/console/evaluation/models").with(admin()).with(csrf()).param("definition", "{not json"))
			.andExpect(flash().attribute("failure", containsString("不是有效的 JSON")));
	}

	@Test
	@Order(2)
	void thresholdsAreInclusiveAndNewVersionsKeepOldOnes() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_LICENCE", "model-licences",
				List.of(EvaluationFixtures.licence(AT_A, "长沙某某建设有限公司", "湘许〔2026〕7号"),
						EvaluationFixtures.licence(BELOW_A, "宁夏某某商贸有限公司", "宁许〔2026〕8号")));
		EvaluationFixtures.submit(mvc, json, jdbc, "HONOUR", "model-honour", List.of(honour(AT_A)));
		// a model where licence and honour (+2 +10) reach A exactly and a licence alone (+2) reaches B exactly
		Map<String, Object> m = model(x -> {
			x.put("name", "测试模型");
			x.put("baseScore", 100);
			List<Map<String, Object>> kept = new ArrayList<>();
			for (int i = 0; i < 11; i++) {
				Map<String, Object> ind = indicator(x, i);
				if (ind.get("code").equals("LICENCE")) {
					kept.add(ind);
				}
				if (ind.get("code").equals("HONOUR_HIGH")) {
					ind.put("points", 10);
					ind.put("maxPoints", 10);
					kept.add(ind);
				}
			}
			x.put("indicators", kept);
			grade(x, 0).put("minScore", 112);
			grade(x, 1).put("minScore", 102);
			grade(x, 2).put("minScore", 101);
		});
		mvc.perform(post("/api/v1/evaluation/models").with(admin())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("model", m, "note", "thresholds"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.version").value(2));
		assertThat(evaluations.models()).extracting(ModelVersion::version).containsExactly(2, 1);
		assertThat(evaluations.model(1).orElseThrow().model().baseScore()).isEqualTo(700);

		String started = mvc.perform(post("/api/v1/evaluation/runs").with(admin()).with(csrf()))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long run = json.readTree(started).get("id").asLong();
		ReadModel.await(jdbc, "select exists (select 1 from evaluation_run_progress where run_id = ? and state <> 'RUNNING')",
				"the run did not finish", run);
		EvaluationRun done = evaluations.run(run).orElseThrow();
		assertThat(done.state()).isEqualTo("DONE");
		assertThat(done.modelVersion()).isEqualTo(2);
		assertThat(done.processed()).isEqualTo(done.total());
		assertThat(done.finishedAt()).isNotNull();
		// one progress row per chunk (here one subject id each), plus the first and the last
		long rows = jdbc.sql("select count(*) from evaluation_run_progress where run_id = ?").param(run)
			.query(Long.class).single();
		long span = jdbc.sql("select max(id) - min(id) + 1 from credit_subject").query(Long.class).single();
		assertThat(rows).isEqualTo(span + 2);
		assertThat(jdbc.sql("select count(distinct processed) from evaluation_run_progress where run_id = ?")
			.param(run).query(Long.class).single()).isGreaterThan(2);
		mvc.perform(get("/api/v1/evaluation/runs/" + run).header("X-Api-Key", EvaluationFixtures.KEY))
			.andExpect(jsonPath("$.state").value("DONE"))
			.andExpect(jsonPath("$.processed").value(done.total()));

		Grade a = evaluations.latestGrade(subject(AT_A)).orElseThrow();
		assertThat(a.score()).isEqualTo(112);
		assertThat(a.grade()).isEqualTo("A");
		Grade b = evaluations.latestGrade(subject(BELOW_A)).orElseThrow();
		assertThat(b.score()).isEqualTo(102);
		assertThat(b.grade()).isEqualTo("B");
		assertThat(a.modelVersion()).isEqualTo(2);
	}

	long subject(String code) {
		return jdbc.sql("select id from credit_subject where code = ?").param(code).query(Long.class).single();
	}

	static Map<String, Object> honour(String code) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", "长沙某某建设有限公司");
		r.put("subjectCode", code);
		r.put("honourName", "自治区守合同重信用企业");
		r.put("honourLevel", "REGIONAL");
		r.put("documentNumber", "宁政发〔2026〕5号");
		r.put("awardDate", "2026-05-01");
		r.put("awardingUnit", "宁夏回族自治区人民政府");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}
}
