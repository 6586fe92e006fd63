package org.xinyong.subject.internal;

/**
 * The check character of GB 11714 组织机构代码: 8 body characters valued 0-9 and A=10 ... Z=35 (the full
 * alphabet), weights 3 7 9 10 5 8 4 2, C9 = 11 - (sum mod 11), where 10 is written X and 11 is written 0.
 */
public final class Gb11714 {

	private static final int[] WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

	private Gb11714() {
	}

	public static boolean isBodyCharacter(char c) {
		return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
	}

	/** The check character for an 8-character body of digits and upper-case letters. */
	public static char checkCharacter(CharSequence body) {
		if (body.length() != WEIGHTS.length) {
			throw new IllegalArgumentException("8 characters expected");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			sum += value(body.charAt(i)) * WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		if (check == 10) {
			return 'X';
		}
		return check == 11 ? '0' : (char) ('0' + check);
	}

	private static int value(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A' + 10;
		}
		throw new IllegalArgumentException("Not a GB 11714 character: " + c);
	}
}
