package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.access.Organisations;

/** A provider downloads the item's template, fills in a row below the example and submits it. */
@SpringBootTest(properties = "xinyong.ingest.upload-dir=target/test-uploads")
@AutoConfigureMockMvc
class TemplateRoundTripIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	FileSubmissions files;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFilledInTemplateIsAcceptedAndItsExampleRowIsNotTakenForData() throws Exception {
		byte[] template = mvc.perform(get("/api/v1/catalog/items/ADMIN_PENALTY/template.xlsx"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] filled;
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.getSheetAt(0);
			Row keys = sheet.getRow(1);
			Map<String, String> values = new HashMap<>();
			String[] cells = FileSubmissionIT.line("模板填报有限公司", "91320100748204660Q", "模板罚〔2026〕1号", "2026-04-01")
				.split(",", -1);
			String[] order = { "subjectName", "subjectCode", "legalRepresentative", "decisionNumber", "violationType",
					"facts", "basis", "penaltyType", "penaltyContent", "fineAmount", "confiscatedAmount", "decisionDate",
					"authority", "authorityCode", "severity", "sourceUnit", "sourceUnitCode" };
			for (int i = 0; i < order.length; i++) {
				values.put(order[i], cells[i]);
			}
			Row row = sheet.createRow(3);
			for (int c = 0; c < keys.getLastCellNum(); c++) {
				String key = keys.getCell(c).getStringCellValue();
				String v = values.get(key);
				if (v != null && !v.isEmpty()) {
					row.createCell(c).setCellValue(v);
				}
			}
			wb.write(out);
			filled = out.toByteArray();
		}
		var org = organisations.byCode("12640000MB1900051C").orElseThrow();
		var status = files.accept(new FileSubmissions.FileUpload(org.id(), org.code(), "test", "ADMIN_PENALTY",
				"template-1", "模板.xlsx", null, new ByteArrayInputStream(filled)));
		long deadline = System.currentTimeMillis() + 30_000;
		while (!status.status().equals("DONE") && !status.status().equals("FAILED")
				&& System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
			status = files.status(status.submissionId()).orElseThrow();
		}
		assertThat(status.status()).isEqualTo("DONE");
		assertThat(status.accepted()).isEqualTo(1);
		assertThat(status.rejected()).isEqualTo(1);
		assertThat(jdbc.sql("select errors::text from submission_rejection where submission_id = ?")
			.param(status.submissionId())
			.query(String.class)
			.single()).contains("TEMPLATE_EXAMPLE_ROW");
	}
}
