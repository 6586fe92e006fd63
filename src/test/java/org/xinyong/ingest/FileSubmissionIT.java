package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** File submissions: GBK and UTF-8 (BOM) CSV, XLSX, whole-file refusals, rejected rows with reasons. */
@SpringBootTest(properties = "xinyong.ingest.upload-dir=target/test-uploads")
@AutoConfigureMockMvc
public class FileSubmissionIT {

	static final String KEY = "test-demo-key-0123456789";

	public static final String HEADER = "行政相对人名称,统一社会信用代码,法定代表人,行政处罚决定书文号,违法行为类型,违法事实,处罚依据,处罚类别,处罚内容,"
			+ "罚款金额（万元）,没收违法所得、没收非法财物的金额（万元）,处罚决定日期,处罚机关,处罚机关统一社会信用代码,失信程度,数据来源单位,数据来源单位统一社会信用代码";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	public static String line(String name, String code, String number, String date) {
		return String.join(",", name, code, "王五", number, "无照经营", "当事人未取得营业执照从事经营活动", "《无证无照经营查处办法》第十三条",
				"FINE", "罚款五千元", "0.5", "", date, "某区市场监督管理局", "11640000MB1900027Y", "GENERAL", "自治区市场监督管理局",
				"11640000MB1900027Y");
	}

	JsonNode upload(String key, String fileName, byte[] content, String charset) throws Exception {
		var request = multipart("/api/v1/submissions/files").file(new MockMultipartFile("file", fileName, null, content))
			.param("catalogItem", "ADMIN_PENALTY")
			.param("submissionKey", key)
			.header("X-Api-Key", KEY);
		if (charset != null) {
			request.param("charset", charset);
		}
		MvcResult result = mvc.perform(request).andExpect(status().isAccepted()).andReturn();
		long id = json.readTree(result.getResponse().getContentAsString()).get("submissionId").asLong();
		return awaitFinished(id);
	}

	JsonNode awaitFinished(long id) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			String body = mvc.perform(get("/api/v1/submissions/files/" + id).header("X-Api-Key", KEY))
				.andReturn()
				.getResponse()
				.getContentAsString();
			JsonNode status = json.readTree(body);
			String s = status.get("status").asString();
			if (s.equals("DONE") || s.equals("FAILED")) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("Submission " + id + " did not finish");
	}

	@Test
	void gbkCsvIsDetectedAndItsGoodRowsKept() throws Exception {
		String csv = HEADER + "\r\n" + line("银川市某某商贸有限公司", "91320100748204660Q", "银市监罚〔2026〕101号", "2026-01-05")
				+ "\r\n" + line("坏代码公司", "91320100748204660X", "银市监罚〔2026〕102号", "2026-01-06") + "\r\n"
				+ line("日期错公司", "91350100M000100Y43", "银市监罚〔2026〕103号", "2026年13月1日") + "\r\n";
		JsonNode status = upload("gbk-1", "处罚.csv", csv.getBytes(Charset.forName("GBK")), null);
		assertThat(status.get("status").asString()).isEqualTo("DONE");
		assertThat(status.get("accepted").asLong()).isEqualTo(1);
		assertThat(status.get("rejected").asLong()).isEqualTo(2);
		assertThat(status.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(jdbc.sql("select payload->>'subjectName' from record_version where natural_key = '银市监罚〔2026〕101号'")
			.query(String.class)
			.single()).isEqualTo("银川市某某商贸有限公司");
	}

	/**
	 * A file's batches are first written as new records; a file that changes or repeats existing records must still
	 * get new versions only where the content changed (the batch meets an existing record and is written again).
	 */
	@Test
	void aSecondFileChangesRepeatsAndAddsRecords() throws Exception {
		String a = line("甲某某公司", "91320100748204660Q", "再报罚〔2026〕1号", "2026-04-01");
		String b = line("乙某某公司", "91350100M000100Y43", "再报罚〔2026〕2号", "2026-04-02");
		JsonNode first = upload("again-1", "first.csv", (HEADER + "\n" + a + "\n" + b + "\n").getBytes(StandardCharsets.UTF_8),
				null);
		assertThat(first.get("created").asLong()).isEqualTo(2);
		String changedA = a.replace("罚款五千元", "罚款六千元");
		String c = line("丙某某公司", "91640100MA7AC0U13A", "再报罚〔2026〕3号", "2026-04-03");
		JsonNode second = upload("again-2", "second.csv",
				(HEADER + "\n" + changedA + "\n" + b + "\n" + c + "\n").getBytes(StandardCharsets.UTF_8), null);
		assertThat(second.get("status").asString()).isEqualTo("DONE");
		assertThat(List.of(second.get("created").asLong(), second.get("changed").asLong(),
				second.get("unchanged").asLong(), second.get("rejected").asLong())).containsExactly(1L, 1L, 1L, 0L);
		assertThat(jdbc.sql("""
				select natural_key || ' v' || version_no || ' ' || kind from record_version
				where natural_key like '再报罚〔2026〕%' order by natural_key, version_no""")
			.query(String.class)
			.list()).containsExactly("再报罚〔2026〕1号 v1 CREATED", "再报罚〔2026〕1号 v2 CHANGED", "再报罚〔2026〕2号 v1 CREATED",
					"再报罚〔2026〕3号 v1 CREATED");
	}

	/** Versions go to the server as binary COPY fields: every column must read back as the row and the file said. */
	@Test
	void everyColumnOfAFileVersionIsStoredAsSubmitted() throws Exception {
		java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		String csv = HEADER + "\n" + line("中卫某某\\物流有限公司", "91320100748204660Q", "卫市监罚〔2026〕31号", "2026-03-09") + "\n";
		JsonNode status = upload("columns-1", "columns.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(status.get("accepted").asLong()).isEqualTo(1);
		long submission = status.get("submissionId").asLong();
		var row = jdbc.sql("""
				select v.version_no, v.kind, v.catalog_item, v.provider_id, v.natural_key, s.code, v.payload->>'subjectName',
				       v.payload->>'fineAmount', v.content_hash = sha256(convert_to(v.payload::text, 'UTF8')),
				       v.decision_date, v.severity, v.reason, v.catalog_version_id > 0, v.submission_id, v.agreement_id,
				       v.self_declared, v.recorded_by, v.recorded_at
				from record_version v join credit_subject s on s.id = v.subject_id
				where v.natural_key = '卫市监罚〔2026〕31号'""")
			.query((rs, n) -> java.util.Arrays.asList(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
					rs.getObject(10, java.time.LocalDate.class), rs.getString(11), rs.getString(12), rs.getBoolean(13),
					rs.getLong(14), rs.getObject(15), rs.getBoolean(16), rs.getString(17),
					rs.getObject(18, java.time.OffsetDateTime.class).toInstant()))
			.single();
		var submitted = jdbc.sql("select organisation_id, submitted_by from submission where id = ?").param(submission)
			.query((rs, n) -> java.util.List.of(rs.getLong(1), rs.getString(2)))
			.single();
		assertThat((String) submitted.get(1)).isNotBlank();
		assertThat(row.subList(0, 17)).containsExactly(1, "CREATED", "ADMIN_PENALTY", submitted.get(0), "卫市监罚〔2026〕31号",
				"91320100748204660Q", "中卫某某\\物流有限公司", "0.5", true, java.time.LocalDate.of(2026, 3, 9), "GENERAL",
				null, true, submission, null, false, submitted.get(1));
		assertThat((java.time.Instant) row.get(17)).isBetween(before, java.time.Instant.now());
	}

	@Test
	void utf8WithBomAndDeclaredCharsetsWork() throws Exception {
		String csv = HEADER + "\n" + line("石嘴山某某建筑有限公司", "91430122707233692A", "石市监罚〔2026〕7号", "2026/2/3") + "\n";
		byte[] body = csv.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		JsonNode status = upload("bom-1", "bom.csv", withBom, null);
		assertThat(status.get("accepted").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select payload->>'decisionDate' from record_version where natural_key = '石市监罚〔2026〕7号'")
			.query(String.class)
			.single()).isEqualTo("2026-02-03");

		String gbk = HEADER + "\n" + line("吴忠某某餐饮店", "91370400728618604X", "吴市监罚〔2026〕8号", "2026-02-04") + "\n";
		JsonNode declared = upload("declared-1", "data.txt", gbk.getBytes(Charset.forName("GBK")), "GBK");
		assertThat(declared.get("accepted").asLong()).isEqualTo(1);
	}

	@Test
	void xlsxRowsAreReadWithDatesAndNumbers() throws Exception {
		byte[] xlsx;
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("数据");
			String[] headers = HEADER.split(",");
			Row head = sheet.createRow(0);
			for (int i = 0; i < headers.length; i++) {
				head.createCell(i).setCellValue(headers[i]);
			}
			CellStyle dateStyle = wb.createCellStyle();
			dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy年m月d日"));
			String[] values = line("固原某某物流有限公司", "11320100MB1886843H", "固市监罚〔2026〕9号", "x").split(",", -1);
			Row row = sheet.createRow(1);
			for (int i = 0; i < values.length; i++) {
				if (i == 9) {
					row.createCell(i).setCellValue(12.5);
				}
				else if (i == 11) {
					var cell = row.createCell(i);
					cell.setCellValue(java.time.LocalDate.of(2026, 3, 9));
					cell.setCellStyle(dateStyle);
				}
				else if (!values[i].isEmpty()) {
					row.createCell(i).setCellValue(values[i]);
				}
			}
			wb.write(out);
			xlsx = out.toByteArray();
		}
		JsonNode status = upload("xlsx-1", "处罚.xlsx", xlsx, null);
		assertThat(status.get("status").asString()).isEqualTo("DONE");
		assertThat(status.get("accepted").asLong()).isEqualTo(1);
		var payload = jdbc.sql("select payload::text from record_version where natural_key = '固市监罚〔2026〕9号'")
			.query(String.class)
			.single();
		assertThat(json.readTree(payload).get("decisionDate").asString()).isEqualTo("2026-03-09");
		assertThat(json.readTree(payload).get("fineAmount").asDouble()).isEqualTo(12.5);
	}

	@Test
	void unknownColumnsRefuseTheWholeFileAndWriteNothing() throws Exception {
		String csv = HEADER + ",备注\n" + line("中卫某某公司", "91320100748204660Q", "卫市监罚〔2026〕1号", "2026-01-01") + ",x\n";
		long before = jdbc.sql("select count(*) from record_version").query(Long.class).single();
		JsonNode status = upload("unknown-col", "x.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(status.get("status").asString()).isEqualTo("FAILED");
		assertThat(status.get("failureCode").asString()).isEqualTo("FILE_COLUMNS_UNKNOWN");
		assertThat(jdbc.sql("select count(*) from record_version").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void legacyXlsIsRefusedWithItsCode() throws Exception {
		byte[] ole = new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		JsonNode status = upload("xls-1", "old.xls", ole, null);
		assertThat(status.get("failureCode").asString()).isEqualTo("FILE_FORMAT_UNSUPPORTED");
	}

	@Test
	void rejectedRowsDownloadWithReasonsAndNeutralisedFormulas() throws Exception {
		String csv = HEADER + "\n" + line("=HYPERLINK(\"http://x\")", "91320100748204660R", "卫市监罚〔2026〕2号", "2026-01-01")
				+ "\n";
		JsonNode status = upload("reject-1", "r.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		long id = status.get("submissionId").asLong();
		assertThat(status.get("rejected").asLong()).isEqualTo(1);

		byte[] csvOut = mvc.perform(get("/api/v1/submissions/files/" + id + "/rejected.csv").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String text = new String(csvOut, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF行号 Row").contains("USCC_CHECK_CHARACTER").contains("'=HYPERLINK");

		byte[] xlsxOut = mvc.perform(get("/api/v1/submissions/files/" + id + "/rejected.xlsx").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsxOut))) {
			Row row = wb.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(2.0);
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://x\")");
			assertThat(row.getCell(18).getStringCellValue()).contains("USCC_CHECK_CHARACTER");
		}
	}

	@Test
	void repeatingAFileSubmissionKeyReturnsTheSameSubmission() throws Exception {
		String csv = HEADER + "\n" + line("某某公司", "91430122707233692A", "重复罚〔2026〕1号", "2026-01-01") + "\n";
		JsonNode first = upload("same-file", "a.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		JsonNode second = upload("same-file", "a.csv", csv.getBytes(StandardCharsets.UTF_8), null);
		assertThat(second.get("submissionId").asLong()).isEqualTo(first.get("submissionId").asLong());
		assertThat(jdbc.sql("select count(*) from record_version where natural_key = '重复罚〔2026〕1号'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}
}
