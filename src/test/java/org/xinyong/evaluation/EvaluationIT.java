package org.xinyong.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.access.StaffUsers;
import org.xinyong.disclosure.DisclosureEndings;
import org.xinyong.portal.WebsiteFixtures;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.json.JsonMapper;

/**
 * Grades from records submitted through the API: explanations add up to the score, a serious penalty lowers the
 * grade, revoked and repaired records stop counting, runs are kept, sector results are shown beside the grade.
 */
@SpringBootTest(properties = { "xinyong.portal.rate-limit.enabled=false", "xinyong.evaluation.chunk-size=1000" })
@AutoConfigureMockMvc
@Import(FixedClock.class)
class EvaluationIT {

	static final String ORG = "91430122707233692A";
	static final String ORG_NAME = "长沙某某建设有限公司";
	static final String REPAIRED = "91640100MA7AC0U13A";
	static final String REPAIRED_NAME = "宁夏某某商贸有限公司";
	static final String SECTOR = "91370400728618604X";
	static final String SECTOR_NAME = "枣庄某某机械有限公司";
	static final String CONSOLE = "91350100M000100Y43";
	static final String OWN = "91640100MA7D2C4K4E";
	static final String PERSON = "11010519491231002X";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Evaluations evaluations;

	@Autowired
	CreditSubjects subjects;

	@Autowired
	DisclosureEndings endings;

	@Autowired
	StaffUsers users;

	long id(String code) {
		return subjects.byCode(code).orElseThrow().id();
	}

	UUID record(String naturalKey) {
		return jdbc.sql("select record_id from record_version where natural_key = ? limit 1")
			.param(naturalKey)
			.query(UUID.class)
			.single();
	}

	static void assertAddsUp(Grade g) {
		assertThat(g.explanation().stream().mapToInt(Contribution::points).sum()).isEqualTo(g.score());
		assertThat(g.explanation().get(0).indicator()).isEqualTo(Contribution.BASE);
	}

	@Test
	void seriousPenaltyLowersTheGradeAndRevocationRestoresItWhileOldRunsAreKept() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_LICENCE", "eval-licence",
				List.of(EvaluationFixtures.licence(ORG, ORG_NAME, "湘许〔2026〕1号")));
		EvaluationRun first = evaluations.runNow("MANUAL", "test");
		assertThat(first.state()).isEqualTo("DONE");
		assertThat(first.processed()).isEqualTo(first.total()).isPositive();
		Grade before = evaluations.latestGrade(id(ORG)).orElseThrow();
		assertThat(before.score()).isEqualTo(700 + 2);
		assertThat(before.grade()).isEqualTo("B");
		assertThat(before.modelVersion()).isEqualTo(1);
		assertThat(before.asOf()).isEqualTo(LocalDate.of(2026, 11, 26));
		assertThat(before.explanation()).extracting(Contribution::indicator).containsExactly("BASE", "LICENCE");
		assertThat(before.explanation().get(1).records()).containsExactly(record("湘许〔2026〕1号").toString());
		assertAddsUp(before);

		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_PENALTY", "eval-serious",
				List.of(WebsiteFixtures.penalty(ORG, ORG_NAME, "湘罚〔2026〕9号", "SERIOUS", "2026-03-15"),
						WebsiteFixtures.penalty(ORG, ORG_NAME, "湘罚〔2026〕10号", "GENERAL", "2026-04-15"),
						// minor penalties are not disclosed (0 months) and so do not count
						WebsiteFixtures.penalty(ORG, ORG_NAME, "湘罚〔2026〕11号", "MINOR", "2026-05-15")));
		EvaluationRun second = evaluations.runNow("MANUAL", "test");
		Grade after = evaluations.latestGrade(id(ORG)).orElseThrow();
		assertThat(after.runId()).isEqualTo(second.id());
		assertThat(after.score()).isEqualTo(700 + 2 - 100 - 30);
		assertThat(after.grade()).isEqualTo("C");
		assertThat(after.explanation()).extracting(Contribution::indicator)
			.containsExactly("BASE", "PENALTY_SERIOUS", "PENALTY_GENERAL", "LICENCE");
		assertThat(after.explanation().get(1).records()).containsExactly(record("湘罚〔2026〕9号").toString());
		assertAddsUp(after);
		// the earlier run's result is kept unchanged
		assertThat(evaluations.grade(id(ORG), first.id()).orElseThrow().grade()).isEqualTo("B");
		assertThat(evaluations.history(id(ORG))).extracting(Grade::grade).containsExactly("C", "B");
		assertThat(evaluations.changedSubjects(second.id())).contains(id(ORG));
		assertThatThrownBy(() -> jdbc.sql("update evaluation_result set grade = 'A'").update())
			.rootCause()
			.hasMessageContaining("append-only");

		mvc.perform(post("/api/v1/records/" + record("湘罚〔2026〕9号") + "/revocation").header("X-Api-Key",
				EvaluationFixtures.KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"行政复议撤销原处罚决定\"}")).andExpect(status().isOk());
		ReadModel.awaitProjected(jdbc);
		evaluations.runNow("MANUAL", "test");
		Grade revoked = evaluations.latestGrade(id(ORG)).orElseThrow();
		assertThat(revoked.score()).isEqualTo(700 + 2 - 30);
		assertThat(revoked.grade()).isEqualTo("B");
		assertAddsUp(revoked);
	}

	@Test
	void repairedRecordStopsCounting() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_PENALTY", "eval-repair",
				List.of(WebsiteFixtures.penalty(REPAIRED, REPAIRED_NAME, "宁罚〔2025〕77号", "SERIOUS", "2025-06-01")));
		evaluations.runNow("MANUAL", "test");
		assertThat(evaluations.latestGrade(id(REPAIRED)).orElseThrow().score()).isEqualTo(600);
		endings.endEarly(record("宁罚〔2025〕77号"), LocalDate.of(2026, 11, 20), "REPAIR:test");
		evaluations.runNow("MANUAL", "test");
		Grade g = evaluations.latestGrade(id(REPAIRED)).orElseThrow();
		assertThat(g.score()).isEqualTo(700);
		// several subjects at once: each subject's latest, the ungraded absent
		var grades = evaluations.latestGrades(List.of(id(REPAIRED), 987_654_321L));
		assertThat(grades).containsOnlyKeys(id(REPAIRED));
		assertThat(grades.get(id(REPAIRED)).score()).isEqualTo(700);
		assertThat(grades.get(id(REPAIRED)).subjectId()).isEqualTo(id(REPAIRED));
		assertThat(g.explanation()).extracting(Contribution::indicator).containsExactly("BASE");
	}

	@Test
	void sectorResultsAreShownBesideTheGradeToThoseWhoMaySeeThem() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_LICENCE", "eval-sector-licence",
				List.of(EvaluationFixtures.licence(SECTOR, SECTOR_NAME, "鲁许〔2026〕3号")));
		EvaluationFixtures.submit(mvc, json, jdbc, "CREDIT_EVALUATION", "eval-sector",
				List.of(EvaluationFixtures.sectorResult(SECTOR, SECTOR_NAME, "A")));
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_PENALTY", "eval-person",
				List.of(WebsiteFixtures.penalty(PERSON, "王某某", "宁罚〔2026〕88号", "GENERAL", "2026-03-01")));
		evaluations.runNow("MANUAL", "test");

		mvc.perform(get("/api/v1/public/subjects/" + SECTOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.evaluation.grade").value("B"))
			.andExpect(jsonPath("$.evaluation.score").value(702))
			.andExpect(jsonPath("$.evaluation.explanation[1].indicator").value("LICENCE"))
			// the base catalog makes 信用评价结果 conditionally open: the website does not disclose the tax grade
			.andExpect(jsonPath("$.evaluation.sectorResults").isEmpty());
		mvc.perform(get("/api/v1/public/subjects/" + SECTOR + "/evaluation"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.gradeLabel").value("信用良好"));
		mvc.perform(get("/subjects/" + SECTOR))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"platform-grade\"")))
			.andExpect(content().string(not(containsString("纳税信用等级评价"))))
			.andExpect(content().string(containsString("行政许可（依法取得）：1 条，+2 分")));
		// natural persons are evaluated but never shown publicly
		assertThat(evaluations.latestGrade(id(PERSON)).orElseThrow().score()).isEqualTo(670);
		mvc.perform(get("/api/v1/public/subjects/" + PERSON + "/evaluation"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("EVALUATION_NOT_PUBLISHED"));
		// department systems read the full explanation with record ids (audited)
		mvc.perform(get("/api/v1/evaluation/subjects/" + SECTOR).header("X-Api-Key", EvaluationFixtures.KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.grade.explanation[1].records[0]").value(record("鲁许〔2026〕3号").toString()))
			.andExpect(jsonPath("$.sectorResults[0].scheme").value("TAX_CREDIT"))
			.andExpect(jsonPath("$.sectorResults[0].grade").value("A"))
			.andExpect(jsonPath("$.sectorResults[0].evaluator").value("国家税务总局宁夏回族自治区税务局"));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'EVALUATION_RESULT_READ'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void consolePagesRenderWithProgressAndExplanation() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_LICENCE", "eval-console",
				List.of(EvaluationFixtures.licence(CONSOLE, "福州某某贸易有限责任公司", "闽许〔2026〕2号")));
		EvaluationRun run = evaluations.runNow("MANUAL", "console-test");
		var admin = user(users.byUsername("admin").orElseThrow());
		mvc.perform(get("/console/evaluation").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"run-" + run.id() + "\"")))
			.andExpect(content().string(containsString(run.processed() + " / " + run.total())))
			.andExpect(content().string(containsString("id=\"run-now\"")));
		mvc.perform(get("/console/evaluation/models").with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PENALTY_SERIOUS")));
		mvc.perform(get("/console/evaluation/subjects").param("code", CONSOLE).with(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(record("闽许〔2026〕2号").toString())));
		mvc.perform(get("/console").with(admin)).andExpect(content().string(containsString("/console/evaluation")));
	}

	@Test
	void theSubjectSeesItsOwnFullExplanation() throws Exception {
		EvaluationFixtures.submit(mvc, json, jdbc, "ADMIN_LICENCE", "eval-own",
				List.of(EvaluationFixtures.licence(OWN, "宁夏某某信息技术有限公司", "宁许〔2026〕31号")));
		evaluations.runNow("MANUAL", "test");
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", OWN)
			.param("verificationCode", "246810")
			.with(csrf())).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account/evaluation").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(record("宁许〔2026〕31号").toString())))
			.andExpect(content().string(containsString("702")));
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'SUBJECT_OWN_EVALUATION_VIEWED'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}
}
