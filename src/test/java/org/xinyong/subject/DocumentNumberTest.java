package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xinyong.platform.Zones;
import org.xinyong.subject.DocumentNumber.Format;

class DocumentNumberTest {

	static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T04:00:00Z"), Zones.DISPLAY);

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "PASSPORT, E12345678, E12345678, CHINESE", "PASSPORT, EA1234567, EA1234567, CHINESE",
			"PASSPORT, g12345678, G12345678, CHINESE", "PASSPORT, 123456789, 123456789, OTHER",
			"PASSPORT, C01X00T47, C01X00T47, OTHER", "PASSPORT, X12 34, X1234, OTHER",
			"PASSPORT, AB1234567890123456CD, AB1234567890123456CD, OTHER",
			"HK_MACAO_RESIDENT_PERMIT, H12345678, H12345678, HONG_KONG",
			"HK_MACAO_RESIDENT_PERMIT, H1234567890, H1234567890, HONG_KONG",
			"HK_MACAO_RESIDENT_PERMIT, m 1234 5678, M12345678, MACAO",
			"TAIWAN_RESIDENT_PERMIT, 12345678, 12345678, CURRENT",
			"TAIWAN_RESIDENT_PERMIT, 1234567890, 1234567890, LEGACY",
			"TAIWAN_RESIDENT_PERMIT, 12345678b1, 12345678B1, LEGACY",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, 911840198503150024, 911840198503150024, CURRENT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, 91327619850315029x, 91327619850315029X, CURRENT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, usa123456789012, USA123456789012, LEGACY" })
	void acceptsValidNumbers(DocumentType type, String typed, String normalised, Format format) {
		DocumentNumber number = DocumentNumber.of(type, typed, TODAY);

		assertThat(number.value()).isEqualTo(normalised);
		assertThat(number.type()).isEqualTo(type);
		assertThat(number.kind()).isEqualTo(type.kind());
		assertThat(number.format()).isEqualTo(format);
	}

	@ParameterizedTest(name = "{0} {1}: {2}")
	@CsvSource({ "PASSPORT, ABCDEFGH, DOCUMENT_FORMAT", "PASSPORT, E123, DOCUMENT_FORMAT",
			"PASSPORT, AB1234567890123456CDE, DOCUMENT_FORMAT", "PASSPORT, E1234567!, DOCUMENT_FORMAT",
			"PASSPORT, 1234, DOCUMENT_FORMAT", "PASSPORT, '', IDENTIFIER_EMPTY",
			"HK_MACAO_RESIDENT_PERMIT, H1234567, DOCUMENT_FORMAT",
			"HK_MACAO_RESIDENT_PERMIT, H123456789, DOCUMENT_FORMAT",
			"HK_MACAO_RESIDENT_PERMIT, K12345678, DOCUMENT_FORMAT",
			"HK_MACAO_RESIDENT_PERMIT, 12345678, DOCUMENT_FORMAT",
			"TAIWAN_RESIDENT_PERMIT, 1234567, DOCUMENT_FORMAT", "TAIWAN_RESIDENT_PERMIT, T1234567, DOCUMENT_FORMAT",
			"TAIWAN_RESIDENT_PERMIT, 123456789, DOCUMENT_FORMAT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, 911840198503150025, DOCUMENT_CHECK_DIGIT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, 911840209901010028, DOCUMENT_BIRTH_DATE",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, 11010519491231002X, DOCUMENT_FORMAT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, US1234567890123, DOCUMENT_FORMAT",
			"FOREIGNER_PERMANENT_RESIDENCE_ID, USA12345678901, DOCUMENT_FORMAT" })
	void rejectsBrokenNumbers(DocumentType type, String typed, String code) {
		assertThatThrownBy(() -> DocumentNumber.of(type, typed, TODAY))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo(code);
				assertThat(e.kind()).isEqualTo(type.kind());
			});
	}

	@Test
	void namesTheDocumentTypeInTheError() {
		assertThatThrownBy(() -> DocumentNumber.of(DocumentType.PASSPORT, "ABCDEFGH"))
			.hasFieldOrPropertyWithValue("args", new Object[] { DocumentType.PASSPORT });
	}

	@Test
	void isAValueWithAMaskedPrintout() {
		DocumentNumber passport = DocumentNumber.of(DocumentType.PASSPORT, "E12345678");

		assertThat(passport).isEqualTo(DocumentNumber.of(DocumentType.PASSPORT, "e1234 5678"))
			.hasSameHashCodeAs(DocumentNumber.of(DocumentType.PASSPORT, "E12345678"))
			.hasToString("PASSPORT:E1*****78");
		assertThat(DocumentNumber.of(DocumentType.TAIWAN_RESIDENT_PERMIT, "12345678"))
			.isNotEqualTo(DocumentNumber.of(DocumentType.PASSPORT, "12345678"));
	}
}
