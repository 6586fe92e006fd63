package org.xinyong.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.StaffUsers;

/** The public items API, the XLSX templates, and the administration API (imports, lifecycle, provision). */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogApiIT {

	static final String PENALTY_KEYS = "subjectName,subjectCode,legalRepresentative,decisionNumber,violationType,facts,"
			+ "basis,penaltyType,penaltyContent,fineAmount,confiscatedAmount,decisionDate,authority,authorityCode,"
			+ "severity,sourceUnit,sourceUnitCode";

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anyoneListsThePublishedItemsWithTheirSchemas() throws Exception {
		mvc.perform(get("/api/v1/catalog/items"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$[0].catalogCode").value("NATIONAL_BASE"))
			.andExpect(jsonPath("$[0].catalogKind").value("NATIONAL_BASE"))
			.andExpect(jsonPath("$[0].catalogVersion").isNumber())
			.andExpect(jsonPath("$[0].catalogVersionId").isNumber())
			.andExpect(jsonPath("$[*].code", hasItem("ADMIN_PENALTY")))
			.andExpect(jsonPath("$[*].code", hasItem("SELF_DECLARATION")))
			.andExpect(jsonPath("$[?(@.code == 'ADMIN_PENALTY')].categoryName").value("行政管理信息"))
			.andExpect(jsonPath("$[?(@.code == 'ADMIN_PENALTY')].provenance.verified").value(false));
		mvc.perform(get("/api/v1/catalog/items").param("category", "JUDICIAL"))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].code").value("DISHONEST_JUDGMENT_DEBTOR"));

		String body = mvc.perform(get("/api/v1/catalog/items/ADMIN_PENALTY").header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("ADMIN_PENALTY"))
			.andExpect(jsonPath("$.name").value("行政处罚信息"))
			.andExpect(jsonPath("$.nameEn").value("Administrative penalties"))
			.andExpect(jsonPath("$.category").value("ADMINISTRATIVE"))
			.andExpect(jsonPath("$.openness").value("PUBLIC"))
			.andExpect(jsonPath("$.sharing").value("UNCONDITIONAL"))
			.andExpect(jsonPath("$.dishonesty").value(true))
			.andExpect(jsonPath("$.severityField").value("severity"))
			.andExpect(jsonPath("$.naturalKey[0]").value("decisionNumber"))
			.andExpect(jsonPath("$.basisDocumentField").value("decisionNumber"))
			.andExpect(jsonPath("$.decisionDateField").value("decisionDate"))
			.andExpect(jsonPath("$.subjectTypes.length()").value(2))
			.andExpect(jsonPath("$.provenance.source").isString())
			.andExpect(jsonPath("$.fields[1].type").value("SUBJECT_CODE"))
			.andExpect(jsonPath("$.fields[1].masking").value("ID_NUMBER"))
			.andExpect(jsonPath("$.fields[7].allowedValues[0].value").value("WARNING"))
			.andExpect(jsonPath("$.fields[7].allowedValues[0].label").value("警告"))
			.andExpect(jsonPath("$.template").value("/api/v1/catalog/items/ADMIN_PENALTY/template.xlsx"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (String key : PENALTY_KEYS.split(",")) {
			assertThat(body).contains("\"key\":\"" + key + "\"");
		}
		mvc.perform(get("/api/v1/catalog/items/NO_SUCH_ITEM"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("CATALOG_ITEM_UNKNOWN"));
	}

	@Test
	void theTemplateHasLabelsKeysAnExampleDropDownsAndDateFormats() throws Exception {
		byte[] xlsx = mvc.perform(get("/api/v1/catalog/items/ADMIN_PENALTY/template.xlsx"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", CatalogItemsController.XLSX.toString()))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString("attachment")))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = wb.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("行政处罚信息");
			List<String> labels = cells(sheet.getRow(0));
			List<String> keys = cells(sheet.getRow(1));
			assertThat(keys).containsExactly(PENALTY_KEYS.split(","));
			assertThat(labels).startsWith("行政相对人名称").contains("行政处罚决定书文号", "处罚类别", "罚款金额（万元）", "处罚决定日期");
			assertThat(sheet.getRow(0).getCell(0).getCellComment().getString().getString()).contains("subjectName");

			Row example = sheet.getRow(2);
			int dateColumn = keys.indexOf("decisionDate");
			assertThat(example.getCell(dateColumn).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(example.getCell(dateColumn))).isTrue();
			assertThat(example.getCell(dateColumn).getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			assertThat(example.getCell(keys.indexOf("penaltyType")).getStringCellValue()).isEqualTo("警告");
			assertThat(example.getCell(keys.indexOf("severity")).getStringCellValue()).isEqualTo("轻微");
			assertThat(example.getCell(keys.indexOf("subjectCode")).getStringCellValue()).hasSize(18);

			assertThat(listValidatedColumns(sheet)).contains(keys.indexOf("penaltyType"), keys.indexOf("severity"));
			Sheet lists = wb.getSheet("_lists");
			assertThat(wb.isSheetHidden(wb.getSheetIndex(lists))).isTrue();
			List<String> penaltyTypes = new ArrayList<>();
			for (Row row : lists) {
				if (row.getCell(0) != null) {
					penaltyTypes.add(row.getCell(0).getStringCellValue());
				}
			}
			assertThat(penaltyTypes).hasSize(14).startsWith("警告", "通报批评", "罚款");
			assertThat(wb.getSheetAt(1).getRow(0).getCell(0).getStringCellValue()).contains("ADMIN_PENALTY");
		}
	}

	@Test
	void importingAnOfficialEditionAddsANewVersionAndNeverOverwrites() throws Exception {
		String shipped;
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("catalog/national-base-2024.json")) {
			shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int before = baseVersions();
		// The shipped edition again changes nothing.
		importJson(shipped).andExpect(status().isOk()).andExpect(jsonPath("$.loaded").value(false));
		String official = shipped.replace("\"edition\": \"2024\"", "\"edition\": \"2024-official\"")
			.replace("\"responsibleUnit\": \"人民法院\"", "\"responsibleUnit\": \"各级人民法院\"");
		importJson(official).andExpect(status().isCreated())
			.andExpect(jsonPath("$.loaded").value(true))
			.andExpect(jsonPath("$.version.catalogCode").value("NATIONAL_BASE"))
			.andExpect(jsonPath("$.version.version").value(before + 1))
			.andExpect(jsonPath("$.version.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.version.inForce").value(true))
			.andExpect(jsonPath("$.version.origin").value("IMPORT"));
		assertThat(baseVersions()).isEqualTo(before + 1);
		mvc.perform(get("/api/v1/catalog/items/DISHONEST_JUDGMENT_DEBTOR"))
			.andExpect(jsonPath("$.responsibleUnit").value("各级人民法院"))
			.andExpect(jsonPath("$.catalogVersion").value(before + 1));
		// Earlier versions keep their content.
		assertThat(jdbc.sql("""
				select count(*) from catalog_item_revision r join catalog_version v on v.id = r.catalog_version_id
				where v.version = 1 and r.item_code = 'DISHONEST_JUDGMENT_DEBTOR'
				and r.definition->>'responsibleUnit' = '人民法院'""").query(Integer.class).single()).isEqualTo(1);
		// The same file by upload: nothing new.
		mvc.perform(multipart("/api/v1/catalog/imports")
			.file(new MockMultipartFile("file", "official.json", "application/json",
					official.getBytes(StandardCharsets.UTF_8)))
			.with(staff("admin"))
			.with(csrf())).andExpect(status().isOk()).andExpect(jsonPath("$.loaded").value(false));

		importJson(shipped.replace("\"type\": \"SUBJECT_CODE\"", "\"type\": \"TEXT\""))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("CATALOG_FILE_INVALID"))
			.andExpect(jsonPath("$.reason").value("SUBJECT_CODE_FIELD_COUNT"))
			.andExpect(jsonPath("$.path").value("items[0].fields"));
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CATALOG_EDITION_IMPORTED' and outcome = 'FAILURE'
				and detail->>'reason' = 'SUBJECT_CODE_FIELD_COUNT'""").query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'CATALOG_EDITION_IMPORTED' and outcome = 'SUCCESS'
				and actor = 'admin' and detail->>'edition' = '2024-official'""").query(Integer.class).single())
			.isEqualTo(1);

		mvc.perform(post("/api/v1/catalog/imports").with(staff("provider")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(official)).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/catalog/imports").header("X-Api-Key", "test-demo-key-0123456789")
			.contentType(MediaType.APPLICATION_JSON).content(official)).andExpect(status().isForbidden());
	}

	@Test
	void administratorsRunTheLifecycleByApi() throws Exception {
		String location = mvc.perform(post("/api/v1/catalog/catalogs/REGION/drafts").with(staff("admin")).with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn().getResponse().getHeader("Location");
		String item = """
				{"name": "欠缴物业专项维修资金信息", "category": "LAW_COMPLIANCE", "subjectTypes": ["ORGANISATION"],
				 "responsibleUnit": "住房城乡建设部门", "legalBasis": "《某某条例》第二十条", "openness": "CONDITIONAL",
				 "sharing": "CONDITIONAL", "naturalKey": ["documentNumber"], "decisionDateField": "decisionDate",
				 "fields": [{"key": "subjectCode", "label": "统一社会信用代码", "type": "SUBJECT_CODE", "required": true},
				            {"key": "documentNumber", "label": "文书号", "type": "TEXT", "required": true},
				            {"key": "decisionDate", "label": "决定日期", "type": "DATE", "required": true}]}""";
		mvc.perform(put(location + "/items/REGION_API_FUND").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(item))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value("REGION_API_FUND"));
		mvc.perform(put(location + "/items/REGION_API_FUND").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(item.replace("\"SUBJECT_CODE\"", "\"TEXT\"")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("CATALOG_ITEM_INVALID"))
			.andExpect(jsonPath("$.reason").value("SUBJECT_CODE_FIELD_COUNT"));
		mvc.perform(post(location + "/publication").with(staff("admin")).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("CATALOG_TRANSITION_ILLEGAL"));
		mvc.perform(post(location + "/consultation").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(jsonPath("$.status").value("CONSULTATION"));
		mvc.perform(post(location + "/comments").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"author\": \"李四\", \"authorOrganisation\": \"某物业公司\", \"text\": \"同意\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.author").value("李四"));
		mvc.perform(post(location + "/approval").with(staff("provider")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"document\": \"宁政函〔2026〕9号\", \"documentDate\": \"2026-03-01\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post(location + "/approval").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"document\": \"宁政函〔2026〕9号\", \"documentDate\": \"2026-03-01\"}"))
			.andExpect(jsonPath("$.status").value("APPROVED"))
			.andExpect(jsonPath("$.approval.document").value("宁政函〔2026〕9号"));
		mvc.perform(post(location + "/publication").with(staff("admin")).with(csrf()))
			.andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.inForce").value(true));
		mvc.perform(get(location).with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].code").value("REGION_API_FUND"))
			.andExpect(jsonPath("$.comments[0].text").value("同意"))
			.andExpect(jsonPath("$.events[*].event", hasItem("PUBLISHED")));
		mvc.perform(get("/api/v1/catalog/items/REGION_API_FUND"))
			.andExpect(jsonPath("$.catalogCode").value("REGION"))
			.andExpect(jsonPath("$.provenance.verified").value(true));
		mvc.perform(get("/api/v1/catalog/catalogs").with(staff("admin")))
			.andExpect(jsonPath("$[0].code").value("NATIONAL_BASE"))
			.andExpect(jsonPath("$[?(@.code == 'REGION')].kind").value("REGION"));
		mvc.perform(get("/api/v1/catalog/catalogs").with(staff("provider"))).andExpect(status().isForbidden());
	}

	@Test
	void administratorsManageAssignmentsAndAgreementsByApi() throws Exception {
		mvc.perform(post("/api/v1/catalog/assignments").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationCode\": \"11640000MB190006X7\", \"itemCode\": \"CREDIT_EVALUATION\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.itemCode").value("CREDIT_EVALUATION"));
		mvc.perform(get("/api/v1/catalog/provision").with(staff("admin"))
			.param("organisationCode", "11640000MB190006X7").param("itemCode", "CREDIT_EVALUATION"))
			.andExpect(jsonPath("$.allowed").value(true));
		mvc.perform(post("/api/v1/catalog/agreements").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationCode\": \"91640100MA7D2C4K4E\", \"agreementNumber\": \"API-1\", "
					+ "\"validFrom\": \"2026-01-01\", \"validTo\": \"2026-12-31\", \"itemCodes\": [\"NO_SUCH\"]}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("CATALOG_ITEM_UNKNOWN"));
		mvc.perform(post("/api/v1/catalog/assignments").with(staff("provider")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationCode\": \"11640000MB190006X7\", \"itemCode\": \"HONOUR\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/catalog/agreements").with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].agreementNumber", hasItem("DEMO-AGREEMENT-001")));
	}

	private org.springframework.test.web.servlet.ResultActions importJson(String body) throws Exception {
		return mvc.perform(post("/api/v1/catalog/imports").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body.getBytes(StandardCharsets.UTF_8)));
	}

	private int baseVersions() {
		return jdbc.sql("""
				select count(*) from catalog_version v join catalog c on c.id = v.catalog_id
				where c.code = 'NATIONAL_BASE'""").query(Integer.class).single();
	}

	private static List<Integer> listValidatedColumns(Sheet sheet) {
		List<Integer> columns = new ArrayList<>();
		for (DataValidation v : sheet.getDataValidations()) {
			if (v.getValidationConstraint().getValidationType() == org.apache.poi.ss.usermodel.DataValidationConstraint.ValidationType.LIST) {
				for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
					assertThat(r.getFirstRow()).isEqualTo(2);
					columns.add(r.getFirstColumn());
				}
			}
		}
		return columns;
	}

	private static List<String> cells(Row row) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < row.getLastCellNum(); i++) {
			out.add(row.getCell(i).getStringCellValue());
		}
		return out;
	}

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}

}
