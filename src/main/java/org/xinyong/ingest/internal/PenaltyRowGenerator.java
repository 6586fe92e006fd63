package org.xinyong.ingest.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Realistic 行政处罚 rows for the ingestion benchmark: valid unified social credit codes (GB 32100 with the
 * embedded GB 11714 check) and citizen ID numbers (GB 11643), Chinese names, unique decision numbers, plausible
 * dates, amounts and severities. Deterministic for a seed. About three penalties per subject.
 */
final class PenaltyRowGenerator {

	static final List<String> KEYS = List.of("subjectName", "subjectCode", "legalRepresentative", "decisionNumber",
			"violationType", "facts", "basis", "penaltyType", "penaltyContent", "fineAmount", "confiscatedAmount",
			"decisionDate", "authority", "authorityCode", "severity", "sourceUnit", "sourceUnitCode");

	private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final String[] CITIES = { "银川市", "石嘴山市", "吴忠市", "固原市", "中卫市" };
	private static final String[] CITY_SHORT = { "银", "石", "吴", "固", "卫" };
	private static final String[] REGIONS = { "640100", "640200", "640300", "640400", "640500" };
	private static final String[] PERSON_REGIONS = { "640104", "640105", "640202", "640302", "640402", "640502" };
	private static final String SYLLABLES = "华信恒达鑫源盛泰瑞丰宏宇天成金诚嘉和永安博远汇通德润新星佳豪兴隆明辉志远正阳";
	private static final String[] INDUSTRIES = { "科技", "贸易", "建筑工程", "餐饮管理", "物流", "农业开发", "商贸", "建材",
			"医药", "汽车服务", "文化传媒", "环保科技" };
	private static final String[] SUFFIXES = { "有限公司", "有限责任公司", "股份有限公司" };
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "马", "赵", "黄", "周" };
	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰" };
	private static final String[][] VIOLATIONS = {
			{ "未按规定公示年度报告", "《企业信息公示暂行条例》第十七条" },
			{ "销售不合格产品", "《中华人民共和国产品质量法》第四十九条" },
			{ "虚假宣传", "《中华人民共和国反不正当竞争法》第二十条" },
			{ "无照经营", "《无证无照经营查处办法》第十三条" },
			{ "食品经营许可证过期继续经营", "《中华人民共和国食品安全法》第一百二十二条" } };
	private static final String[] PENALTY_TYPES = { "WARNING", "FINE", "FINE", "FINE", "CONFISCATION_OF_GAINS",
			"LICENCE_SUSPENSION", "LICENCE_REVOCATION" };
	private static final String AUTHORITY_CODE = "11640000MB1900027Y";

	private final Random random;
	private final int subjects;
	private final int firstSubject;

	PenaltyRowGenerator(long seed, int rows) {
		this(seed, rows, 0);
	}

	/** @param firstSubject the first subject number: generators with disjoint ranges name disjoint subjects */
	PenaltyRowGenerator(long seed, int rows, int firstSubject) {
		this.random = new Random(seed);
		this.subjects = Math.max(1, rows / 3);
		this.firstSubject = firstSubject;
	}

	/** Writes {@code rows} rows as UTF-8 CSV with field keys as headers. */
	void writeCsv(Path file, int rows, long numberOffset) throws IOException {
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", KEYS));
			out.write('\n');
			for (int i = 0; i < rows; i++) {
				List<String> row = row(numberOffset + i);
				for (int c = 0; c < row.size(); c++) {
					if (c > 0) {
						out.write(',');
					}
					out.write(csv(row.get(c)));
				}
				out.write('\n');
			}
		}
	}

	/** One row, values in {@link #KEYS} order; {@code number} makes the decision number unique. */
	List<String> row(long number) {
		int subject = firstSubject + random.nextInt(subjects);
		int city = subject % CITIES.length;
		boolean person = subject % 10 == 0;
		Random s = new Random(subject * 7919L + 17);
		String name = person ? SURNAMES[s.nextInt(SURNAMES.length)] + GIVEN[s.nextInt(GIVEN.length)]
				: CITIES[city] + SYLLABLES.charAt(s.nextInt(SYLLABLES.length()))
						+ SYLLABLES.charAt(s.nextInt(SYLLABLES.length())) + INDUSTRIES[s.nextInt(INDUSTRIES.length)]
						+ SUFFIXES[s.nextInt(SUFFIXES.length)];
		String code = person ? residentId(s) : uscc(REGIONS[city], subject);
		String representative = SURNAMES[s.nextInt(SURNAMES.length)] + GIVEN[s.nextInt(GIVEN.length)]
				+ GIVEN[s.nextInt(GIVEN.length)];
		LocalDate date = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1400));
		String[] violation = VIOLATIONS[random.nextInt(VIOLATIONS.length)];
		String type = PENALTY_TYPES[random.nextInt(PENALTY_TYPES.length)];
		int severityRoll = random.nextInt(100);
		String severity = severityRoll < 20 ? "MINOR" : severityRoll < 85 ? "GENERAL" : "SERIOUS";
		String fine = type.equals("FINE") ? String.valueOf((1 + random.nextInt(2000)) / 100.0) : "";
		String confiscated = type.equals("CONFISCATION_OF_GAINS") ? String.valueOf((1 + random.nextInt(500)) / 100.0) : "";
		String decision = CITY_SHORT[city] + "市监罚〔" + date.getYear() + "〕" + number + "号";
		return List.of(name, code, person ? "" : representative, decision, violation[0],
				"经查，当事人" + violation[0] + "，事实清楚，证据确凿。", violation[1], type,
				type.equals("FINE") ? "罚款人民币" + fine + "万元" : "依法处理", fine, confiscated, date.toString(),
				CITIES[city] + "市场监督管理局", AUTHORITY_CODE, severity, "自治区市场监督管理局", AUTHORITY_CODE);
	}

	static String uscc(String region, int subject) {
		String body = String.format("%08d", 10_000_000 + subject % 89_999_999);
		int[] w = { 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (body.charAt(i) - '0') * w[i];
		}
		int c9 = 11 - sum % 11;
		String orgCode = body + (c9 == 11 ? "0" : c9 == 10 ? "X" : String.valueOf(c9));
		String first17 = "91" + region + orgCode;
		int total = 0;
		int weight = 1;
		for (int i = 0; i < 17; i++) {
			total += USCC_CHARS.indexOf(first17.charAt(i)) * weight;
			weight = weight * 3 % 31;
		}
		int check = 31 - total % 31;
		return first17 + USCC_CHARS.charAt(check == 31 ? 0 : check);
	}

	static String residentId(Random s) {
		String region = PERSON_REGIONS[s.nextInt(PERSON_REGIONS.length)];
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(s.nextInt(365 * 50));
		String first17 = region + birth.toString().replace("-", "") + String.format("%03d", s.nextInt(1000));
		int[] w = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * w[i];
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static String csv(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}
}
