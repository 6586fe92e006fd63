package org.xinyong.audit.internal;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal document numbers in audit text. Citizen ID numbers (18 digits with a valid birth date, last may be
 * X; or legacy 15 digits) keep their first 6 and last 4 characters; foreigners' permanent residence IDs (the 2023
 * 18-digit form starting with 9, and the older three letters and 12 digits), Chinese passports (E or G and 8
 * characters) and Hong Kong / Macao residents' permits (H or M and 8 or 10 digits) keep their first 2 and last 2.
 * Organisations' unified social credit codes are left as they are.
 */
final class PersonalNumbers {

	private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

	/** Other personal documents: upper-case tokens of the forms listed above. */
	private static final Pattern OTHER_DOCUMENT = Pattern.compile(
			"(?<![0-9A-Za-z])(9\\d{16}[\\dX]|[A-Z]{3}\\d{12}|[EG][0-9A-Z]\\d{7}|[HM]\\d{10}|[HM]\\d{8})(?![0-9A-Za-z])");

	private PersonalNumbers() {
	}

	static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		Matcher m = CANDIDATE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String value = m.group(1);
			m.appendReplacement(out, Matcher.quoteReplacement(isPersonal(value) ? masked(value) : value));
		}
		m.appendTail(out);
		Matcher other = OTHER_DOCUMENT.matcher(out);
		StringBuilder result = new StringBuilder();
		while (other.find()) {
			String value = other.group(1);
			if (value.length() == 18 && !isForeignResidenceId(value)) {
				other.appendReplacement(result, Matcher.quoteReplacement(value));
				continue;
			}
			String masked = value.substring(0, 2) + "*".repeat(value.length() - 4) + value.substring(value.length() - 2);
			other.appendReplacement(result, Matcher.quoteReplacement(masked));
		}
		other.appendTail(result);
		return result.toString();
	}

	static boolean isPersonal(String value) {
		int province = Integer.parseInt(value.substring(0, 2));
		boolean provinceOk = (province >= 11 && province <= 65) || province == 71 || province == 81 || province == 82
				|| province == 83;
		if (!provinceOk) {
			return false;
		}
		return value.length() == 18
				? isDate(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
						Integer.parseInt(value.substring(12, 14)))
				: isDate(1900 + Integer.parseInt(value.substring(6, 8)), Integer.parseInt(value.substring(8, 10)),
						Integer.parseInt(value.substring(10, 12)));
	}

	/** Whether the numbers name a real calendar date, without a thrown exception for those that do not. */
	private static boolean isDate(int year, int month, int day) {
		return month >= 1 && month <= 12 && day >= 1 && day <= YearMonth.of(year, month).lengthOfMonth();
	}

	/**
	 * The 2023 foreigners' permanent residence ID: 9, province, country, birth date (positions 7-14), sequence and a
	 * GB 11643 check character — so an all-digit unified social credit code is not taken for one.
	 */
	static boolean isForeignResidenceId(String value) {
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (value.charAt(i) - '0') * weights[i];
		}
		if ("10X98765432".charAt(sum % 11) != value.charAt(17)) {
			return false;
		}
		return isDate(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
				Integer.parseInt(value.substring(12, 14)));
	}

	private static String masked(String value) {
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}
}
