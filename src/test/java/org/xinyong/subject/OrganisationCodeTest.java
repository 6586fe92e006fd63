package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrganisationCodeTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "74820466, 0", "M000100Y, 4", "MB188684, 3", "70723369, 2", "72861860, 4" })
	void computesTheGb11714CheckCharacter(String body, String check) {
		assertThat(OrganisationCode.of(body + "-" + check).value()).isEqualTo(body + check);
		assertThat(OrganisationCode.checks(body + check)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "748204661", "M000100Y5", "MB188684X" })
	void rejectsAWrongCheckCharacter(String code) {
		assertThatThrownBy(() -> OrganisationCode.of(code)).hasFieldOrPropertyWithValue("code",
				"ORG_CODE_CHECK_CHARACTER");
	}

	@ParameterizedTest
	@ValueSource(strings = { "74820466", "7482046600", "7482046!0", "74820466A" })
	void rejectsMalformedCodes(String code) {
		assertThatThrownBy(() -> OrganisationCode.of(code)).hasFieldOrPropertyWithValue("code", "ORG_CODE_FORMAT");
	}
}
