package org.xinyong.subject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xinyong.platform.Zones;

class ResidentIdTest {

	/** 2026-06-01 in Asia/Shanghai (still 2026-05-31 in UTC). */
	static final Clock TODAY = Clock.fixed(Instant.parse("2026-05-31T20:00:00Z"), Zones.DISPLAY);

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "11010519491231002X, 110105, BEIJING, 1949-12-31, FEMALE",
			"440524188001010014, 440524, GUANGDONG, 1880-01-01, MALE",
			"830000199001010012, 830000, TAIWAN, 1990-01-01, MALE" })
	void acceptsValidNumbersAndDecodesThem(String number, String region, Province province, LocalDate birthDate,
			Sex sex) {
		ResidentId id = ResidentId.of(number, TODAY);

		assertThat(id.value()).isEqualTo(number);
		assertThat(id.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
		assertThat(id.region().code()).isEqualTo(region);
		assertThat(id.region().province()).contains(province);
		assertThat(id.birthDate()).isEqualTo(birthDate);
		assertThat(id.sex()).isEqualTo(sex);
		assertThat(id.convertedFrom15()).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002x", "110105 19491231 002x", "110105-19491231-002X",
			"１１０１０５１９４９１２３１００２ｘ" })
	void acceptsLowerCaseXAndTypingNoise(String typed) {
		assertThat(ResidentId.of(typed, TODAY).value()).isEqualTo("11010519491231002X");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "110105194912310021, RESIDENT_ID_CHECK_DIGIT", "440524188001010015, RESIDENT_ID_CHECK_DIGIT",
			"110105194902300012, RESIDENT_ID_BIRTH_DATE", "110105187912310016, RESIDENT_ID_BIRTH_DATE",
			"110105194913010010, RESIDENT_ID_BIRTH_DATE", "000105194912310024, RESIDENT_ID_REGION",
			"990105194912310023, RESIDENT_ID_REGION", "100000194912310023, RESIDENT_ID_REGION",
			"11010519491231002A, RESIDENT_ID_FORMAT", "1101051949123100X2, RESIDENT_ID_FORMAT",
			"11010519491231002, RESIDENT_ID_LENGTH", "1101051949123100211, RESIDENT_ID_LENGTH",
			"11010549123100X, RESIDENT_ID_FORMAT", "110105490230001, RESIDENT_ID_BIRTH_DATE" })
	void rejectsBrokenNumbers(String number, String code) {
		assertThatThrownBy(() -> ResidentId.of(number, TODAY))
			.asInstanceOf(type(InvalidIdentifierException.class))
			.satisfies(e -> {
				assertThat(e.code()).isEqualTo(code);
				assertThat(e.kind()).isEqualTo(IdentifierKind.RESIDENT_ID);
			});
	}

	@Test
	void namesTheBrokenBirthDateButNotTheExpectedCheckDigit() {
		assertThatThrownBy(() -> ResidentId.of("110105194902300012", TODAY))
			.hasFieldOrPropertyWithValue("args", new Object[] { "19490230" });
		assertThatThrownBy(() -> ResidentId.of("110105194912310021", TODAY))
			.hasFieldOrPropertyWithValue("args", new Object[0]);
	}

	@Test
	void rejectsABirthDateInTheFuture() {
		assertThat(ResidentId.of("110105202606010018", TODAY).birthDate()).isEqualTo(LocalDate.of(2026, 6, 1));
		assertThatThrownBy(() -> ResidentId.of("110105202606020013", TODAY))
			.hasFieldOrPropertyWithValue("code", "RESIDENT_ID_BIRTH_DATE");
		assertThatThrownBy(() -> ResidentId.of("110105209901010012"))
			.hasFieldOrPropertyWithValue("code", "RESIDENT_ID_BIRTH_DATE");
	}

	@Test
	void convertsAFifteenDigitNumber() {
		ResidentId id = ResidentId.of("110105491231002", TODAY);

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.convertedFrom15()).isTrue();
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sex()).isEqualTo(Sex.FEMALE);
		assertThat(id).isEqualTo(ResidentId.of("11010519491231002X", TODAY));
	}

	@Test
	void reportsEveryBrokenRuleInTheInspection() {
		Inspection<ResidentId> inspection = ResidentId.inspect("000105194902300012", LocalDate.of(2026, 6, 1));

		assertThat(inspection.errors()).extracting(IdentifierIssue::code)
			.containsExactly("RESIDENT_ID_REGION", "RESIDENT_ID_BIRTH_DATE", "RESIDENT_ID_CHECK_DIGIT");
	}

	@Test
	void masksTheBirthDateWhenPrinted() {
		assertThat(ResidentId.of("11010519491231002X", TODAY)).hasToString("110105********002X");
	}
}
