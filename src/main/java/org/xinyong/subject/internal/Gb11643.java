package org.xinyong.subject.internal;

/**
 * The check digit of GB 11643-1999 公民身份号码 (ISO 7064 MOD 11-2): weights 2^(18-i) mod 11, check =
 * "10X98765432"[sum mod 11]. The same scheme protects the 2023 外国人永久居留身份证 number.
 */
public final class Gb11643 {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final String CHECK_DIGITS = "10X98765432";

	private Gb11643() {
	}

	/** The check digit for the first 17 digits. */
	public static char checkDigit(CharSequence first17) {
		if (first17.length() != WEIGHTS.length) {
			throw new IllegalArgumentException("17 digits expected");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			char c = first17.charAt(i);
			if (!Digits.isDigit(c)) {
				throw new IllegalArgumentException("Not a digit at position " + (i + 1));
			}
			sum += (c - '0') * WEIGHTS[i];
		}
		return CHECK_DIGITS.charAt(sum % 11);
	}

	/** True for 17 digits followed by a digit or X. */
	public static boolean isWellFormed(CharSequence value) {
		if (value.length() != 18) {
			return false;
		}
		for (int i = 0; i < 17; i++) {
			if (!Digits.isDigit(value.charAt(i))) {
				return false;
			}
		}
		char last = value.charAt(17);
		return Digits.isDigit(last) || last == 'X';
	}
}
