package org.xinyong.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The value rules of row validation that do not need the database. */
class RowValidatorTest {

	@ParameterizedTest
	@CsvSource({ "2026-03-15", "2026/3/15", "2026.03.15", "20260315", "2026年3月15日", "2026-03-15 10:30:00",
			"2026-03-15T10:30" })
	void acceptsTheDateFormsDepartmentsUse(String raw) {
		assertThat(RowValidator.parseDate(raw)).isEqualTo(LocalDate.of(2026, 3, 15));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-02-30", "2026-13-01", "15/03/2026", "yesterday", "1900-01-01", "2026-3" })
	void refusesDatesThatAreNotRealOrNotPlausible(String raw) {
		assertThat(RowValidator.parseDate(raw)).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "1,1", "1.50,1.5", "'1,234.50',1234.5", "0.000,0", "1E+3,1000", "-2,-2" })
	void writesNumbersInPlainNotation(String raw, String expected) {
		assertThat(RowValidator.parseNumber(raw, false)).isEqualTo(expected);
	}

	@Test
	void refusesNonNumbersAndFractionsForIntegers() {
		assertThat(RowValidator.parseNumber("一万", false)).isNull();
		assertThat(RowValidator.parseNumber("1.5", true)).isNull();
		assertThat(RowValidator.parseNumber("2.0", true)).isEqualTo("2");
	}

	@Test
	void readsChineseAndEnglishBooleans() {
		assertThat(RowValidator.parseBoolean("是")).isTrue();
		assertThat(RowValidator.parseBoolean("否")).isFalse();
		assertThat(RowValidator.parseBoolean("TRUE")).isTrue();
		assertThat(RowValidator.parseBoolean("maybe")).isNull();
	}

	@Test
	void trimsAsciiAndIdeographicSpaceAndTreatsBlankAsAbsent() {
		assertThat(RowValidator.clean("\u3000 某某公司\u00a0 ")).isEqualTo("某某公司");
		assertThat(RowValidator.clean(" \u3000 ")).isNull();
		assertThat(RowValidator.clean(null)).isNull();
	}

	@Test
	void copyColumnsAreBinaryCopyFields() {
		byte[] json = "{\"facts\":\"a\\\\b\\n\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] key = "罚\t1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] columns = ValidRow.copyColumns("罚\t1", json, new byte[] { 0x0f, (byte) 0xa0 },
				java.time.LocalDate.of(2000, 1, 2), null);
		java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(columns.length);
		expected.putInt(key.length).put(key).putInt(json.length).put(json).putInt(2).put((byte) 0x0f).put((byte) 0xa0)
			.putInt(4).putInt(1) // days since 2000-01-01
			.putInt(-1); // severity: NULL
		assertThat(columns).isEqualTo(expected.array());
	}

	@Test
	void binaryFieldsAreWhatPostgresReads() {
		String text = "罚\\款\t𠀀a\r\n" + '\ud800' + "é";
		byte[] utf8 = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		java.nio.ByteBuffer expected = java.nio.ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8);
		assertThat(new CopyBuffer(1).textField(text).toByteArray()).isEqualTo(expected.array());
		assertThat(new CopyBuffer(1).textField(null).toByteArray()).isEqualTo(new byte[] { -1, -1, -1, -1 });
		java.util.UUID id = java.util.UUID.fromString("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
		assertThat(new CopyBuffer(1).uuidField(id).toByteArray()).isEqualTo(java.nio.ByteBuffer.allocate(20).putInt(16)
			.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array());
		// one second and two microseconds after PostgreSQL's epoch (finer digits dropped)
		assertThat(new CopyBuffer(1).timestampField(java.time.Instant.parse("2000-01-01T00:00:01.000002999Z"))
			.toByteArray()).isEqualTo(java.nio.ByteBuffer.allocate(12).putInt(8).putLong(1_000_002).array());
		assertThat(new CopyBuffer(1).dateField(java.time.LocalDate.of(1999, 12, 31)).toByteArray())
			.isEqualTo(java.nio.ByteBuffer.allocate(8).putInt(4).putInt(-1).array());
		assertThat(new CopyBuffer(1).int64Field((Long) null).boolField(true).toByteArray())
			.isEqualTo(new byte[] { -1, -1, -1, -1, 0, 0, 0, 1, 1 });
	}

	@ParameterizedTest
	@ValueSource(strings = { "银川市某某商贸有限公司", "plain", "quote\" back\\slash", "line\nbreak\r\ttab", "\u0001\u001f",
			"𠀀 surrogate pair", "lone \ud800 surrogate", "" })
	void jsonStringsAreEncodedAsTheCanonicalJsonTextIs(String value) {
		StringBuilder text = new StringBuilder();
		RowValidator.appendString(text, value);
		assertThat(new CopyBuffer(1).jsonString(value).toByteArray())
			.isEqualTo(text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void theCanonicalJsonIsReadBackFromTheCopyColumns() {
		String json = "{\"facts\":\"a\\\\b\\n罚\"}";
		ValidRow row = new ValidRow(1, null, null, "罚\\\t1", json, new byte[] { 1, 2 }, null, null);
		assertThat(row.canonicalJson()).isEqualTo(json);
	}

	@Test
	void cellsArePackedAndUnpackedAsSubmitted() {
		java.util.List<String> cells = java.util.Arrays.asList("银川市某某商贸有限公司", null, "", "x".repeat(300), "=1+2");
		assertThat(PackedCells.unpack(PackedCells.pack(cells))).isEqualTo(cells);
	}
}
