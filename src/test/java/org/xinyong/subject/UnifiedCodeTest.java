package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedCodeTest {

	@ParameterizedTest
	@ValueSource(strings = { "91320100748204660Q", "91350100M000100Y43", "91430122707233692A", "91370400728618604X",
			"11320100MB1886843H" })
	void acceptsPublishedCodes(String published) {
		UnifiedCode code = UnifiedCode.of(published);

		assertThat(code.value()).isEqualTo(published);
		assertThat(code.kind()).isEqualTo(IdentifierKind.USCC);
		assertThat(code.legacy()).isFalse();
		assertThat(code.organisationCodeValid()).isTrue();
	}

	@Test
	void decodesAnEnterprise() {
		UnifiedCode code = UnifiedCode.of("91320100748204660Q");

		assertThat(code.registrationAuthority()).contains(RegistrationAuthority.MARKET_REGULATION);
		assertThat(code.category()).contains(OrganisationCategory.ENTERPRISE);
		assertThat(code.region().code()).isEqualTo("320100");
		assertThat(code.region().province()).contains(Province.JIANGSU);
		assertThat(code.subjectIdentificationCode()).isEqualTo("748204660");
		assertThat(code.organisationCode()).map(OrganisationCode::display).contains("74820466-0");
	}

	@Test
	void decodesAGovernmentOrgan() {
		UnifiedCode code = UnifiedCode.of("11320100MB1886843H");

		assertThat(code.registrationAuthority()).contains(RegistrationAuthority.ESTABLISHMENT);
		assertThat(code.category()).contains(OrganisationCategory.GOVERNMENT_ORGAN);
		assertThat(code.category().orElseThrow().authority()).isEqualTo(RegistrationAuthority.ESTABLISHMENT);
		assertThat(code.subjectIdentificationCode()).isEqualTo("MB1886843");
	}

	@Test
	void acceptsNationalLevelRegistrations() {
		UnifiedCode code = UnifiedCode.of("11100000000000000J");

		assertThat(code.region().nationalLevel()).isTrue();
		assertThat(code.region().province()).isEmpty();
	}

	@ParameterizedTest(name = "{0} -> expected {1}")
	@CsvSource({ "91320100748204660R, Q", "91350100M000100Y44, 3", "91430122707233692B, A",
			"913704007286186040, X", "11320100MB1886843J, H", "91320100748204660A, Q" })
	void rejectsAWrongCheckCharacterNamingTheExpectedOne(String wrong, String expected) {
		assertThatThrownBy(() -> UnifiedCode.of(wrong))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo("USCC_CHECK_CHARACTER");
				assertThat(e.rule()).isEqualTo(IdentifierRule.USCC_CHECK_CHARACTER);
				assertThat(e.args()).containsExactly(expected, wrong.substring(17));
				assertThat(e.kind()).isEqualTo(IdentifierKind.USCC);
				assertThat(e.messageKey()).isEqualTo("error.USCC_CHECK_CHARACTER");
				assertThat(e.status().value()).isEqualTo(422);
			});
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z' })
	void rejectsExcludedLetters(char excluded) {
		String code = "91320100" + excluded + "48204660Q";

		assertThatThrownBy(() -> UnifiedCode.of(code))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo("USCC_CHARSET");
				assertThat(e.args()).containsExactly(9, String.valueOf(excluded));
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "9132010074820466Q", "91320100748204660QQ", "91320100", "9" })
	void rejectsAWrongLength(String code) {
		assertThatThrownBy(() -> UnifiedCode.of(code))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo("USCC_LENGTH");
				assertThat(e.args()).containsExactly(code.length());
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "  ", "", "-" })
	void rejectsEmptyInput(String blank) {
		assertThatThrownBy(() -> UnifiedCode.of(blank))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.extracting(InvalidIdentifierException::code)
			.isEqualTo("IDENTIFIER_EMPTY");
		assertThatThrownBy(() -> UnifiedCode.of(null)).isInstanceOf(InvalidIdentifierException.class);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "91990100748204660X, 990100", "9132A100748204660L, 32A100" })
	void rejectsAnUnknownRegionEvenWithARightCheckCharacter(String code, String region) {
		assertThatThrownBy(() -> UnifiedCode.of(code))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo("USCC_REGION");
				assertThat(e.args()).containsExactly(region);
				assertThat(e.issues()).extracting(IdentifierIssue::code).containsExactly("USCC_REGION");
			});
	}

	@Test
	void reportsEveryBrokenRuleInTheInspection() {
		Inspection<UnifiedCode> inspection = UnifiedCode.inspect("91990100748204660Q", false);

		assertThat(inspection.errors()).extracting(IdentifierIssue::code)
			.containsExactly("USCC_REGION", "USCC_CHECK_CHARACTER");
	}

	@ParameterizedTest
	@ValueSource(strings = { " 9132 0100 7482 0466 0Q ", "91320100-748204660-Q", "91320100748204660q",
			"９１３２０１００７４８２０４６６０Ｑ", "\u30009132\u30000100748204660Q\t", "91320100–74820466–0Q",
			"\uFEFF91320100748204660Q" })
	void normalisesSpacesHyphensCaseAndFullWidthForms(String typed) {
		assertThat(UnifiedCode.of(typed).value()).isEqualTo("91320100748204660Q");
	}

	@Test
	void acceptsAnIndividualBusinessWhoseBodyIsNotAnOrganisationCode() {
		UnifiedCode code = UnifiedCode.of("92320100MA1MXYW701");
		Inspection<UnifiedCode> inspection = UnifiedCode.inspect(code.value(), false);

		assertThat(code.category()).contains(OrganisationCategory.INDIVIDUAL_BUSINESS);
		assertThat(code.organisationCodeValid()).isFalse();
		assertThat(code.organisationCode()).isEmpty();
		assertThat(inspection.warnings()).containsExactly(
				IdentifierIssue.of(IdentifierRule.ORG_CODE_CHECK_CHARACTER, "2", "0"));
	}

	@Test
	void acceptsAnUnknownCategoryWithAWarning() {
		UnifiedCode code = UnifiedCode.of("95320100748204660C");

		assertThat(code.registrationAuthority()).contains(RegistrationAuthority.MARKET_REGULATION);
		assertThat(code.category()).isEmpty();
		assertThat(UnifiedCode.inspect(code.value(), false).warnings()).extracting(IdentifierIssue::code)
			.containsExactly("USCC_CATEGORY_UNKNOWN");
	}

	@Test
	void acceptsAnUnknownAuthorityWithAWarning() {
		UnifiedCode code = UnifiedCode.of("K1320100748204660E");

		assertThat(code.registrationAuthority()).isEmpty();
		assertThat(code.category()).isEmpty();
	}

	@Test
	void rejectsTheEarlyPilotCodeButAcceptsItFromTheRegistryFeed() {
		String pilot = "91350100M0001TGQXM";

		assertThatThrownBy(() -> UnifiedCode.of(pilot))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo("USCC_CHECK_CHARACTER");
				assertThat(e.args()).containsExactly("1", "M");
			});

		UnifiedCode fromFeed = UnifiedCode.fromRegistryFeed(pilot);
		assertThat(fromFeed.legacy()).isTrue();
		assertThat(fromFeed.value()).isEqualTo(pilot);
		assertThat(fromFeed.region().province()).contains(Province.FUJIAN);
		assertThat(fromFeed.organisationCodeValid()).isTrue();
	}

	@Test
	void theRegistryFeedStillRejectsMalformedCodes() {
		assertThatThrownBy(() -> UnifiedCode.fromRegistryFeed("91350100M0001TGQX"))
			.hasFieldOrPropertyWithValue("code", "USCC_LENGTH");
		assertThatThrownBy(() -> UnifiedCode.fromRegistryFeed("91350100M0001TGQXO"))
			.hasFieldOrPropertyWithValue("code", "USCC_CHARSET");
		assertThat(UnifiedCode.fromRegistryFeed("91320100748204660Q").legacy()).isFalse();
	}

	@Test
	void isAValue() {
		assertThat(UnifiedCode.of("91320100748204660Q")).isEqualTo(UnifiedCode.of("91320100-748204660-q"))
			.hasSameHashCodeAs(UnifiedCode.of("91320100748204660Q"))
			.hasToString("91320100748204660Q")
			.isNotEqualTo(UnifiedCode.of("91350100M000100Y43"));
	}
}
