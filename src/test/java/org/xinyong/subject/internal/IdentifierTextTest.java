package org.xinyong.subject.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierTextTest {

	@ParameterizedTest(name = "[{0}] -> [{1}]")
	@CsvSource(delimiter = '|', value = { " 9132 0100-7482 0466 0q |91320100748204660Q",
			"９１３２０１００７４８２０４６６０Ｑ|91320100748204660Q", "\u30009132\u00A00100\u200B748204660Q\t|91320100748204660Q",
			"74820466－0|748204660", "74820466—0|748204660", "e1234 5678|E12345678", "(91)|(91)", "''|''" })
	void stripsSpacesAndHyphensAndUpperCases(String raw, String normalised) {
		assertThat(IdentifierText.normalise(raw)).isEqualTo(normalised);
	}
}
