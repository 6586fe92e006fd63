package org.xinyong.subject.internal;

import java.util.Locale;

/**
 * Normalises identifiers as people type or paste them: full-width ASCII forms (ＡＢＣ１２３) become half-width,
 * whitespace of any kind (incl. the ideographic space U+3000 and no-break spaces), zero-width characters and
 * hyphen/dash characters are removed, and letters are upper-cased. Anything else is kept, so that the checks
 * can name it.
 */
public final class IdentifierText {

	private static final char FULL_WIDTH_FIRST = '\uFF01';
	private static final char FULL_WIDTH_LAST = '\uFF5E';
	private static final int FULL_WIDTH_OFFSET = 0xFEE0;

	private IdentifierText() {
	}

	public static String normalise(String raw) {
		if (raw == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = halfWidth(raw.charAt(i));
			if (!isDroppable(c)) {
				out.append(c);
			}
		}
		return out.toString().toUpperCase(Locale.ROOT);
	}

	private static char halfWidth(char c) {
		if (c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST) {
			return (char) (c - FULL_WIDTH_OFFSET);
		}
		return c;
	}

	private static boolean isDroppable(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || isZeroWidth(c) || isHyphen(c);
	}

	private static boolean isZeroWidth(char c) {
		return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
	}

	private static boolean isHyphen(char c) {
		return c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE63';
	}
}
