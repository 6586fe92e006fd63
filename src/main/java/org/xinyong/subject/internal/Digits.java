package org.xinyong.subject.internal;

/** ASCII digit tests (Character.isDigit also accepts other scripts' digits, which identifiers never use). */
public final class Digits {

	private Digits() {
	}

	public static boolean only(CharSequence text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			if (!isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	public static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
