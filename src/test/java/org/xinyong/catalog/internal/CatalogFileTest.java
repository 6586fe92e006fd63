package org.xinyong.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Masking;
import org.xinyong.catalog.internal.CatalogContentInvalidException.Reason;
import org.xinyong.platform.DomainException;

/** The shipped national base catalog and the rules every catalog file must keep. */
class CatalogFileTest {

	static final List<String> COMPLETE_ITEMS = List.of("ADMIN_LICENCE", "ADMIN_PENALTY", "SERIOUS_DISHONESTY_LIST",
			"ABNORMAL_OPERATION_LIST", "CREDIT_COMMITMENT", "CREDIT_EVALUATION", "DISHONEST_JUDGMENT_DEBTOR", "HONOUR",
			"SELF_DECLARATION");

	static final List<String> PENALTY_KEYS = List.of("subjectName", "subjectCode", "legalRepresentative",
			"decisionNumber", "violationType", "facts", "basis", "penaltyType", "penaltyContent", "fineAmount",
			"confiscatedAmount", "decisionDate", "authority", "authorityCode", "severity", "sourceUnit",
			"sourceUnitCode");

	static byte[] shipped() throws IOException {
		try (InputStream in = CatalogFileTest.class.getClassLoader().getResourceAsStream(BundledCatalog.RESOURCE)) {
			return in.readAllBytes();
		}
	}

	@Test
	void theShippedBaseCatalogHasThirteenCategoriesAndTheCompleteItems() throws IOException {
		CatalogFile file = CatalogFile.parse(shipped());
		assertThat(file.nationalBase()).isTrue();
		assertThat(file.edition()).isEqualTo("2024");
		assertThat(file.categories()).hasSize(13)
			.extracting(CategoryInfo::code)
			.containsExactly(InfoCategory.values());
		assertThat(file.categories()).extracting(CategoryInfo::number)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);
		// The first five names were read in the 2024 explanation; the other eight were not.
		assertThat(file.categories().subList(0, 5)).allSatisfy(c -> assertThat(c.provenance().verified()).isTrue());
		assertThat(file.categories().subList(5, 13)).allSatisfy(c -> assertThat(c.provenance().verified()).isFalse());
		assertThat(file.categories().get(2).name()).isEqualTo("行政管理信息");
		assertThat(file.items()).extracting(CatalogItem::code).containsAll(COMPLETE_ITEMS);
		assertThat(file.provenance()).isNotNull();
	}

	@Test
	void everyItemHasProvenanceOneSubjectCodeFieldAndWhatArticles27And41Require() throws IOException {
		for (CatalogItem item : CatalogFile.parse(shipped()).items()) {
			assertThat(item.provenance()).as(item.code()).isNotNull();
			assertThat(item.provenance().source()).as(item.code()).isNotBlank();
			assertThat(item.fields().stream().filter(f -> f.type() == FieldType.SUBJECT_CODE)).as(item.code())
				.hasSize(1);
			assertThat(item.category()).isNotNull();
			assertThat(item.name()).isNotBlank();
			assertThat(item.subjectTypes()).isNotEmpty();
			assertThat(item.responsibleUnit()).isNotBlank();
			assertThat(item.legalBasis()).isNotBlank();
			assertThat(item.naturalKey()).isNotEmpty();
			if (item.dishonesty()) {
				assertThat(item.basisDocumentField()).as(item.code()).isNotNull();
			}
		}
	}

	@Test
	void thePenaltyItemCarriesTheDoublePublicityFields() throws IOException {
		CatalogItem penalty = CatalogFile.parse(shipped())
			.items()
			.stream()
			.filter(i -> i.code().equals("ADMIN_PENALTY"))
			.findFirst()
			.orElseThrow();
		assertThat(penalty.fields()).extracting(FieldSchema::key).containsExactlyElementsOf(PENALTY_KEYS);
		assertThat(penalty.category()).isEqualTo(InfoCategory.ADMINISTRATIVE);
		assertThat(penalty.dishonesty()).isTrue();
		assertThat(penalty.naturalKey()).containsExactly("decisionNumber");
		assertThat(penalty.basisDocumentField()).isEqualTo("decisionNumber");
		assertThat(penalty.decisionDateField()).isEqualTo("decisionDate");
		assertThat(penalty.severityField()).isEqualTo("severity");
		assertThat(penalty.field("subjectName").orElseThrow().label()).isEqualTo("行政相对人名称");
		assertThat(penalty.field("decisionNumber").orElseThrow().label()).isEqualTo("行政处罚决定书文号");
		assertThat(penalty.field("fineAmount").orElseThrow().label()).isEqualTo("罚款金额（万元）");
		assertThat(penalty.field("fineAmount").orElseThrow().type()).isEqualTo(FieldType.DECIMAL);
		assertThat(penalty.field("confiscatedAmount").orElseThrow().label())
			.isEqualTo("没收违法所得、没收非法财物的金额（万元）");
		FieldSchema date = penalty.field("decisionDate").orElseThrow();
		assertThat(date.type()).isEqualTo(FieldType.DATE);
		assertThat(date.required()).isTrue();
		assertThat(penalty.field("authorityCode").orElseThrow().type()).isEqualTo(FieldType.UNIFIED_CODE);
		assertThat(penalty.field("sourceUnitCode").orElseThrow().type()).isEqualTo(FieldType.UNIFIED_CODE);
		assertThat(penalty.field("penaltyType").orElseThrow().allowedValues()).hasSize(14)
			.extracting(FieldSchema.AllowedValue::label)
			.containsExactly("警告", "通报批评", "罚款", "没收违法所得", "没收非法财物", "暂扣许可证件", "降低资质等级", "吊销许可证件",
					"限制开展生产经营活动", "责令停产停业", "责令关闭", "限制从业", "行政拘留", "其他");
		assertThat(penalty.field("severity").orElseThrow().allowedValues())
			.extracting(FieldSchema.AllowedValue::value)
			.containsExactly("MINOR", "GENERAL", "SERIOUS");
		assertThat(penalty.subjectCodeField().masking()).isEqualTo(Masking.ID_NUMBER);
		assertThat(penalty.field("subjectName").orElseThrow().masking()).isEqualTo(Masking.PERSON_NAME);
	}

	@Test
	void theLicenceHasValidityDates() throws IOException {
		CatalogItem licence = CatalogFile.parse(shipped())
			.items()
			.stream()
			.filter(i -> i.code().equals("ADMIN_LICENCE"))
			.findFirst()
			.orElseThrow();
		assertThat(licence.field("validFrom").orElseThrow().label()).isEqualTo("有效期自");
		assertThat(licence.field("validTo").orElseThrow().label()).isEqualTo("有效期至");
	}

	@Test
	void itemsSurviveWritingAndReadingBack() throws IOException {
		for (CatalogItem item : CatalogFile.parse(shipped()).items()) {
			assertThat(Versions.item(ItemJson.write(item).toString())).isEqualTo(item);
		}
	}

	@Test
	void refusesBrokenFilesNamingTheRuleAndWhere() {
		assertRefused("", Reason.EMPTY, "/");
		assertRefused("{\"format\": ", Reason.MALFORMED_JSON, "/");
		assertRefused("[]", Reason.NOT_AN_OBJECT, "/");
		assertRefused(file("xinyong-catalog/9", "REGION", item("A_B", subject())), Reason.FORMAT_UNKNOWN, "format");
		assertRefused(file(CatalogFile.FORMAT, "NATIONAL_BASE", item("A_B", subject())),
				Reason.CATEGORIES_INCOMPLETE, "categories");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("A_B", subject(), subject().replace("subjectCode", "x"))),
				Reason.SUBJECT_CODE_FIELD_COUNT, "items[0].fields");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("A_B", "{\"key\": \"a\", \"label\": \"甲\", \"type\": \"ENUM\"}",
				subject())), Reason.ENUM_WITHOUT_VALUES, "items[0].fields[0]");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("a-b", subject())), Reason.CODE_INVALID, "items[0].code");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("A_B", subject()).replace("\"naturalKey\"", "\"naturalkey\"")),
				Reason.KEY_UNKNOWN, "items[0].naturalkey");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("A_B", subject()).replace("\"documentNumber\"]", "\"nope\"]")),
				Reason.FIELD_UNKNOWN, "items[0].naturalKey[0]");
		assertRefused(file(CatalogFile.FORMAT, "REGION", item("A_B", subject()) + "," + item("A_B", subject())),
				Reason.DUPLICATE, "items[1].code");
	}

	@Test
	void refusesItemsThatLackWhatArticle27Requires() {
		String incomplete = file(CatalogFile.FORMAT, "REGION", item("A_B", subject()).replace("\"legalBasis\": \"依据\",", ""));
		assertThatThrownBy(() -> CatalogFile.parse(incomplete.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOf(DomainException.class)
			.extracting(e -> ((DomainException) e).code())
			.isEqualTo(ItemRules.INCOMPLETE);
	}

	private static void assertRefused(String content, Reason reason, String path) {
		assertThatThrownBy(() -> CatalogFile.parse(content.getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(CatalogContentInvalidException.class, e -> {
				assertThat(e.code()).isEqualTo(CatalogContentInvalidException.FILE);
				assertThat(e.reason()).isEqualTo(reason);
				assertThat(e.path().isEmpty() ? "/" : e.path()).isEqualTo(path);
			});
	}

	static String file(String format, String catalog, String items) {
		return "{\"format\": \"" + format + "\", \"catalog\": \"" + catalog + "\", \"items\": [" + items + "]}";
	}

	static String subject() {
		return "{\"key\": \"subjectCode\", \"label\": \"统一社会信用代码\", \"type\": \"SUBJECT_CODE\", \"required\": true}";
	}

	static String item(String code, String... fields) {
		return """
				{"code": "%s", "category": "ADMINISTRATIVE", "name": "测试条目", "subjectTypes": ["ORGANISATION"],
				 "responsibleUnit": "单位", "legalBasis": "依据", "openness": "PUBLIC", "sharing": "CONDITIONAL",
				 "naturalKey": ["documentNumber"],
				 "fields": [%s, {"key": "documentNumber", "label": "文书号", "type": "TEXT", "required": true}]}"""
			.formatted(code, String.join(",", fields));
	}
}
