package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for PostgreSQL {@code COPY … (format binary)} data (and for the canonical JSON, built as
 * UTF-8), so that rows go to the server without passing through a {@code StringBuilder}, a {@code String} and a
 * character encoder first. In the binary format each field is its length (4 bytes, big-endian; -1 for NULL) followed
 * by the type's binary form: the server then parses no text except the JSON it validates.
 */
final class CopyBuffer {

	private byte[] bytes;
	private int size;

	CopyBuffer(int capacity) {
		bytes = new byte[Math.max(16, capacity)];
	}

	int size() {
		return size;
	}

	byte[] array() {
		return bytes;
	}

	void clear() {
		size = 0;
	}

	byte[] toByteArray() {
		return Arrays.copyOf(bytes, size);
	}

	private void ensure(int more) {
		if (size + more > bytes.length) {
			bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
		}
	}

	CopyBuffer put(int b) {
		ensure(1);
		bytes[size++] = (byte) b;
		return this;
	}

	CopyBuffer put(byte[] b) {
		ensure(b.length);
		System.arraycopy(b, 0, bytes, size, b.length);
		size += b.length;
		return this;
	}

	/**
	 * A JSON string literal in UTF-8, escaped as {@code RowValidator.appendString} escapes it (quote, backslash,
	 * newline, carriage return, tab, other control characters as {@code \\u00XX}).
	 */
	CopyBuffer jsonString(String value) {
		put('"');
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x20 && c != '"' && c != '\\') {
				continue;
			}
			utf8(value, start, i);
			start = i + 1;
			switch (c) {
				case '"' -> put('\\').put('"');
				case '\\' -> put('\\').put('\\');
				case '\n' -> put('\\').put('n');
				case '\r' -> put('\\').put('r');
				case '\t' -> put('\\').put('t');
				default -> raw(String.format("\\u%04x", (int) c));
			}
		}
		utf8(value, start, value.length());
		return put('"');
	}

	/** The value in UTF-8, unescaped. */
	CopyBuffer raw(String value) {
		utf8(value, 0, value.length());
		return this;
	}

	/** Characters {@code from} to {@code to} of the value in UTF-8, unescaped. */
	private void utf8(String value, int from, int to) {
		ensure(3 * (to - from));
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				bytes[size++] = (byte) c;
			}
			else if (c < 0x800) {
				bytes[size++] = (byte) (0xC0 | (c >> 6));
				bytes[size++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
				int cp = Character.toCodePoint(c, value.charAt(++i));
				ensure(4);
				bytes[size++] = (byte) (0xF0 | (cp >> 18));
				bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
				bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
				bytes[size++] = (byte) (0x80 | (cp & 0x3F));
			}
			else if (Character.isSurrogate(c)) {
				bytes[size++] = '?'; // a lone surrogate, as String.getBytes(UTF_8) writes it
			}
			else {
				bytes[size++] = (byte) (0xE0 | (c >> 12));
				bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				bytes[size++] = (byte) (0x80 | (c & 0x3F));
			}
		}
	}

	// --- binary COPY: https://www.postgresql.org/docs/15/sql-copy.html#id-1.9.3.55.9.4

	/** Seconds from the Unix epoch to PostgreSQL's (2000-01-01T00:00:00Z). */
	private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
	/** Days from 1970-01-01 to 2000-01-01. */
	private static final int POSTGRES_EPOCH_DAYS = 10_957;

	/** The binary COPY signature, flags (no OIDs) and an empty header extension. */
	CopyBuffer binaryHeader() {
		return put(new byte[] { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 }).int32(0).int32(0);
	}

	/** The end of binary COPY data. */
	CopyBuffer binaryTrailer() {
		return int16(-1);
	}

	/** A tuple's field count, before its fields. */
	CopyBuffer tuple(int fields) {
		return int16(fields);
	}

	CopyBuffer int16(int v) {
		ensure(2);
		bytes[size++] = (byte) (v >>> 8);
		bytes[size++] = (byte) v;
		return this;
	}

	CopyBuffer int32(int v) {
		ensure(4);
		bytes[size++] = (byte) (v >>> 24);
		bytes[size++] = (byte) (v >>> 16);
		bytes[size++] = (byte) (v >>> 8);
		bytes[size++] = (byte) v;
		return this;
	}

	CopyBuffer int64(long v) {
		return int32((int) (v >>> 32)).int32((int) v);
	}

	CopyBuffer nullField() {
		return int32(-1);
	}

	/** A {@code text} (or {@code json}) field in UTF-8, or NULL. */
	CopyBuffer textField(String value) {
		if (value == null) {
			return nullField();
		}
		int at = size;
		int32(0);
		utf8(value, 0, value.length());
		int length = size - at - 4;
		bytes[at] = (byte) (length >>> 24);
		bytes[at + 1] = (byte) (length >>> 16);
		bytes[at + 2] = (byte) (length >>> 8);
		bytes[at + 3] = (byte) length;
		return this;
	}

	/** A field of the first {@code length} bytes (a {@code bytea}, or UTF-8 {@code text}/{@code json}). */
	CopyBuffer bytesField(byte[] value, int length) {
		int32(length);
		ensure(length);
		System.arraycopy(value, 0, bytes, size, length);
		size += length;
		return this;
	}

	CopyBuffer int32Field(int v) {
		return int32(4).int32(v);
	}

	CopyBuffer int64Field(long v) {
		return int32(8).int64(v);
	}

	/** A {@code bigint} field, or NULL. */
	CopyBuffer int64Field(Long v) {
		return v == null ? nullField() : int64Field(v.longValue());
	}

	CopyBuffer boolField(boolean v) {
		return int32(1).put(v ? 1 : 0);
	}

	CopyBuffer uuidField(java.util.UUID id) {
		return int32(16).int64(id.getMostSignificantBits()).int64(id.getLeastSignificantBits());
	}

	/** A {@code date} field (days since 2000-01-01), or NULL. */
	CopyBuffer dateField(java.time.LocalDate date) {
		return date == null ? nullField() : int32Field((int) (date.toEpochDay() - POSTGRES_EPOCH_DAYS));
	}

	/** A {@code timestamp with time zone} field: microseconds since 2000-01-01T00:00:00Z (finer digits dropped). */
	CopyBuffer timestampField(java.time.Instant at) {
		return int64Field((at.getEpochSecond() - POSTGRES_EPOCH_SECONDS) * 1_000_000L + at.getNano() / 1_000);
	}
}
