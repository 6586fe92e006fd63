package org.xinyong.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.portal.WebsiteFixtures.awaitProjected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffPrincipal;
import org.xinyong.access.StaffUsers;
import org.xinyong.access.StaffUsers.NewStaffUser;
import org.xinyong.audit.AuditTrail;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.subject.internal.Gb32100;

import tools.jackson.databind.json.JsonMapper;

/**
 * A subject's own full report (art. 50) includes its non-public records and every change with its reason, is only
 * for the signed-in subject, and shows up among the reads about it; the public report of the same subject has only
 * the public records. State bodies receive the records of the items they hold a sharing grant for.
 */
@SpringBootTest(properties = "xinyong.portal.rate-limit.enabled=false")
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OwnReportIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String COMPANY = "91640100MA7AC0R88M";
	static final String NAME = "银川报告测试科技有限公司";
	static final String DEMO_CODE = "246810";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AuditTrail trail;

	@Autowired
	Organisations organisations;

	@Autowired
	StaffUsers users;

	@BeforeAll
	void records() throws Exception {
		if (jdbc.sql("select count(*) from credit_subject where code = ?").param(COMPANY).query(Long.class).single() > 0) {
			return;
		}
		submit("ADMIN_PENALTY", "own-report-penalty", SubmissionApiIT.penalty(COMPANY, NAME, "银市监罚〔2026〕901号"));
		submit("CONTRACT_PERFORMANCE", "own-report-contract", contract("HT-REPORT-1", "PARTIAL"));
		String recordId = jdbc.sql("select record_id::text from record_version where natural_key = 'HT-REPORT-1'")
			.query(String.class)
			.single();
		mvc.perform(post("/api/v1/records/" + recordId + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(
					Map.of("values", contract("HT-REPORT-1", "BREACH"), "reason", "履行情况核实后更正"))))
			.andExpect(status().isOk());
		awaitProjected(jdbc);
	}

	@Test
	void ownReportHasNonPublicRecordsAndEveryChangeWithItsReasonAndIsAudited() throws Exception {
		mvc.perform(get("/account/report.pdf")).andExpect(redirectedUrl("/account/login"));
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", COMPANY)
			.param("verificationCode", DEMO_CODE)
			.with(csrf())).andExpect(redirectedUrl("/account"));
		byte[] pdf = mvc.perform(get("/account/report.pdf").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = ReportIT.text(pdf);
		assertThat(text).contains("本人版（含非公开信息）", NAME, "银市监罚〔2026〕901号", "HT-REPORT-1", "第 1 版 新增",
				"第 2 版 更正", "履行情况核实后更正", "信息提供单位：");
		assertThat(trail.readsAbout(COMPANY)).anySatisfy(e -> assertThat(e.action()).isEqualTo("REPORT_FULL_READ"));
		String html = mvc.perform(get("/account/report.html").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("HT-REPORT-1", "履行情况核实后更正");
		// the public report of the same subject does not contain the non-public record
		String publicText = ReportIT.text(mvc.perform(get("/reports/subjects/{code}.pdf", COMPANY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(publicText).contains("银市监罚〔2026〕901号").doesNotContain("HT-REPORT-1", "履行情况核实后更正");
	}

	@Test
	void stateBodiesReceiveTheRecordsOfTheirGrantedItemsForTheStatedPurpose() throws Exception {
		// A department of its own, granted the (non-public) contract-performance item for procurement only.
		String first17 = "11640000MB1990" + String.format("%03d", 100 + (int) (System.nanoTime() % 800));
		String code = first17 + Gb32100.checkCharacter(first17);
		Organisation dept = organisations.register(new NewOrganisation(code, "报告测试共享部门", null,
				OrganisationKind.DEPARTMENT, null, false));
		StaffPrincipal user = users.create(new NewStaffUser("report-dept-" + first17.toLowerCase(), "报告测试部门用户",
				"Report-Test-Password-1", dept.id(), Set.of(Role.DEPARTMENT_USER), "test"));
		mvc.perform(post("/api/v1/sharing/grants").with(user(users.byUsername("admin").orElseThrow()))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("organisationCode", code, "itemCode", "CONTRACT_PERFORMANCE",
					"purposes", List.of("PROCUREMENT"), "lawfulBasis", "《政府采购法》第二十二条",
					"statutoryBasis", false))))
			.andExpect(status().isCreated());

		String text = ReportIT.text(mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY).with(user(user))
			.param("purpose", "PROCUREMENT"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		// the granted item's record with its changes, not the reason; nothing of the items not granted
		assertThat(text).contains("国家机关查询版", NAME, "HT-REPORT-1", "第 2 版 更正")
			.doesNotContain("银市监罚〔2026〕901号", "履行情况核实后更正");
		assertThat(trail.readsAbout(COMPANY)).anySatisfy(e -> assertThat(e.action()).isEqualTo("SHARING_READ"));

		// a purpose the grant does not cover, or none, is refused as by the sharing API
		mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY).with(user(user)).param("purpose", "BIDDING"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY).with(user(user)))
			.andExpect(status().isBadRequest());
	}

	@Test
	@WithMockUser(roles = "DEPARTMENT_USER")
	void aCallerActingForNoOrganisationGetsNoStateBodyReport() throws Exception {
		mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY).param("purpose", "PROCUREMENT"))
			.andExpect(status().isForbidden());
	}

	@Test
	@WithMockUser(roles = "REVIEWER")
	void otherRolesGetNoStateBodyReport() throws Exception {
		mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY)).andExpect(status().isForbidden());
	}

	private void submit(String item, String key, Map<String, Object> record) throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", item, "submissionKey", key, "records", List.of(record)))))
			.andExpect(status().isOk());
	}

	private static Map<String, Object> contract(String number, String status) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", NAME);
		r.put("subjectCode", COMPANY);
		r.put("contractNumber", number);
		r.put("contractName", "供热设备采购合同");
		r.put("signedOn", "2025-06-01");
		r.put("performanceStatus", status);
		r.put("recordDate", "2026-01-10");
		r.put("sourceUnit", "演示系统");
		r.put("sourceUnitCode", "12640000MB1900051C");
		return r;
	}
}
