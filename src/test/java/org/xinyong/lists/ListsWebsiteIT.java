package org.xinyong.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.lists.ListFixtures.postJson;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.portal.WebsiteFixtures;
import org.xinyong.testing.FixedClock;

import tools.jackson.databind.json.JsonMapper;

/**
 * The lists on the website and the public API (filters, pages, entry page with the legal representative, masking),
 * and the console's forms (field-level refusal of incomplete documents, removal, reward check and confirmation,
 * candidate suggestions that list nobody).
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListsWebsiteIT {

	static final String HEALTH = "91640100MA70000692";
	static final String MARKET = "91640100MA7000077W";
	static final String EXPIRED = "91640100MA7000085P";
	static final String CANDIDATE = "91640100MA7000093J";
	static final String REWARDED = "91640100MA70001068";
	static final String PERSON = "11010519491231002X";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	long healthEntry;
	long personEntry;
	long expiredEntry;

	@BeforeAll
	void lists() throws Exception {
		WebsiteFixtures.submit(mvc, json, "ADMIN_LICENCE", "lists-web-licences",
				List.of(ListFixtures.licence(HEALTH, "银川食品安全违法有限公司", "LW-1"),
						ListFixtures.licence(MARKET, "银川扰乱市场有限公司", "LW-2"),
						ListFixtures.licence(EXPIRED, "银川已到期有限公司", "LW-3"),
						ListFixtures.licence(REWARDED, "银川守信典范有限公司", "LW-4")));
		WebsiteFixtures.submit(mvc, json, "ADMIN_PENALTY", "lists-web-penalties",
				List.of(WebsiteFixtures.penalty(PERSON, "王小明", "宁罚〔2026〕P1号", "GENERAL", "2026-05-02"),
						WebsiteFixtures.penalty(CANDIDATE, "银川严重违法有限公司", "宁罚〔2026〕C1号", "SERIOUS",
								"2026-09-09")));
		var health = ListFixtures.decision(HEALTH, "宁失信〔2026〕401号", "HEALTH_AND_SAFETY", "自治区卫生健康委员会",
				"2026-03-01");
		health.put("legalRepresentative", "李四海");
		healthEntry = id(postJson(mvc, json, "/api/v1/lists/serious-dishonesty", health));
		postJson(mvc, json, "/api/v1/lists/serious-dishonesty", ListFixtures.decision(MARKET, "宁失信〔2026〕402号",
				"MARKET_AND_SOCIAL_ORDER", "自治区市场监督管理局", "2026-09-15"))
			.andExpect(status().isCreated());
		var expired = ListFixtures.decision(EXPIRED, "宁失信〔2025〕403号", "MARKET_AND_SOCIAL_ORDER", "自治区市场监督管理局",
				"2025-01-01");
		expired.put("plannedEnd", "2025-12-31");
		expiredEntry = id(postJson(mvc, json, "/api/v1/lists/serious-dishonesty", expired));
		var person = ListFixtures.decision(PERSON, "宁失信〔2026〕404号", "REFUSING_OBLIGATIONS", "银川市中级人民法院",
				"2026-10-01");
		person.remove("legalRepresentative");
		personEntry = id(postJson(mvc, json, "/api/v1/lists/serious-dishonesty", person));
		postJson(mvc, json, "/api/v1/lists/rewards", ListFixtures.reward(REWARDED, "宁激励〔2026〕401号",
				"RELIEF_VOLUNTEER_CHARITY", "自治区民政厅", "2026-08-01"))
			.andExpect(status().isCreated());
	}

	long id(org.springframework.test.web.servlet.ResultActions result) throws Exception {
		return json.readTree(result.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
			.get("id")
			.asLong();
	}

	@Test
	void theEntryPageShowsTheDecisionAndTheLegalRepresentative() throws Exception {
		mvc.perform(get("/lists/serious-dishonesty/" + healthEntry))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("法定代表人（主要负责人）")))
			.andExpect(content().string(containsString("<dd id=\"legal-representative\">李四海</dd>")))
			.andExpect(content().string(containsString("宁失信〔2026〕401号")))
			.andExpect(content().string(containsString("自治区卫生健康委员会")))
			.andExpect(content().string(containsString("严重危害人民群众身体健康和生命安全")))
			.andExpect(content().string(containsString("移出条件和程序")))
			.andExpect(content().string(containsString("救济措施")))
			.andExpect(content().string(containsString("2099-12-31")));
		mvc.perform(get("/lists/serious-dishonesty/" + healthEntry).param("lang", "en"))
			.andExpect(content().string(containsString("Legal representative (principal)")))
			.andExpect(content().string(containsString("李四海")));
		mvc.perform(get("/api/v1/public/lists/serious-dishonesty/" + healthEntry))
			.andExpect(jsonPath("$.legalRepresentative").value("李四海"))
			.andExpect(jsonPath("$.remedies").exists());
		// past its planned end: no longer public
		mvc.perform(get("/lists/serious-dishonesty/" + expiredEntry)).andExpect(status().isNotFound());
	}

	@Test
	void naturalPersonsAreMasked() throws Exception {
		mvc.perform(get("/lists/serious-dishonesty/" + personEntry))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(not(containsString(PERSON))))
			.andExpect(content().string(not(containsString("王小明"))))
			.andExpect(content().string(not(containsString("法定代表人"))));
		mvc.perform(get("/api/v1/public/lists/serious-dishonesty"))
			.andExpect(content().string(not(containsString(PERSON))))
			.andExpect(jsonPath("$.items[?(@.id == " + personEntry + ")].subjectName").value("王**"));
	}

	@Test
	void theWebsiteFiltersByCategoryOrganisationAndDates() throws Exception {
		mvc.perform(get("/lists/serious-dishonesty"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"entry-" + healthEntry + "\"")))
			.andExpect(content().string(containsString("href=\"/lists/serious-dishonesty/" + healthEntry + "\"")))
			.andExpect(content().string(containsString("银川扰乱市场有限公司")))
			.andExpect(content().string(not(containsString("id=\"entry-" + expiredEntry + "\""))));
		mvc.perform(get("/lists/serious-dishonesty").param("category", "HEALTH_AND_SAFETY"))
			.andExpect(content().string(containsString("id=\"entry-" + healthEntry + "\"")))
			.andExpect(content().string(not(containsString("银川扰乱市场有限公司"))));
		// other tests sharing the database may add entries: every item must match the filter, ours must be there
		mvc.perform(get("/api/v1/public/lists/serious-dishonesty").param("organisation", "市场监督"))
			.andExpect(jsonPath("$.page").value(1))
			.andExpect(jsonPath("$.items[*].decidingOrganisation", everyItem(containsString("市场监督"))))
			.andExpect(jsonPath("$.items[*].documentNumber", hasItem("宁失信〔2026〕402号")))
			.andExpect(jsonPath("$.items[*].documentNumber", not(hasItem("宁失信〔2026〕401号"))));
		mvc.perform(get("/api/v1/public/lists/serious-dishonesty").param("from", "2026-09-01").param("to", "2026-09-30"))
			.andExpect(jsonPath("$.items[*].effectiveDate", everyItem(startsWith("2026-09-"))))
			.andExpect(jsonPath("$.items[*].documentNumber", hasItem("宁失信〔2026〕402号")));
		mvc.perform(get("/lists/serious-dishonesty").param("from", "2026-09-01").param("lang", "en"))
			.andExpect(content().string(containsString("银川扰乱市场有限公司")))
			.andExpect(content().string(not(containsString("银川食品安全违法有限公司"))))
			.andExpect(content().string(containsString("Serious dishonesty list")));

		mvc.perform(get("/lists/rewards").param("ground", "RELIEF_VOLUNTEER_CHARITY"))
			.andExpect(content().string(containsString("银川守信典范有限公司")))
			.andExpect(content().string(containsString("参与抢险救灾、志愿服务、慈善捐助")));
		mvc.perform(get("/api/v1/public/lists/rewards").param("ground", "COMMENDATION"))
			.andExpect(content().string(not(containsString("银川守信典范有限公司"))));
		mvc.perform(get("/api/v1/public/lists/rewards").param("organisation", "民政"))
			.andExpect(jsonPath("$.items[0].groundDetail").exists());
		mvc.perform(get("/")).andExpect(content().string(containsString("href=\"/lists/serious-dishonesty\"")))
			.andExpect(content().string(containsString("href=\"/lists/rewards\"")));
	}

	MockHttpSession admin() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("admin@Demo2026"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	@Test
	void theConsoleRefusesAnIncompleteDocumentFieldByField() throws Exception {
		MockHttpSession staff = admin();
		mvc.perform(post("/console/lists/serious").session(staff).with(csrf())
			.param("subjectCode", CANDIDATE)
			.param("reason", "食品安全严重违法")
			.param("documentNumber", "宁失信〔2026〕405号"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"missing-basis\"")))
			.andExpect(content().string(containsString("id=\"missing-remedies\"")))
			.andExpect(content().string(containsString("id=\"missing-legalRepresentative\"")))
			.andExpect(content().string(containsString("id=\"missing-category\"")))
			.andExpect(content().string(not(containsString("id=\"missing-reason\""))))
			.andExpect(content().string(containsString("食品安全严重违法")));
		assertThat(jdbc.sql("select count(*) from list_entry where document_number = '宁失信〔2026〕405号'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void candidatesAreOnlySuggested() throws Exception {
		long before = jdbc.sql("select count(*) from list_entry").query(Long.class).single();
		mvc.perform(get("/console/lists/candidates").session(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(CANDIDATE)))
			.andExpect(content().string(containsString("系统不会自动列入")))
			.andExpect(content().string(not(containsString("id=\"candidate-" + subject(PERSON) + "\""))));
		assertThat(jdbc.sql("select count(*) from list_entry").query(Long.class).single()).isEqualTo(before);
	}

	long subject(String code) {
		return jdbc.sql("select id from credit_subject where code = ?").param(code).query(Long.class).single();
	}

	@Test
	void theConsoleShowsExpiryAndRemovesAndConfirmsRewards() throws Exception {
		MockHttpSession staff = admin();
		mvc.perform(get("/console/lists").session(staff))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("到期移出")));
		mvc.perform(get("/api/v1/lists/serious-dishonesty/" + expiredEntry + "/decision").session(staff))
			.andExpect(content().string(containsString("到期移出 2026-01-01")));

		mvc.perform(get("/console/lists/rewards/check").session(staff)
			.param("subjectCode", CANDIDATE).param("ground", "GOOD_GRADE").param("groundDetail", "A 级"))
			.andExpect(content().string(containsString("不符合守信激励条件")))
			.andExpect(content().string(containsString("data-kind=\"DISHONESTY_RECORD\"")))
			.andExpect(content().string(not(containsString("id=\"confirm\""))));
		mvc.perform(get("/console/lists/rewards/check").session(staff)
			.param("subjectCode", MARKET).param("ground", "GOOD_GRADE").param("groundDetail", "A 级"))
			.andExpect(content().string(containsString("data-kind=\"SERIOUS_LIST_ENTRY\"")));
		mvc.perform(post("/console/lists/serious/" + healthEntry + "/removal").session(staff).with(csrf())
			.param("kind", "REVOCATION").param("reason", "决定被撤销"))
			.andExpect(redirectedUrlPattern("/console/lists/serious/*"));
		assertThat(jdbc.sql("select count(*) from list_removal where entry_id = ?").param(healthEntry)
			.query(Long.class).single()).isZero();

		mvc.perform(get("/console/lists/rewards/check").session(staff)
			.param("subjectCode", REWARDED).param("ground", "OTHER_REGIONAL").param("groundDetail", "宁政发〔2026〕8号表彰"))
			.andExpect(content().string(containsString("符合守信激励条件")))
			.andExpect(content().string(containsString("id=\"confirm\"")));
		mvc.perform(post("/console/lists/rewards").session(staff).with(csrf())
			.param("subjectCode", REWARDED).param("ground", "OTHER_REGIONAL").param("groundDetail", "宁政发〔2026〕8号表彰")
			.param("documentNumber", "宁激励〔2026〕402号").param("confirmingOrganisation", "自治区人民政府办公厅")
			.param("effectiveDate", "2026-11-26").param("plannedEnd", "2029-11-25"))
			.andExpect(redirectedUrlPattern("/console/lists*"));
		assertThat(jdbc.sql("select ground from reward_entry where document_number = '宁激励〔2026〕402号'")
			.query(String.class).single()).isEqualTo("OTHER_REGIONAL");
	}
}
