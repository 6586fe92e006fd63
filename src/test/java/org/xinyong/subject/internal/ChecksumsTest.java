package org.xinyong.subject.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksumsTest {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "91320100748204660, Q", "91350100M000100Y4, 3", "91430122707233692, A", "91370400728618604, X",
			"11320100MB1886843, H", "91320100748200004, 0" })
	void computesGb32100CheckCharacters(String first17, char check) {
		assertThat(Gb32100.checkCharacter(first17)).isEqualTo(check);
	}

	@Test
	void gb32100TurnsACheckValueOf31IntoZero() {
		// the weighted sum of 91320100748200004 is a multiple of 31: 31 - 0 = 31, which must be written 0
		assertThat(Gb32100.checkCharacter("91320100748200004")).isEqualTo('0');
	}

	@Test
	void gb32100ExcludesFiveLetters() {
		assertThat(Gb32100.CHARSET).hasSize(31).doesNotContain("I", "O", "S", "V", "Z");
		assertThatThrownBy(() -> Gb32100.checkCharacter("9132010074820466O")).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "74820466, 0", "M000100Y, 4", "MB188684, 3", "M0001TGQ, X" })
	void computesGb11714CheckCharacters(String body, char check) {
		assertThat(Gb11714.checkCharacter(body)).isEqualTo(check);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({ "11010519491231002, X", "44052418800101001, 4", "11010519491231001, 1" })
	void computesGb11643CheckDigits(String first17, char check) {
		assertThat(Gb11643.checkDigit(first17)).isEqualTo(check);
	}

	@Test
	void recognisesWellFormedGb11643Numbers() {
		assertThat(Gb11643.isWellFormed("11010519491231002X")).isTrue();
		assertThat(Gb11643.isWellFormed("11010519491231002x")).isFalse();
		assertThat(Gb11643.isWellFormed("1101051949123100X2")).isFalse();
		assertThat(Gb11643.isWellFormed("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X")).isFalse();
	}
}
