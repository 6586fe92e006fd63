package org.xinyong.subject.internal;

/**
 * The check character of GB 32100-2015 统一社会信用代码: 31 characters (I, O, S, V, Z excluded), each valued by
 * its index; weights 3^(i-1) mod 31; C18 = 31 - (sum mod 31), where 31 becomes 0.
 */
public final class Gb32100 {

	public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int MODULUS = 31;
	private static final int[] WEIGHTS = weights();

	private Gb32100() {
	}

	public static boolean isCodeCharacter(char c) {
		return CHARSET.indexOf(c) >= 0;
	}

	/** The check character for the first 17 characters, which must all be code characters. */
	public static char checkCharacter(CharSequence first17) {
		if (first17.length() != WEIGHTS.length) {
			throw new IllegalArgumentException("17 characters expected");
		}
		int sum = 0;
		for (int i = 0; i < WEIGHTS.length; i++) {
			int value = CHARSET.indexOf(first17.charAt(i));
			if (value < 0) {
				throw new IllegalArgumentException("Not a GB 32100 character at position " + (i + 1));
			}
			sum += value * WEIGHTS[i];
		}
		int check = MODULUS - sum % MODULUS;
		return CHARSET.charAt(check == MODULUS ? 0 : check);
	}

	private static int[] weights() {
		int[] weights = new int[17];
		int weight = 1;
		for (int i = 0; i < weights.length; i++) {
			weights[i] = weight;
			weight = weight * 3 % MODULUS;
		}
		return weights;
	}
}
