package org.xinyong.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalNumbersTest {

	@Test
	void masksCitizenNumbersButNotOrganisationCodes() {
		assertThat(PersonalNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
		assertThat(PersonalNumbers.mask("id 110105491231002 in text")).isEqualTo("id 110105*****1002 in text");
		assertThat(PersonalNumbers.mask("91320100748204660Q")).isEqualTo("91320100748204660Q");
		assertThat(PersonalNumbers.mask("11640000MB1900035R")).isEqualTo("11640000MB1900035R");
		assertThat(PersonalNumbers.mask("{\"n\":\"440524188001010014\"}")).isEqualTo("{\"n\":\"440524********0014\"}");
		assertThat(PersonalNumbers.mask("123456789012345678")).isEqualTo("123456789012345678");
	}

	@Test
	void masksOtherPersonalDocuments() {
		// foreigners' permanent residence IDs, new and old forms
		assertThat(PersonalNumbers.mask("933156198501010018")).isEqualTo("93**************18");
		// an all-digit code starting with 9 without the check character or birth date of such an ID stays
		assertThat(PersonalNumbers.mask("933156198501010015")).isEqualTo("933156198501010015");
		assertThat(PersonalNumbers.mask("USA110085010101")).isEqualTo("US***********01");
		// Chinese passports and Hong Kong / Macao residents' permits, alone and inside JSON
		assertThat(PersonalNumbers.mask("E12345678")).isEqualTo("E1*****78");
		assertThat(PersonalNumbers.mask("EA1234567")).isEqualTo("EA*****67");
		assertThat(PersonalNumbers.mask("{\"doc\":\"H1234567801\"}")).isEqualTo("{\"doc\":\"H1*******01\"}");
		assertThat(PersonalNumbers.mask("M12345678")).isEqualTo("M1*****78");
		// unified social credit codes, dates and ordinary words stay
		assertThat(PersonalNumbers.mask("91640100MA7AC0R88M")).isEqualTo("91640100MA7AC0R88M");
		assertThat(PersonalNumbers.mask("GET /api/v1 2026-11-27 E1")).isEqualTo("GET /api/v1 2026-11-27 E1");
	}

	@Test
	void aCitizenNumberNeedsARealBirthDate() {
		// 1948 was a leap year, 1949 was not; no month 13, no day 31 in April, no day 00
		assertThat(PersonalNumbers.mask("110105194802290021")).isEqualTo("110105********0021");
		assertThat(PersonalNumbers.mask("110105194902290021")).isEqualTo("110105194902290021");
		assertThat(PersonalNumbers.mask("110105194913010021")).isEqualTo("110105194913010021");
		assertThat(PersonalNumbers.mask("110105194904310021")).isEqualTo("110105194904310021");
		assertThat(PersonalNumbers.mask("110105194904000021")).isEqualTo("110105194904000021");
		assertThat(PersonalNumbers.mask("110105490229002")).isEqualTo("110105490229002");
		assertThat(PersonalNumbers.mask("110105480229002")).isEqualTo("110105*****9002");
	}
}
