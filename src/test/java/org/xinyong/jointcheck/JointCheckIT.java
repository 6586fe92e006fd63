package org.xinyong.jointcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.Organisations;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.measures.Matter;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The joint check (art. 34, 46, 47): for each status and each matter exactly the applicable measures in force;
 * input validation; feedback; overdue after the working-day limit; audit and the subject's "who queried me".
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClock.class)
class JointCheckIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String DEMO_ORG = "12640000MB1900051C";
	static final String SERIOUS = "91640100JC10000124";
	static final String DISHONEST = "91640100JC1000020Y";
	static final String CLEAR = "91640100JC1000039U";
	static final String REWARDED = "91640100JC1000047N";
	static final String UNKNOWN = "91640100JC1000055H";
	static final String BAD_CHECK_CHARACTER = "91640100JC10000125";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	JointChecks checks;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Organisations organisations;

	@Autowired
	org.xinyong.audit.AuditChain auditChain;

	@BeforeEach
	void subjects() throws Exception {
		if (subjectId(SERIOUS) == null) {
			submit("ADMIN_PENALTY", "jc-serious", SubmissionApiIT.penalty(SERIOUS, "银川核查严重失信有限公司", "银市监罚〔2026〕901号"));
			submit("ADMIN_PENALTY", "jc-dishonest", SubmissionApiIT.penalty(DISHONEST, "银川核查失信有限公司", "银市监罚〔2026〕902号"));
			submit("CONTRACT_PERFORMANCE", "jc-clear", contract(CLEAR, "银川核查守约有限公司", "HT-JC-1"));
			submit("CONTRACT_PERFORMANCE", "jc-reward", contract(REWARDED, "银川核查守信有限公司", "HT-JC-2"));
			mvc.perform(post("/api/v1/lists/serious-dishonesty").header("X-Api-Key", KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(seriousDecision(SERIOUS))))
				.andExpect(status().isCreated());
			ReadModel.awaitProjected(jdbc);
			// a real reward-list entry, confirmed by an organisation
			mvc.perform(post("/api/v1/lists/rewards").header("X-Api-Key", KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(org.xinyong.lists.ListFixtures.reward(REWARDED, "宁激励〔2026〕核查1号",
						"GOOD_GRADE", "自治区发展和改革委员会", "2026-01-01"))))
				.andExpect(status().isCreated());
		}
	}

	Long subjectId(String code) {
		return jdbc.sql("select id from credit_subject where code = ?").param(code).query(Long.class).optional().orElse(null);
	}

	void submit(String item, String key, Map<String, Object> record) throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", item, "submissionKey", key, "records", List.of(record)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	static Map<String, Object> contract(String code, String name, String number) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", code);
		r.put("contractNumber", number);
		r.put("contractName", "设备采购合同");
		r.put("signedOn", "2025-06-01");
		r.put("performanceStatus", "FULFILLED");
		r.put("recordDate", "2026-01-10");
		r.put("sourceUnit", "演示系统");
		r.put("sourceUnitCode", DEMO_ORG);
		return r;
	}

	static Map<String, Object> seriousDecision(String code) {
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("subjectCode", code);
		d.put("legalRepresentative", "李四");
		d.put("category", "HEALTH_AND_SAFETY");
		d.put("reason", "生产销售不符合安全标准的食品，造成严重后果");
		d.put("basis", "《宁夏回族自治区社会信用条例》第四十三条第一项");
		d.put("measures", "限制参与政府采购");
		d.put("removalConditions", "期满自动移出");
		d.put("remedies", "可依法申请行政复议或提起行政诉讼");
		d.put("documentNumber", "宁失信〔2026〕JC-1号");
		d.put("decidingOrganisation", "自治区市场监督管理局");
		d.put("effectiveDate", "2026-01-01");
		d.put("plannedEnd", "2099-12-31");
		return d;
	}

	ResultActions check(String key, String code, String matter, String reference) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subjectCode", code);
		body.put("matter", matter);
		body.put("reference", reference);
		return mvc.perform(post("/api/v1/joint-checks").header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	JsonNode checkOk(String code, String matter) throws Exception {
		return json.readTree(check(KEY, code, matter, "案-" + matter).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	@Test
	void theAnswerCarriesThePlatformsLatestGrade(@Autowired org.xinyong.evaluation.Evaluations evaluations)
			throws Exception {
		evaluations.runNow("MANUAL", "test");
		var grade = evaluations.latestGrade(subjectId(CLEAR)).orElseThrow();
		JsonNode answer = checkOk(CLEAR, "LICENSING");
		assertThat(answer.get("status").asString()).isEqualTo("CLEAR");
		assertThat(answer.get("subject").get("grade").get("grade").asString()).isEqualTo(grade.grade());
		assertThat(answer.get("subject").get("grade").get("score").asInt()).isEqualTo(grade.score());
		// the grade is information only: a clear subject gets no measure from it
		assertThat(answer.get("measures").size()).isZero();
		JsonNode unknownGrade = checkOk(UNKNOWN, "LICENSING").get("subject").get("grade");
		assertThat(unknownGrade == null || unknownGrade.isNull()).isTrue();
		// a later run counts only once completed: neither while it runs nor when it failed
		long run = jdbc.sql("""
				insert into evaluation_run (model_version, as_of, data_cutoff, trigger, started_by, started_at)
				select model_version, as_of + 1, now(), 'MANUAL', 'test', now() from evaluation_run order by id desc limit 1
				returning id""").query(Long.class).single();
		jdbc.sql("insert into evaluation_result (run_id, subject_id, score, grade, explanation) values (?, ?, 1, 'Z', '[]')")
			.params(run, subjectId(CLEAR))
			.update();
		String progress = """
				insert into evaluation_run_progress (run_id, seq, state, processed, total, failure, recorded_at)
				values (?, ?, ?, 1, 1, ?, now())""";
		jdbc.sql(progress).params(run, 1, "RUNNING", null).update();
		assertThat(checkOk(CLEAR, "LICENSING").get("subject").get("grade").get("grade").asString())
			.isEqualTo(grade.grade());
		jdbc.sql(progress).params(run, 2, "FAILED", "test").update();
		assertThat(checkOk(CLEAR, "LICENSING").get("subject").get("grade").get("score").asInt())
			.isEqualTo(grade.score());
		assertThat(evaluations.latestGrade(subjectId(CLEAR)).orElseThrow().score()).isEqualTo(grade.score());
	}

	/** The ids the measures in force say apply to one of the targets and the matter. */
	Set<String> expected(Set<String> targets, String matter) throws Exception {
		JsonNode inForce = json.readTree(mvc.perform(get("/api/v1/measures/in-force").header("X-Api-Key", KEY))
			.andReturn()
			.getResponse()
			.getContentAsString());
		Set<String> ids = new TreeSet<>();
		for (JsonNode m : inForce) {
			boolean target = false;
			for (JsonNode t : m.get("appliesTo")) {
				target |= targets.contains(t.asString());
			}
			boolean matches = false;
			for (JsonNode x : m.get("matters")) {
				matches |= x.asString().equals(matter);
			}
			if (target && matches) {
				ids.add(m.get("id").asString());
			}
		}
		return ids;
	}

	static Set<String> ids(JsonNode answer) {
		Set<String> ids = new TreeSet<>();
		answer.get("measures").forEach(m -> ids.add(m.get("measureId").asString()));
		return ids;
	}

	@Test
	void seriousEntryGetsExactlyTheMeasuresOfItsCategoryAndMatter() throws Exception {
		JsonNode procurement = checkOk(SERIOUS, "PROCUREMENT");
		assertThat(procurement.get("status").asString()).isEqualTo("SERIOUS_DISHONESTY");
		assertThat(procurement.get("subject").get("name").asString()).isEqualTo("银川核查严重失信有限公司");
		assertThat(ids(procurement)).contains("P-1-01", "P-2-04", "P-2-06").doesNotContain("P-1-02", "I-40-03");
		// P-1-01 applies for the serious entry, P-2-04 (also for general records) is attributed to the entry first
		assertThat(procurement.get("measures").get(0).get("listEntry").asString()).startsWith("serious-dishonesty:");
		assertThat(procurement.get("records").size()).isEqualTo(1);
		JsonNode employment = checkOk(SERIOUS, "PUBLIC_EMPLOYMENT");
		// P-1-09 and P-1-11 are for national-defence / refusing-obligations entries, not health and safety
		assertThat(ids(employment)).doesNotContain("P-1-09", "P-1-11");
		for (Matter matter : Matter.values()) {
			JsonNode answer = checkOk(SERIOUS, matter.name());
			assertThat(ids(answer)).as(matter.name())
				.isEqualTo(expected(Set.of("SERIOUS_HEALTH_AND_SAFETY", "DISHONESTY_RECORD"), matter.name()));
			answer.get("measures").forEach(m -> assertThat(m.get("kind").asString()).isEqualTo("PUNISHMENT"));
		}
	}

	@Test
	void dishonestyRecordsOnlyGetTheMeasuresForRecords() throws Exception {
		JsonNode licensing = checkOk(DISHONEST, "LICENSING");
		assertThat(licensing.get("status").asString()).isEqualTo("DISHONESTY");
		assertThat(ids(licensing)).containsExactly("P-2-01", "P-2-03", "P-2-04");
		assertThat(licensing.get("records").get(0).get("catalogItem").asString()).isEqualTo("ADMIN_PENALTY");
		assertThat(licensing.get("measures").get(0).get("listEntry").asString()).startsWith("record:");
		assertThat(ids(checkOk(DISHONEST, "PUBLIC_EMPLOYMENT"))).isEmpty();
		for (Matter matter : Matter.values()) {
			assertThat(ids(checkOk(DISHONEST, matter.name()))).as(matter.name())
				.isEqualTo(expected(Set.of("DISHONESTY_RECORD"), matter.name()));
		}
	}

	@Test
	void clearUnknownAndRewardedSubjects() throws Exception {
		for (Matter matter : Matter.values()) {
			JsonNode clear = checkOk(CLEAR, matter.name());
			assertThat(clear.get("status").asString()).isEqualTo("CLEAR");
			assertThat(clear.get("measures").size()).isZero();
			assertThat(clear.get("records").size()).isZero();
			JsonNode unknown = checkOk(UNKNOWN, matter.name());
			assertThat(unknown.get("status").asString()).isEqualTo("UNKNOWN_SUBJECT");
			assertThat(unknown.get("measures").size()).isZero();
			JsonNode reward = checkOk(REWARDED, matter.name());
			assertThat(reward.get("status").asString()).isEqualTo("REWARD");
			assertThat(ids(reward)).as(matter.name()).isEqualTo(expected(Set.of("REWARD"), matter.name()));
			reward.get("measures").forEach(m -> {
				assertThat(m.get("kind").asString()).isEqualTo("INCENTIVE");
				assertThat(m.get("listEntry").asString()).startsWith("reward:");
			});
		}
		assertThat(ids(checkOk(REWARDED, "HONOURS"))).containsExactly("I-40-05", "I-40-06");
		assertThat(ids(checkOk(REWARDED, "BIDDING"))).containsExactly("I-40-03");
	}

	@Test
	void invalidInputIsRefusedWithStableCodes() throws Exception {
		check(KEY, SERIOUS, "SHOPPING", "案-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("JOINT_CHECK_MATTER_INVALID"))
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"));
		check(KEY, SERIOUS, null, "案-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("JOINT_CHECK_MATTER_REQUIRED"));
		check(KEY, SERIOUS, "BIDDING", " ").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("JOINT_CHECK_REFERENCE_REQUIRED"));
		String code = json.readTree(check(KEY, BAD_CHECK_CHARACTER, "BIDDING", "案-1").andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString()).get("code").asString();
		assertThat(code).contains("CHECK");
		mvc.perform(post("/api/v1/joint-checks").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().is4xxClientError());
	}

	String feedback(String key, String checkId, List<String> measures, int expected) throws Exception {
		return mvc.perform(post("/api/v1/joint-checks/" + checkId + "/feedback").header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("measuresApplied", measures, "outcome", "已按清单实施", "note", "备注"))))
			.andExpect(status().is(expected))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void feedbackOnlyByTheCheckingOrganisationOnlyForReturnedMeasuresAndOnlyOnce() throws Exception {
		JsonNode answer = checkOk(SERIOUS, "BIDDING");
		String checkId = answer.get("checkId").asString();
		assertThat(ids(answer)).contains("P-1-02");
		long market = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		String otherKey = apiKeys.issue(market, "joint-check test", "test").plainKey();
		assertThat(feedback(otherKey, checkId, List.of("P-1-02"), 403)).contains("JOINT_CHECK_OTHER_ORGANISATION");
		assertThat(feedback(KEY, checkId, List.of("P-1-01"), 422)).contains("JOINT_CHECK_MEASURE_NOT_RETURNED");
		assertThat(feedback(KEY, checkId, List.of("P-1-02"), 200)).contains("P-1-02");
		assertThat(feedback(KEY, checkId, List.of("P-1-02"), 409)).contains("JOINT_CHECK_FEEDBACK_GIVEN");
		assertThat(jdbc.sql("select count(*) from joint_check_feedback where check_id = cast(? as uuid)")
			.param(checkId)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void checksWithoutFeedbackBecomeOverdueAfterTheWorkingDayLimit() throws Exception {
		assertThat(checks.feedbackWorkingDays()).isEqualTo(5);
		String open = checkOk(CLEAR, "FUNDING").get("checkId").asString();
		String answered = checkOk(CLEAR, "HONOURS").get("checkId").asString();
		feedback(KEY, answered, List.of(), 200);
		LocalDate today = LocalDate.of(2026, 11, 26); // Thursday; 5 working days later is Thursday 2026-12-03
		assertThat(checks.overdue(today, LocalDate.of(2026, 12, 3))).isFalse();
		assertThat(checks.overdue(today, LocalDate.of(2026, 12, 4))).isTrue();
		// a deadline reaching a year whose holiday notice is not loaded counts Monday to Friday instead of failing
		assertThat(checks.overdue(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 8))).isFalse();
		assertThat(checks.overdue(LocalDate.of(2027, 6, 1), LocalDate.of(2027, 6, 9))).isTrue();
		CheckOverview onTime = checks.overview(LocalDate.of(2026, 12, 3));
		assertThat(onTime.overdue()).noneMatch(c -> c.checkId().toString().equals(open));
		CheckOverview late = checks.overview(LocalDate.of(2026, 12, 4));
		assertThat(late.overdue()).anyMatch(c -> c.checkId().toString().equals(open))
			.noneMatch(c -> c.checkId().toString().equals(answered));
		CheckOverview.PerOrganisation demo = late.organisations()
			.stream()
			.filter(o -> o.organisationCode().equals(DEMO_ORG))
			.findFirst()
			.orElseThrow();
		assertThat(demo.overdue()).isPositive();
		assertThat(demo.checks()).isEqualTo(demo.answered() + demo.pending() + demo.overdue());
		// today (fixed clock) nothing of today is overdue; the console shows counts per organisation
		MockHttpSession admin = (MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
				.user("admin")
				.password("admin@Demo2026"))
			.andReturn()
			.getRequest()
			.getSession();
		mvc.perform(get("/console/joint-checks").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("org-" + DEMO_ORG)))
			.andExpect(content().string(containsString("逾期未反馈")));
	}

	@Test
	void everyCheckIsAuditedAndTheSubjectSeesIt() throws Exception {
		String reference = "审计-" + System.nanoTime();
		check(KEY, DISHONEST, "FUNDING", reference).andExpect(status().isOk());
		List<Map<String, Object>> rows = jdbc.sql("""
				select action, outcome, organisation_code, subject_ref, purpose from audit_event
				where action = 'JOINT_CHECK_READ' and purpose like ?""").param("%" + reference).query().listOfRows();
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)).containsEntry("organisation_code", DEMO_ORG).containsEntry("subject_ref", DISHONEST);
		// checks are audited in batches (group commit): the hash chain stays intact
		assertThat(auditChain.verify().intact()).isTrue();
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", DISHONEST)
			.param("verificationCode", "246810")
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/account/queries").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("联合奖惩核查")))
			.andExpect(content().string(containsString(reference)));
	}

	@Test
	void publishingASupplementaryListChangesTheAnswer() throws Exception {
		Set<String> before = ids(checkOk(DISHONEST, "OTHER"));
		JsonNode list = json.readTree(postJson("/api/v1/measures/supplementary-lists",
				Map.of("level", "REGION", "regionCode", "640000", "regionName", "自治区", "title", "核查测试补充清单")));
		long id = list.get("id").asLong();
		JsonNode measure = json.readTree(postJson("/api/v1/measures/supplementary-lists/" + id + "/measures",
				Map.of("baseMeasureId", "P-2-01", "target", "有失信信息的经营主体", "measure", "纳入本地区重点监管名单",
						"basis", "自治区人民政府规章", "implementingUnit", "自治区市场监督管理局", "appliesTo",
						List.of("DISHONESTY_RECORD"), "matters", List.of("OTHER"))));
		String measureId = measure.get("id").asString();
		for (String step : List.of("CONSULTATION", "APPROVED")) {
			postJson("/api/v1/measures/supplementary-lists/" + id + "/transitions", Map.of("status", step, "note", "文件"));
		}
		assertThat(ids(checkOk(DISHONEST, "OTHER"))).isEqualTo(before).doesNotContain(measureId);
		postJson("/api/v1/measures/supplementary-lists/" + id + "/transitions", Map.of("status", "PUBLISHED"));
		Set<String> after = ids(checkOk(DISHONEST, "OTHER"));
		assertThat(after).contains(measureId);
		assertThat(ids(checkOk(DISHONEST, "LICENSING"))).doesNotContain(measureId);
	}

	String postJson(String path, Map<String, Object> body) throws Exception {
		String response = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body))).andReturn().getResponse().getContentAsString();
		assertThat(response).doesNotContain("\"code\":\"");
		return response;
	}

	static List<String> list(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}
}
