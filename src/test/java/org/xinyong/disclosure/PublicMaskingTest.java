package org.xinyong.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Masking;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.subject.SubjectType;

/** Masking follows the catalog's rules: everything for natural persons, people's ID numbers for organisations. */
class PublicMaskingTest {

	static final CatalogItem ITEM = new CatalogItem("X", InfoCategory.ADMINISTRATIVE, "测试", "Test",
			Set.of(SubjectType.ORGANISATION, SubjectType.NATURAL_PERSON), "单位", "依据", Openness.PUBLIC,
			SharingLevel.UNCONDITIONAL, false, null, List.of("n"), null, null, null,
			List.of(field("subjectName", FieldType.TEXT, Masking.PERSON_NAME),
					field("subjectCode", FieldType.SUBJECT_CODE, Masking.ID_NUMBER),
					field("representativeId", FieldType.TEXT, Masking.ID_NUMBER),
					field("phone", FieldType.TEXT, Masking.PHONE), field("address", FieldType.TEXT, Masking.ADDRESS),
					field("n", FieldType.TEXT, Masking.NONE)));

	static FieldSchema field(String key, FieldType type, Masking masking) {
		return new FieldSchema(key, key, key, type, false, null, List.of(), masking);
	}

	static final Map<String, Object> VALUES = Map.of("subjectName", "欧阳小明", "subjectCode", "11010519491231002X",
			"representativeId", "11010519491231002X", "phone", "138-1234-5678", "address",
			"宁夏回族自治区银川市兴庆区解放西街 1 号", "n", "文号-1", "notInSchema", "hidden");

	@Test
	void naturalPersonsDataIsMaskedField() {
		Map<String, Object> shown = PublicMasking.mask(ITEM, SubjectType.NATURAL_PERSON, VALUES);
		assertThat(shown).containsEntry("subjectName", "欧***")
			.containsEntry("subjectCode", "110105********002X")
			.containsEntry("representativeId", "110105********002X")
			.containsEntry("phone", "138****5678")
			.containsEntry("address", "宁夏回族自治区银川市兴庆区****")
			.containsEntry("n", "文号-1")
			.doesNotContainKey("notInSchema");
	}

	@Test
	void organisationsShowTheirOwnCodeAndNameButNotPeoplesIdNumbers() {
		Map<String, Object> values = new java.util.HashMap<>(VALUES);
		values.put("subjectName", "南京某某科技有限公司");
		values.put("subjectCode", "91320100748204660Q");
		Map<String, Object> shown = PublicMasking.mask(ITEM, SubjectType.ORGANISATION, values);
		assertThat(shown).containsEntry("subjectName", "南京某某科技有限公司")
			.containsEntry("subjectCode", "91320100748204660Q")
			.containsEntry("representativeId", "110105********002X")
			.containsEntry("address", "宁夏回族自治区银川市兴庆区解放西街 1 号");
	}

	@Test
	void shortValuesNeverShowWhole() {
		assertThat(PublicMasking.mask(Masking.PERSON_NAME, "王")).isEqualTo("*");
		assertThat(PublicMasking.mask(Masking.PERSON_NAME, "王五")).isEqualTo("王*");
		assertThat(PublicMasking.mask(Masking.ID_NUMBER, "E1234567")).isEqualTo("E1234***").doesNotContain("567");
		assertThat(PublicMasking.mask(Masking.PHONE, "12345")).doesNotContain("12345");
		assertThat(PublicMasking.mask(Masking.ADDRESS, "某县城关镇幸福路 8 号")).isEqualTo("某县****");
	}
}
