package org.xinyong.disclosure;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How names and queries are compared: NFKC (full-width letters, digits and brackets become their usual forms),
 * without white space, Latin letters upper-cased; and the character bigrams the index is built from.
 */
public final class SearchText {

	private SearchText() {
	}

	public static String normalise(String text) {
		if (text == null) {
			return "";
		}
		String n = Normalizer.normalize(text, Normalizer.Form.NFKC);
		StringBuilder out = new StringBuilder(n.length());
		n.codePoints().filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)).forEach(out::appendCodePoint);
		return out.toString().toUpperCase(Locale.ROOT);
	}

	/** Length in characters (code points). */
	public static int length(String normalised) {
		return normalised.codePointCount(0, normalised.length());
	}

	/** The distinct bigrams of a normalised text, in order of first occurrence; a one-character text is its own. */
	public static Set<String> grams(String normalised) {
		int[] cps = normalised.codePoints().toArray();
		Set<String> grams = new LinkedHashSet<>();
		if (cps.length == 1) {
			grams.add(normalised);
		}
		for (int i = 0; i + 1 < cps.length; i++) {
			grams.add(new String(cps, i, 2));
		}
		return grams;
	}
}
