package org.xinyong.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.portal.WebsiteFixtures.awaitProjected;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.xinyong.audit.AuditTrail;
import org.xinyong.ingest.SubmissionApiIT;

import tools.jackson.databind.json.JsonMapper;

/**
 * A subject's own full report (art. 50) includes its non-public records and every change with its reason, is only
 * for the signed-in subject, and shows up among the reads about it; the public report of the same subject has only
 * the public records. State bodies receive the public report.
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
	@WithMockUser(roles = "DEPARTMENT_USER")
	void stateBodiesReceiveThePublicReport() throws Exception {
		String text = ReportIT.text(mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", COMPANY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(text).contains("国家机关查询版", "银市监罚〔2026〕901号");
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
