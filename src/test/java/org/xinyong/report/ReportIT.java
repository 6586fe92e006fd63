package org.xinyong.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.portal.WebsiteFixtures.awaitProjected;
import static org.xinyong.portal.WebsiteFixtures.penalty;
import static org.xinyong.portal.WebsiteFixtures.submit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.portal.WebsiteFixtures;

import tools.jackson.databind.json.JsonMapper;

/**
 * Credit reports on a fixed day (2026-11-26): the public PDF's Chinese text extracted back with PDFBox, sections and
 * counts, change history with source units, only disclosed records, the HTML rendering, the verification page for a
 * genuine, an altered and an unknown number, and the audit of every issuance. The first page is rendered to PNG.
 */
@SpringBootTest(properties = { "xinyong.portal.rate-limit.enabled=false", "xinyong.report.watermark=仅供核验" })
@AutoConfigureMockMvc
@Import(WebsiteFixtures.FixedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportIT {

	static final String ORG = "91320100748204660Q";
	static final String ORG_NAME = "南京某某科技有限公司";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void records() throws Exception {
		List<Map<String, Object>> penalties = new ArrayList<>();
		penalties.add(penalty(ORG, ORG_NAME, "P-REPORT-GENERAL", "GENERAL", "2026-05-01"));
		// minor penalties are not disclosed, so not in the public report
		penalties.add(penalty(ORG, ORG_NAME, "P-REPORT-MINOR", "MINOR", "2026-06-01"));
		submit(mvc, json, "ADMIN_PENALTY", "report-penalties", penalties);
		Map<String, Object> changed = penalty(ORG, ORG_NAME, "P-REPORT-GENERAL", "GENERAL", "2026-05-01");
		changed.put("penaltyContent", "罚款人民币贰万元");
		submit(mvc, json, "ADMIN_PENALTY", "report-penalties-correction", List.of(changed));
		Map<String, Object> licence = new LinkedHashMap<>();
		licence.put("subjectName", ORG_NAME);
		licence.put("subjectCode", ORG);
		licence.put("licenceDocumentNumber", "L-REPORT-1");
		licence.put("licenceCategory", "GENERAL");
		licence.put("licenceContent", "食品经营许可");
		licence.put("decisionDate", "2026-09-01");
		licence.put("validFrom", "2026-09-01");
		licence.put("authority", "南京市市场监督管理局");
		licence.put("authorityCode", "11640000MB1900027Y");
		licence.put("sourceUnit", "自治区市场监督管理局");
		licence.put("sourceUnitCode", "11640000MB1900027Y");
		submit(mvc, json, "ADMIN_LICENCE", "report-licences", List.of(licence));
		awaitProjected(jdbc);
	}

	@Test
	void publicPdfContainsTheDisclosedRecordsInChineseWithSectionsCountsAndHistory() throws Exception {
		byte[] pdf = mvc.perform(get("/reports/subjects/{code}.pdf", ORG))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = text(pdf);
		String number = number(text);
		assertThat(text).contains("公共信用信息报告（法人和非法人组织）", "公开版", ORG_NAME, ORG, "出具机构：公共信用信息共享平台",
				"信息概要", "二、行政管理信息·行政处罚：1 条", "二、行政管理信息·行政许可：1 条", "四、严重失信主体名单信息：0 条",
				"信息提供单位：自治区市场监督管理局", "罚款人民币贰万元", "P-REPORT-GENERAL", "L-REPORT-1", "变更记录", "第 1 版 新增",
				"第 2 版", "第 1 页 / 共", "核验本报告真伪", "/reports/verify?number=" + number);
		assertThat(text).doesNotContain("P-REPORT-MINOR");
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getPage(0).getMediaBox().getWidth()).isBetween(594f, 596f);
			assertThat(doc.getDocumentInformation().getTitle()).contains(number);
		}
		// issued append-only with the checkpoint, and audited
		assertThat(jdbc.sql("select count(*) from issued_report where report_number = :n")
			.param("n", number)
			.query(Long.class)
			.single()).isOne();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPORT_ISSUED' and subject_ref = :c"
				+ " and detail::text like :n")
			.param("c", ORG)
			.param("n", "%" + number + "%")
			.query(Long.class)
			.single()).isOne();
		assertThat(renderFirstPage(pdf)).isGreaterThan(20_000);
	}

	@Test
	void verificationPageConfirmsAGenuineReportAndRejectsAlteredAndUnknownNumbers() throws Exception {
		String text = text(mvc.perform(get("/reports/subjects/{code}.pdf", ORG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		String number = number(text);
		Matcher hash = Pattern.compile("SHA-256）：([0-9a-f]{64})").matcher(text);
		assertThat(hash.find()).as(text).isTrue();
		String page = mvc.perform(get("/reports/verify").param("number", number))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"genuine\"", "该报告真实有效", ORG_NAME, hash.group(1), "签发时账本");
		String altered = number.substring(0, number.length() - 1) + (number.endsWith("0") ? "1" : "0");
		assertThat(mvc.perform(get("/reports/verify").param("number", altered))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("id=\"unknown\"").doesNotContain("id=\"genuine\"");
		assertThat(mvc.perform(get("/reports/verify").param("number", "XY00000000NOSUCH"))
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("未找到编号为 XY00000000NOSUCH 的报告");
		// an issued report cannot be changed
		assertThat(org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
				() -> jdbc.sql("update issued_report set content_hash = 'x' where report_number = :n")
					.param("n", number)
					.update())).hasStackTraceContaining("append-only");
	}

	@Test
	void registrationFactsAndSeriousListEntriesWithTheLegalRepresentativeAreInTheReport() throws Exception {
		String code = "91350100M000100Y43";
		String name = "福州名单报告测试有限公司";
		submit(mvc, json, "ADMIN_PENALTY", "report-listed", List.of(penalty(code, name, "P-REPORT-LISTED", "SERIOUS",
				"2026-03-01")));
		Map<String, Object> d = new LinkedHashMap<>();
		d.put("subjectCode", code);
		d.put("legalRepresentative", "李四");
		d.put("category", "REFUSING_OBLIGATIONS");
		d.put("reason", "有履行能力但拒不履行生效判决确定的义务");
		d.put("basis", "《宁夏回族自治区社会信用条例》第四十三条第三项");
		d.put("measures", "限制参与政府采购");
		d.put("removalConditions", "期满自动移出；完成信用修复的可申请提前移出");
		d.put("remedies", "可依法申请行政复议或者提起行政诉讼");
		d.put("documentNumber", "宁失信〔2026〕报告-1号");
		d.put("decidingOrganisation", "自治区发展和改革委员会");
		d.put("effectiveDate", "2026-04-01");
		d.put("plannedEnd", "2029-03-31");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/lists/serious-dishonesty")
			.header("X-Api-Key", WebsiteFixtures.KEY)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(d))).andExpect(status().isCreated());
		awaitProjected(jdbc);
		String text = text(mvc.perform(get("/reports/subjects/{code}.pdf", code))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(text).contains("一、基本信息：1 条", "主体登记信息", "主体类型：法人和非法人组织",
				"四、严重失信主体名单信息：1 条", "列入严重失信主体名单", "法定代表人/主要负责人：李四",
				"失信类别：拒不履行法定义务，严重影响司法机关、行政机关公信力", "决定文书号：宁失信〔2026〕报告-1号",
				"信息提供单位：自治区发展和改革委员会", "有效期：2026-04-01 — 2029-03-31");
		// a subject that is not on the list has the section empty
		assertThat(text(mvc.perform(get("/reports/subjects/{code}.pdf", ORG)).andReturn().getResponse()
			.getContentAsByteArray())).contains("四、严重失信主体名单信息：0 条").doesNotContain("李四");
	}

	@Test
	void rewardListEntriesAreAmongTheHonours() throws Exception {
		String code = "91640100MA7RPT001H";
		submit(mvc, json, "ADMIN_LICENCE", "report-reward-licence",
				List.of(org.xinyong.lists.ListFixtures.licence(code, "银川守信报告测试有限公司", "L-REPORT-REWARD")));
		awaitProjected(jdbc);
		org.xinyong.lists.ListFixtures.postJson(mvc, json, "/api/v1/lists/rewards",
				org.xinyong.lists.ListFixtures.reward(code, "宁激励〔2026〕报告1号", "GOOD_GRADE", "自治区发展和改革委员会",
						"2026-11-01"))
			.andExpect(status().isCreated());
		String text = text(mvc.perform(get("/reports/subjects/{code}.pdf", code))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(text).contains("三、诚实守信相关荣誉信息：1 条", "守信激励对象名单", "激励依据：信用评价或分级分类监管结果良好",
				"决定文书号：宁激励〔2026〕报告1号", "信息提供单位：自治区发展和改革委员会");
	}

	@Test
	void thePlatformsLatestEvaluationWithItsExplanationIsInTheEvaluationSection(
			@Autowired org.xinyong.evaluation.Evaluations evaluations) throws Exception {
		evaluations.runNow("MANUAL", "report-test");
		var grade = evaluations.latestGrade(jdbc.sql("select id from credit_subject where code = ?")
			.param(ORG)
			.query(Long.class)
			.single()).orElseThrow();
		String text = text(mvc.perform(get("/reports/subjects/{code}.pdf", ORG))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray());
		assertThat(text).contains("七、信用评价结果信息：1 条", "公共信用综合评价结果", "评价等级：" + grade.grade(),
				"评价分数：" + grade.score(), "评分说明：基础分", "行政处罚");
	}

	@Test
	void htmlReportAndSubjectPageLinkAndStateBodyAccess() throws Exception {
		String html = mvc.perform(get("/reports/subjects/{code}.html", ORG))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("公共信用信息报告", "section-PENALTY", "P-REPORT-GENERAL", "自治区市场监督管理局")
			.doesNotContain("P-REPORT-MINOR");
		assertThat(mvc.perform(get("/subjects/{code}", ORG)).andReturn().getResponse().getContentAsString())
			.contains("/reports/subjects/" + ORG + ".pdf");
		mvc.perform(get("/reports/subjects/{code}.pdf", "91000000000000000X")).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/reports/subjects/{code}.pdf", ORG)).andExpect(status().isUnauthorized());
	}

	static String number(String text) {
		Matcher m = Pattern.compile("报告编号：(XY[0-9A-F]+)").matcher(text);
		assertThat(m.find()).as(text).isTrue();
		return m.group(1);
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc);
		}
	}

	/** Renders page 1 with pdftoppm into target/screenshots/ and returns the PNG's size in bytes. */
	static long renderFirstPage(byte[] pdf) throws Exception {
		return renderFirstPage(pdf, "credit-report");
	}

	/** Saves the PDF as target/screenshots/NAME.pdf, renders page 1 to NAME-page1.png and returns its size. */
	static long renderFirstPage(byte[] pdf, String name) throws Exception {
		Path dir = Path.of("target/screenshots");
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".pdf");
		Files.write(file, pdf);
		Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
				file.toString(), dir.resolve(name + "-page1").toString())
			.redirectErrorStream(true)
			.start();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
		return Files.size(dir.resolve(name + "-page1.png"));
	}
}
