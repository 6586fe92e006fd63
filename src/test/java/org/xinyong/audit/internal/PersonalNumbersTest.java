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
}
