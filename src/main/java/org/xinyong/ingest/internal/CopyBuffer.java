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

	/** Any text, escaped for COPY's text format (backslash, tab, newline, carriage return) and encoded as UTF-8. */
	CopyBuffer text(String value) {
		ensure(3 * value.length() + 2);
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x80) {
				switch (c) {
					case '\\' -> {
						ensure(2);
						bytes[size++] = '\\';
						bytes[size++] = '\\';
					}
					case '\t' -> {
						ensure(2);
						bytes[size++] = '\\';
						bytes[size++] = 't';
					}
					case '\n' -> {
						ensure(2);
						bytes[size++] = '\\';
						bytes[size++] = 'n';
					}
					case '\r' -> {
						ensure(2);
						bytes[size++] = '\\';
						bytes[size++] = 'r';
					}
					default -> {
						ensure(1);
						bytes[size++] = (byte) c;
					}
				}
			}
			else if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				put(Character.toString(Character.toCodePoint(c, value.charAt(++i))).getBytes(StandardCharsets.UTF_8));
			}
			else {
				ensure(3);
				if (c < 0x800) {
					bytes[size++] = (byte) (0xC0 | (c >> 6));
					bytes[size++] = (byte) (0x80 | (c & 0x3F));
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
		return this;
	}
}
