package org.xinyong.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.Organisations;
import org.xinyong.access.StaffUsers;
import org.xinyong.testing.AuditRows;

/** The catalog console pages: what they show, who may change what, and that changes are audited. */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogConsoleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffUsers users;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyMemberOfStaffSeesTheItemsInForceWithTheirSchemas() throws Exception {
		for (String user : new String[] { "admin", "provider", "auditor" }) {
			mvc.perform(get("/console/catalog").with(staff(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("行政处罚信息")))
				.andExpect(content().string(containsString("/api/v1/catalog/items/ADMIN_PENALTY/template.xlsx")));
		}
		mvc.perform(get("/console/catalog/items/ADMIN_PENALTY").with(staff("provider")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("行政处罚决定书文号")))
			.andExpect(content().string(containsString("decisionNumber")))
			.andExpect(content().string(containsString("未核实")));
		mvc.perform(get("/console/catalog/items/ADMIN_PENALTY").with(staff("provider")).param("lang", "en"))
			.andExpect(content().string(containsString("unverified")))
			.andExpect(content().string(containsString("Download the template")));
		mvc.perform(get("/console/catalog/items/NO_SUCH_ITEM").with(staff("provider"))).andExpect(status().isNotFound());
		mvc.perform(get("/console").with(staff("provider")))
			.andExpect(content().string(containsString("/console/catalog")))
			.andExpect(content().string(not(containsString("/console/catalog/provision"))));
		mvc.perform(get("/console").with(staff("admin")))
			.andExpect(content().string(containsString("/console/catalog/provision")))
			.andExpect(content().string(containsString("/console/catalog/import")));
	}

	@Test
	void administratorsSeeAndRunTheAdministrationPages() throws Exception {
		mvc.perform(get("/console/catalog/catalogs").with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("NATIONAL_BASE")))
			.andExpect(content().string(containsString("演示市发展和改革委员会")));
		mvc.perform(get("/console/catalog/import").with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("全国公共信用信息基础目录（2024年版）")))
			.andExpect(content().string(containsString("xinyong-catalog/1")));
		mvc.perform(get("/console/catalog/provision").with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("DEMO-AGREEMENT-001")))
			.andExpect(content().string(containsString("演示征信服务有限公司")))
			.andExpect(content().string(containsString("自治区高级人民法院")));
		mvc.perform(get("/console/catalog/provision").with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"assign\""))));

		long before = new AuditRows(jdbc).maxId();
		String city = "11640100MB19000867";
		MvcResult created = mvc.perform(post("/console/catalog/catalogs").with(staff("admin")).with(csrf())
			.param("catalogCode", city)).andExpect(status().is3xxRedirection()).andReturn();
		String page = created.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/console/catalog/versions/");
		String base = page;
		mvc.perform(get(base).with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"item-form\"")))
			.andExpect(content().string(containsString("遵守法律法规情况信息")));
		mvc.perform(post(base + "/items").with(staff("admin")).with(csrf())
			.param("code", "CITY_DEMO_PARKING")
			.param("category", "LAW_COMPLIANCE")
			.param("name", "欠缴停车费信息")
			.param("subjectTypes", "ORGANISATION", "NATURAL_PERSON")
			.param("responsibleUnit", "市城市管理局")
			.param("legalBasis", "《演示市停车管理条例》第三十条")
			.param("openness", "CONDITIONAL")
			.param("sharing", "CONDITIONAL")
			.param("naturalKey", "documentNumber")
			.param("basisDocumentField", "documentNumber")
			.param("decisionDateField", "decisionDate")
			.param("fields", """
					[{"key": "subjectName", "label": "主体名称", "type": "TEXT", "required": true},
					 {"key": "subjectCode", "label": "统一社会信用代码", "type": "SUBJECT_CODE", "required": true},
					 {"key": "documentNumber", "label": "文书号", "type": "TEXT", "required": true},
					 {"key": "decisionDate", "label": "决定日期", "type": "DATE", "required": true}]"""))
			.andExpect(flash().attribute("done", "CITY_DEMO_PARKING"));
		mvc.perform(post(base + "/publication").with(staff("admin")).with(csrf()))
			.andExpect(flash().attribute("failure", containsString("CATALOG_TRANSITION_ILLEGAL")));
		mvc.perform(post(base + "/consultation").with(staff("admin")).with(csrf()).param("until", ""))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(post(base + "/comments").with(staff("admin")).with(csrf())
			.param("author", "赵六").param("authorOrganisation", "某停车场").param("text", "建议设定起算金额")
			.param("itemCode", "CITY_DEMO_PARKING").param("receivedAt", "2026-01-10T09:30"))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(post(base + "/approval").with(staff("admin")).with(csrf())
			.param("document", "演示市政函〔2026〕5号").param("documentDate", "2026-02-01"))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(post(base + "/filing").with(staff("admin")).with(csrf())
			.param("filingNumber", "宁发改备〔2026〕11号").param("filingDate", "2026-02-05"))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(post(base + "/publication").with(staff("admin")).with(csrf()))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(get(base).with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("已公布")))
			.andExpect(content().string(containsString("已备案：宁发改备〔2026〕11号（2026-02-05）")))
			.andExpect(content().string(containsString("建议设定起算金额")))
			.andExpect(content().string(containsString("演示市政函〔2026〕5号")));
		mvc.perform(get("/console/catalog").with(staff("provider")))
			.andExpect(content().string(containsString("CITY_DEMO_PARKING")));
		assertThat(new AuditRows(jdbc).since(before)).extracting(r -> r.get("action"))
			.contains("CATALOG_DRAFT_CREATED", "CATALOG_ITEM_ADDED", "CATALOG_COMMENT_RECORDED", "CATALOG_APPROVED",
					"CATALOG_FILED", "CATALOG_PUBLISHED");
		assertThat(new AuditRows(jdbc).since(before)).filteredOn(r -> "CATALOG_FILED".equals(r.get("action")))
			.singleElement()
			.satisfies(r -> assertThat(r.get("actor")).isEqualTo("admin"));
	}

	@Test
	void otherStaffCannotChangeAnything() throws Exception {
		for (String user : new String[] { "provider", "auditor", "reviewer", "department" }) {
			mvc.perform(post("/console/catalog/catalogs").with(staff(user)).with(csrf()).param("catalogCode", "REGION"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/console/catalog/assignments").with(staff(user)).with(csrf())
				.param("organisationId", "1").param("itemCode", "HONOUR")).andExpect(status().isForbidden());
			mvc.perform(post("/console/catalog/agreements/1/termination").with(staff(user)).with(csrf())
				.param("reason", "x")).andExpect(status().isForbidden());
			mvc.perform(multipart("/console/catalog/import")
				.file(new MockMultipartFile("file", "x.json", "application/json", "{}".getBytes(StandardCharsets.UTF_8)))
				.with(staff(user)).with(csrf())).andExpect(status().isForbidden());
		}
		mvc.perform(get("/console/catalog/catalogs").with(staff("provider"))).andExpect(status().isForbidden());
		mvc.perform(get("/console/catalog/provision").with(staff("department"))).andExpect(status().isForbidden());
		mvc.perform(get("/console/catalog")).andExpect(status().is3xxRedirection());
	}

	@Test
	void refusedImportsAndAssignmentsAreExplainedWithTheirCode() throws Exception {
		mvc.perform(multipart("/console/catalog/import")
			.file(new MockMultipartFile("file", "broken.json", "application/json", "{".getBytes(StandardCharsets.UTF_8)))
			.with(staff("admin")).with(csrf()))
			.andExpect(flash().attribute("failure", containsString("CATALOG_FILE_INVALID")));
		long market = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		mvc.perform(post("/console/catalog/assignments").with(staff("admin")).with(csrf())
			.param("organisationId", String.valueOf(market)).param("itemCode", "ADMIN_PENALTY"))
			.andExpect(flash().attribute("failure", containsString("CATALOG_ASSIGNMENT_EXISTS")));
		mvc.perform(post("/console/catalog/assignments").with(staff("admin")).with(csrf())
			.param("organisationId", String.valueOf(market)).param("itemCode", "REGISTRATION_BASIC")
			.param("validFrom", "2026-01-01"))
			.andExpect(flash().attributeExists("done"));
		mvc.perform(get("/console/catalog/provision").with(staff("admin")))
			.andExpect(content().string(containsString("REGISTRATION_BASIC")));
	}

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}
}
