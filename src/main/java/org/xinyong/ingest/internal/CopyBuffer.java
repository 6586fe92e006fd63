package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer for PostgreSQL {@code COPY … (format text)} data in UTF-8, so that rows go to the server
 * without passing through a {@code StringBuilder}, a {@code String} and a character encoder first.
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

	/** Characters known to be ASCII and free of COPY's special characters (numbers, dates, codes). */
	CopyBuffer ascii(String s) {
		ensure(s.length());
		for (int i = 0; i < s.length(); i++) {
			bytes[size++] = (byte) s.charAt(i);
		}
		return this;
	}

	CopyBuffer number(long n) {
		if (n >= 0 && n < 10) {
			return put('0' + (int) n);
		}
		return ascii(Long.toString(n));
	}

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/** A UUID in its canonical text form. */
	CopyBuffer uuid(java.util.UUID id) {
		ensure(36);
		hex(id.getMostSignificantBits() >>> 32, 8);
		bytes[size++] = '-';
		hex(id.getMostSignificantBits() >>> 16, 4);
		bytes[size++] = '-';
		hex(id.getMostSignificantBits(), 4);
		bytes[size++] = '-';
		hex(id.getLeastSignificantBits() >>> 48, 4);
		bytes[size++] = '-';
		hex(id.getLeastSignificantBits(), 12);
		return this;
	}

	private void hex(long value, int digits) {
		for (int i = digits - 1; i >= 0; i--) {
			bytes[size++] = HEX[(int) (value >>> (4 * i)) & 0xF];
		}
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
				default -> ascii(String.format("\\u%04x", (int) c));
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

	/** Any text, escaped for COPY's text format (backslash, tab, newline, carriage return) and encoded as UTF-8. */
	CopyBuffer text(String value) {
		int start = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\' && c != '\t' && c != '\n' && c != '\r') {
				continue;
			}
			utf8(value, start, i);
			start = i + 1;
			put('\\').put(switch (c) {
				case '\t' -> 't';
				case '\n' -> 'n';
				case '\r' -> 'r';
				default -> '\\';
			});
		}
		utf8(value, start, value.length());
		return this;
	}
}
