package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinyong.platform.Zones;

class IdentifiersTest {

	static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T04:00:00Z"), Zones.DISPLAY);

	@ParameterizedTest(name = "{0} -> {2}")
	@CsvSource({ "91320100748204660Q, 91320100748204660Q, USCC", "91350100M000100Y43, 91350100M000100Y43, USCC",
			"91430122707233692A, 91430122707233692A, USCC", "91370400728618604X, 91370400728618604X, USCC",
			"11320100MB1886843H, 11320100MB1886843H, USCC", "9132 0100 7482 0466 0q, 91320100748204660Q, USCC",
			"92320100MA1MXYW701, 92320100MA1MXYW701, USCC",
			"11010519491231002X, 11010519491231002X, RESIDENT_ID",
			"11010519491231002x, 11010519491231002X, RESIDENT_ID",
			"440524188001010014, 440524188001010014, RESIDENT_ID",
			"110105491231002, 11010519491231002X, RESIDENT_ID",
			"911840198503150024, 911840198503150024, FOREIGN_PERMANENT_RESIDENCE",
			"USA123456789012, USA123456789012, FOREIGN_PERMANENT_RESIDENCE",
			"H12345678, H12345678, HK_MACAO_PERMIT", "M1234567890, M1234567890, HK_MACAO_PERMIT",
			"12345678, 12345678, TAIWAN_PERMIT", "1234567890, 1234567890, TAIWAN_PERMIT",
			"E12345678, E12345678, PASSPORT", "EA1234567, EA1234567, PASSPORT" })
	void detectsValidIdentifiers(String typed, String value, IdentifierKind kind) {
		IdentifierCheck check = Identifiers.parse(typed, TODAY);

		assertThat(check.kind()).isEqualTo(kind);
		assertThat(check.valid()).isTrue();
		assertThat(check.value()).isEqualTo(value);
		assertThat(check.errors()).isEmpty();
		assertThat(check.identifier()).map(Identifier::value).contains(value);
	}

	@ParameterizedTest(name = "{0} -> {1} {2}")
	@CsvSource({ "91320100748204660R, USCC, USCC_CHECK_CHARACTER", "91350100M000100Y44, USCC, USCC_CHECK_CHARACTER",
			"91430122707233692B, USCC, USCC_CHECK_CHARACTER", "913704007286186045, USCC, USCC_CHECK_CHARACTER",
			"11320100MB1886843J, USCC, USCC_CHECK_CHARACTER", "91350100M0001TGQXM, USCC, USCC_CHECK_CHARACTER",
			"91320100O48204660Q, USCC, USCC_CHARSET", "91990100748204660X, USCC, USCC_REGION",
			"9132010074820466Q, USCC, USCC_LENGTH", "91320100748204660QA, USCC, USCC_LENGTH",
			"110105194912310021, RESIDENT_ID, RESIDENT_ID_CHECK_DIGIT",
			"110105194902300012, RESIDENT_ID, RESIDENT_ID_BIRTH_DATE",
			"110105209901010012, RESIDENT_ID, RESIDENT_ID_BIRTH_DATE",
			"000105194912310024, RESIDENT_ID, RESIDENT_ID_REGION",
			"110105490230001, RESIDENT_ID, RESIDENT_ID_BIRTH_DATE",
			"11010519491231002, RESIDENT_ID, RESIDENT_ID_LENGTH",
			"911840198503150025, FOREIGN_PERMANENT_RESIDENCE, DOCUMENT_CHECK_DIGIT",
			"HELLO, UNKNOWN, IDENTIFIER_UNRECOGNISED", "统一社会信用代码, UNKNOWN, IDENTIFIER_UNRECOGNISED",
			"'  - ', UNKNOWN, IDENTIFIER_EMPTY" })
	void reportsTheMostPlausibleKindOfAnInvalidValue(String typed, IdentifierKind kind, String code) {
		IdentifierCheck check = Identifiers.parse(typed, TODAY);

		assertThat(check.kind()).isEqualTo(kind);
		assertThat(check.valid()).isFalse();
		assertThat(check.errors()).extracting(IdentifierIssue::code).first().isEqualTo(code);
		assertThat(check.details()).isEmpty();
		assertThat(check.identifier()).isEmpty();
	}

	@Test
	void namesTheExpectedCheckCharacterOfAUscc() {
		IdentifierCheck check = Identifiers.parse("91320100748204660R", TODAY);

		assertThat(check.errors()).containsExactly(
				IdentifierIssue.of(IdentifierRule.USCC_CHECK_CHARACTER, "Q", "R"));
	}

	@Test
	void decodesAUscc() {
		IdentifierCheck check = Identifiers.parse("91320100748204660Q", TODAY);

		assertThat(check.details()).containsExactly(
				entry("registrationAuthority", new LabelledCode("9", "subject.authority.9")),
				entry("category", new LabelledCode("91", "subject.category.91")),
				entry("regionCode", "320100"),
				entry("province", new LabelledCode("32", "subject.province.32")),
				entry("orgCode", "748204660"),
				entry("orgCodeValid", true),
				entry("legacy", false));
		assertThat(check.warnings()).isEmpty();
	}

	@Test
	void reportsAFailedOrganisationCodeAsAWarningOnly() {
		IdentifierCheck check = Identifiers.parse("92320100MA1MXYW701", TODAY);

		assertThat(check.valid()).isTrue();
		assertThat(check.details()).containsEntry("orgCodeValid", false).containsEntry("orgCode", "MA1MXYW70");
		assertThat(check.warnings()).extracting(IdentifierIssue::code).containsExactly("ORG_CODE_CHECK_CHARACTER");
	}

	@Test
	void reportsAnUnknownCategoryAsUnknown() {
		IdentifierCheck check = Identifiers.parse("95320100748204660C", TODAY);

		assertThat(check.valid()).isTrue();
		assertThat(check.details()).containsEntry("category", new LabelledCode("95", "subject.category.unknown"));
		assertThat(check.warnings()).extracting(IdentifierIssue::code).containsExactly("USCC_CATEGORY_UNKNOWN");
	}

	@Test
	void decodesAResidentId() {
		IdentifierCheck check = Identifiers.parse("110105491231002", TODAY);

		assertThat(check.details()).containsExactly(
				entry("regionCode", "110105"),
				entry("province", new LabelledCode("11", "subject.province.11")),
				entry("birthDate", "1949-12-31"),
				entry("sex", "FEMALE"),
				entry("convertedFrom15", true));
	}

	@Test
	void decodesADocumentNumberWithoutEchoingPersonalData() {
		IdentifierCheck check = Identifiers.parse("911840198503150024", TODAY);

		assertThat(check.details()).containsExactly(
				entry("documentType", new LabelledCode("FOREIGNER_PERMANENT_RESIDENCE_ID",
						"subject.documentType.FOREIGNER_PERMANENT_RESIDENCE_ID")),
				entry("format", "CURRENT"));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "513201199001010034, RESIDENT_ID", "91327619850315029X, FOREIGN_PERMANENT_RESIDENCE" })
	void prefersThePersonKindWhenAValueIsAlsoAValidUscc(String value, IdentifierKind kind) {
		assertThat(UnifiedCode.of(value).value()).isEqualTo(value);

		IdentifierCheck check = Identifiers.parse(value, TODAY);

		assertThat(check.kind()).isEqualTo(kind);
		assertThat(check.valid()).isTrue();
		assertThat(check.warnings()).containsExactly(
				IdentifierIssue.of(IdentifierRule.IDENTIFIER_AMBIGUOUS, IdentifierKind.USCC));
	}

	@Test
	void hintsAtAForeignPassportButDoesNotGuessIt() {
		IdentifierCheck check = Identifiers.parse("X1234567", TODAY);

		assertThat(check.kind()).isEqualTo(IdentifierKind.UNKNOWN);
		assertThat(check.details()).containsEntry("possibleKinds", List.of("PASSPORT"));

		IdentifierCheck asPassport = Identifiers.parseAs("X1234567", IdentifierKind.PASSPORT, TODAY);
		assertThat(asPassport.valid()).isTrue();
		assertThat(asPassport.kind()).isEqualTo(IdentifierKind.PASSPORT);
		assertThat(asPassport.details()).containsEntry("format", "OTHER");
	}

	@Test
	void checksAsTheDeclaredKind() {
		assertThat(Identifiers.parseAs("11010519491231002X", IdentifierKind.USCC, TODAY).errors())
			.extracting(IdentifierIssue::code).containsExactly("USCC_REGION", "USCC_CHECK_CHARACTER");
		assertThat(Identifiers.parseAs("H12345678", IdentifierKind.TAIWAN_PERMIT, TODAY).errors())
			.containsExactly(IdentifierIssue.of(IdentifierRule.DOCUMENT_FORMAT, DocumentType.TAIWAN_RESIDENT_PERMIT));
		assertThat(Identifiers.parseAs("H12345678", IdentifierKind.UNKNOWN, TODAY).kind())
			.isEqualTo(IdentifierKind.HK_MACAO_PERMIT);
		assertThat(Identifiers.parseAs("", IdentifierKind.RESIDENT_ID, TODAY).errors())
			.extracting(IdentifierIssue::code).containsExactly("IDENTIFIER_EMPTY");
	}

	@Test
	void refusesOverlongInputWithoutEchoingIt() {
		IdentifierCheck check = Identifiers.parse("9".repeat(40), TODAY);

		assertThat(check.value()).isEmpty();
		assertThat(check.kind()).isEqualTo(IdentifierKind.UNKNOWN);
		assertThat(check.errors()).containsExactly(IdentifierIssue.of(IdentifierRule.IDENTIFIER_TOO_LONG, 32));
	}

	@Test
	void handlesNull() {
		assertThat(Identifiers.parse(null, TODAY).errors()).extracting(IdentifierIssue::code)
			.containsExactly("IDENTIFIER_EMPTY");
	}

	private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
		return java.util.Map.entry(key, value);
	}
}
