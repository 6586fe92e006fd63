package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.portal.WebsiteFixtures.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit website and its public API on a fixed day (2026-11-26): what is disclosed (windows at their ends under
 * old and new rules, minor penalties, revocations, non-public items), masking of natural persons' data on pages and
 * API alike, search by partial name and by code with clear errors, subject pages grouped by the report standard,
 * and the 双公示 browsing filters.
 */
@SpringBootTest(properties = "xinyong.portal.rate-limit.enabled=false")
@AutoConfigureMockMvc
@Import(WebsiteFixtures.FixedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class PublicWebsiteIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void records() throws Exception {
		List<Map<String, Object>> penalties = new ArrayList<>();
		// Order 36 (decided since 2026-04-01): general 3–12 months → shown until 2027-05-01
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-GENERAL-2026", "GENERAL", "2026-05-01"));
		// Order 36: minor penalties are not disclosed (default policy)
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-MINOR-2026", "MINOR", "2026-06-01"));
		// Order 58 (2023-05-01..2026-03-31): at most 36 months. Decided 2023-11-26 → last day shown 2026-11-25
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-ENDED-YESTERDAY", "GENERAL", "2023-11-26"));
		// decided 2023-11-27 → today (2026-11-26) is its last day
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-LAST-DAY", "GENERAL", "2023-11-27"));
		// 2019 rules (decided until 2023-04-30): general at most 12 months → long over
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-OLD-RULES", "GENERAL", "2023-03-01"));
		// Order 58 general decided 2025-01-10: 36 months → shown (under Order 36 it would have ended 2026-01-10)
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-ORDER58", "GENERAL", "2025-01-10"));
		penalties.add(penalty(ORG_A, ORG_A_NAME, "P-TO-REVOKE", "SERIOUS", "2026-07-01"));
		var person = penalty(PERSON, "王小明", "P-PERSON", "GENERAL", "2026-05-02");
		person.remove("legalRepresentative");
		penalties.add(person);
		penalties.add(penalty(ORG_B, ORG_B_NAME, "P-B-1", "SERIOUS", "2026-08-08"));
		submit(mvc, json, "ADMIN_PENALTY", "website-penalties", penalties);
		submit(mvc, json, "ADMIN_LICENCE", "website-licences",
				List.of(licence(ORG_B, ORG_B_NAME, "L-B-1", "GENERAL", "2026-09-01"),
						licence(ORG_B, ORG_B_NAME, "L-B-2", "FRANCHISE", "2026-10-01")));
		Map<String, Object> evaluation = new java.util.LinkedHashMap<>(Map.of("subjectName", ORG_A_NAME, "subjectCode",
				ORG_A, "evaluationScheme", "TAX_CREDIT", "evaluationName", "纳税信用等级评价", "evaluationPeriod", "2025",
				"grade", "A", "evaluationDate", "2026-04-01", "evaluator", "国家税务总局某市税务局", "evaluatorCode",
				"11640000MB1900027Y"));
		evaluation.put("sourceUnit", "某市税务局");
		evaluation.put("sourceUnitCode", "11640000MB1900027Y");
		submit(mvc, json, "CREDIT_EVALUATION", "website-evaluation", List.of(evaluation));
		awaitProjected(jdbc);
		String recordId = jdbc.sql("select record_id::text from disclosed_record where public_values->>'decisionNumber' = 'P-TO-REVOKE'")
			.query(String.class)
			.single();
		mvc.perform(post("/api/v1/records/" + recordId + "/revocation").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"复议撤销\"}"))
			.andExpect(status().is2xxSuccessful());
		awaitProjected(jdbc);
	}

	JsonNode getJson(String url) throws Exception {
		return json.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}

	String page(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	List<String> decisionNumbers(JsonNode subject) {
		List<String> numbers = new ArrayList<>();
		for (JsonNode group : subject.get("groups")) {
			for (JsonNode r : group.get("records")) {
				JsonNode n = r.get("values").get("decisionNumber");
				numbers.add(n == null ? r.get("values").get("licenceDocumentNumber").asString() : n.asString());
			}
		}
		return numbers;
	}

	@Test
	void subjectShowsOnlyWhatIsDisclosedToday() throws Exception {
		JsonNode a = getJson("/api/v1/public/subjects/" + ORG_A);
		assertThat(a.get("name").asString()).isEqualTo(ORG_A_NAME);
		assertThat(decisionNumbers(a)).containsExactlyInAnyOrder("P-GENERAL-2026", "P-LAST-DAY", "P-ORDER58");
		// grouped as the report standard: penalties under PENALTY; the conditional evaluation is not public
		assertThat(a.get("groups")).hasSize(1);
		assertThat(a.get("groups").get(0).get("group").asString()).isEqualTo("PENALTY");
		assertThat(a.get("groups").get(0).get("label").asString()).contains("行政处罚");
		JsonNode first = a.get("groups").get(0).get("records").get(0);
		assertThat(first.get("sourceUnit").asString()).isEqualTo("自治区市场监督管理局");
		assertThat(first.get("updatedAt").asString()).isNotBlank();
		// the organisation's own code is shown in full
		assertThat(first.get("subject").get("code").asString()).isEqualTo(ORG_A);
	}

	@Test
	void lastDayOfTheWindowIsShownAndTheDayAfterIsNot() throws Exception {
		JsonNode a = getJson("/api/v1/public/subjects/" + ORG_A);
		String until = null;
		for (JsonNode r : a.get("groups").get(0).get("records")) {
			if (r.get("values").get("decisionNumber").asString().equals("P-LAST-DAY")) {
				until = r.get("shownUntil").asString();
			}
		}
		assertThat(until).isEqualTo("2026-11-27");
		assertThat(decisionNumbers(a)).doesNotContain("P-ENDED-YESTERDAY", "P-OLD-RULES", "P-MINOR-2026",
				"P-TO-REVOKE");
	}

	@Test
	void subjectPageGroupsRecordsInChineseAndEnglish() throws Exception {
		String zh = page("/subjects/" + ORG_B);
		assertThat(zh).contains(ORG_B_NAME, "行政管理信息 · 行政许可", "行政管理信息 · 行政处罚", "L-B-1", "P-B-1",
				"信息提供单位：自治区市场监督管理局", "更新日期：");
		assertThat(zh.indexOf("行政许可信息")).isLessThan(zh.indexOf("行政处罚信息"));
		String en = page("/subjects/" + ORG_B + "?lang=en");
		assertThat(en).contains("Administrative licences", "Administrative penalties", "Provided by");
		mvc.perform(get("/subjects/" + ORG_A.replace('Q', 'R'))).andExpect(status().isNotFound());
	}

	@Test
	void naturalPersonsAreMaskedAndNotSearchable() throws Exception {
		JsonNode list = getJson("/api/v1/public/records?item=ADMIN_PENALTY");
		JsonNode person = null;
		for (JsonNode r : list.get("items")) {
			if (r.get("values").get("decisionNumber").asString().equals("P-PERSON")) {
				person = r;
			}
		}
		assertThat(person).isNotNull();
		assertThat(person.get("subject").get("code").asString()).isEqualTo("110105********002X");
		assertThat(person.get("subject").get("name").asString()).isEqualTo("王**");
		assertThat(person.get("values").get("subjectCode").asString()).isEqualTo("110105********002X");
		assertThat(person.get("values").get("subjectName").asString()).isEqualTo("王**");
		assertThat(list.toString()).doesNotContain(PERSON, "王小明");
		String html = page("/publicity/penalties");
		assertThat(html).contains("110105********002X", "王**").doesNotContain(PERSON).doesNotContain("王小明");
		// no public page for persons, and no search by ID number
		mvc.perform(get("/api/v1/public/subjects/" + PERSON)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/public/subjects").param("q", PERSON))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("SEARCH_PERSON_NOT_PUBLIC"));
	}

	@Test
	void searchByPartialNameAndByCode() throws Exception {
		JsonNode r = getJson("/api/v1/public/subjects?q=科技有限");
		assertThat(r.get("total").asLong()).isEqualTo(1);
		assertThat(r.get("items").get(0).get("code").asString()).isEqualTo(ORG_A);
		assertThat(r.get("items").get(0).get("name").asString()).isEqualTo(ORG_A_NAME);
		assertThat(r.get("items").get(0).get("type").asString()).isEqualTo("ORGANISATION");
		// two characters, common to both names, shorter name first
		JsonNode two = getJson("/api/v1/public/subjects?q=某某");
		assertThat(two.get("total").asLong()).isEqualTo(2);
		assertThat(two.get("items").get(0).get("name").asString()).isEqualTo(ORG_A_NAME);
		// full-width and spaces are normalised
		assertThat(getJson("/api/v1/public/subjects?q=贸易 有限").get("total").asLong()).isEqualTo(1);
		// characters in the wrong order match nothing
		assertThat(getJson("/api/v1/public/subjects?q=有限科技").get("total").asLong()).isZero();
		// by code, exact and by prefix
		assertThat(getJson("/api/v1/public/subjects?q=" + ORG_B).get("items").get(0).get("name").asString())
			.isEqualTo(ORG_B_NAME);
		assertThat(getJson("/api/v1/public/subjects?q=91320100").get("total").asLong()).isEqualTo(1);
	}

	@Test
	void badQueriesGetClearMessages() throws Exception {
		mvc.perform(get("/api/v1/public/subjects").param("q", "科"))
			.andExpect(status().isBadRequest())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("SEARCH_TOO_SHORT",
					"请至少输入 2 个字"));
		// a unified code with a wrong check character: the identifier rule says so
		mvc.perform(get("/api/v1/public/subjects").param("q", "91320100748204660R"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("USCC_CHECK"));
		String html = page("/search?q=91320100748204660R");
		assertThat(html).contains("search-error").contains("校验");
		String en = page("/search?q=科" + "&lang=en");
		assertThat(en).contains("Please enter at least 2 characters");
	}

	@Test
	void searchPageListsResultsWithLinks() throws Exception {
		String html = page("/search?q=科技有限");
		assertThat(html).contains("共找到 1 个主体", ORG_A_NAME, "/subjects/" + ORG_A);
	}

	@Test
	void browsingFiltersByDateAuthorityAndType() throws Exception {
		JsonNode all = getJson("/api/v1/public/records?item=ADMIN_LICENCE");
		assertThat(all.get("total").asLong()).isEqualTo(2);
		assertThat(all.get("items").get(0).get("values").get("licenceDocumentNumber").asString()).isEqualTo("L-B-2");
		assertThat(getJson("/api/v1/public/records?item=ADMIN_LICENCE&type=FRANCHISE").get("total").asLong())
			.isEqualTo(1);
		assertThat(getJson("/api/v1/public/records?item=ADMIN_LICENCE&from=2026-09-15").get("total").asLong())
			.isEqualTo(1);
		assertThat(getJson("/api/v1/public/records?item=ADMIN_LICENCE&to=2026-09-01").get("total").asLong())
			.isEqualTo(1);
		assertThat(getJson("/api/v1/public/records?item=ADMIN_LICENCE&authority=福州").get("total").asLong())
			.isEqualTo(2);
		assertThat(getJson("/api/v1/public/records?item=ADMIN_LICENCE&authority=南宁").get("total").asLong())
			.isZero();
		mvc.perform(get("/api/v1/public/records?item=CREDIT_EVALUATION")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/public/records?item=ADMIN_LICENCE&from=2026-10-01&to=2026-09-01"))
			.andExpect(status().isBadRequest());
		String html = page("/publicity/licences?type=FRANCHISE");
		assertThat(html).contains("行政许可信息公示", "共 1 条", "特许");
		String penalties = page("/publicity/penalties");
		// shown today: 3 of A, the person's, and B's
		assertThat(penalties).contains("共 5 条");
	}

	@Test
	void startPageShowsLatestEntriesAndGuides() throws Exception {
		String html = page("/");
		assertThat(html).contains("最新行政处罚公示", "最新行政许可公示", ORG_B_NAME, "查询服务指引", "如何提出异议",
				"如何申请信用修复", "严重失信主体名单");
		assertThat(page("/guide/query")).contains("公共信用信息查询服务指引", "至少两个字");
		assertThat(page("/guide/repair?lang=en")).contains("credit repair");
		mvc.perform(get("/guide/nothing")).andExpect(status().isNotFound());
	}

	@Autowired
	org.xinyong.disclosure.DisclosureEndings endings;

	@Autowired
	org.xinyong.ledger.Ledger ledger;

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void disclosureEndedEarlyHidesTheRecordAndIsALedgerEvent() throws Exception {
		java.util.UUID id = jdbc.sql("select record_id from disclosed_record where public_values->>'decisionNumber' = 'P-ORDER58'")
			.query(java.util.UUID.class)
			.single();
		long size = ledger.size();
		long leaf = endings.endEarly(id, java.time.LocalDate.of(2026, 11, 26), "REPAIR:TEST-1");
		assertThat(leaf).isGreaterThanOrEqualTo(size);
		assertThat(decisionNumbers(getJson("/api/v1/public/subjects/" + ORG_A))).doesNotContain("P-ORDER58")
			.contains("P-GENERAL-2026");
		assertThat(endings.endedOn(id)).contains(java.time.LocalDate.of(2026, 11, 26));
		assertThat(endings.window(id).orElseThrow().regime()).isEqualTo("NDRC-ORDER-58");
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> endings.endEarly(java.util.UUID.randomUUID(), java.time.LocalDate.of(2026, 11, 26), "x"))
			.hasMessageContaining("DISCLOSURE_RECORD_UNKNOWN");
	}

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void renamedSubjectIsFoundByItsNewNameAndShowsTheFormerOne() throws Exception {
		String code = "91430122707233692A";
		submit(mvc, json, "ADMIN_PENALTY", "website-rename-1",
				List.of(penalty(code, "长沙湘江机械制造有限公司", "P-C-1", "GENERAL", "2026-09-09")));
		awaitProjected(jdbc);
		assertThat(getJson("/api/v1/public/subjects?q=机械制造").get("total").asLong()).isEqualTo(1);
		submit(mvc, json, "ADMIN_PENALTY", "website-rename-2",
				List.of(penalty(code, "长沙湘江智能装备有限公司", "P-C-2", "GENERAL", "2026-09-10")));
		awaitProjected(jdbc);
		assertThat(getJson("/api/v1/public/subjects?q=智能装备").get("total").asLong()).isEqualTo(1);
		assertThat(getJson("/api/v1/public/subjects?q=机械制造").get("total").asLong()).isZero();
		JsonNode c = getJson("/api/v1/public/subjects/" + code);
		assertThat(c.get("name").asString()).isEqualTo("长沙湘江智能装备有限公司");
		assertThat(c.get("formerNames").toString()).contains("长沙湘江机械制造有限公司");
		assertThat(decisionNumbers(c)).containsExactlyInAnyOrder("P-C-1", "P-C-2");
		Long count = jdbc.sql("select names from subject_gram_count where gram = '机械'").query(Long.class).optional()
			.orElse(0L);
		assertThat(count).isZero();
	}

}
