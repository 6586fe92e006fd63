package org.xinyong.audit.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks citizen ID numbers (18 digits with a valid birth date, last may be X; or legacy 15 digits) in audit text:
 * the first 6 and last 4 characters stay. Organisations' unified social credit codes are left as they are.
 */
final class PersonalNumbers {

	private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[\\dXx]|\\d{15})(?![0-9A-Za-z])");

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
		return out.toString();
	}

	static boolean isPersonal(String value) {
		int province = Integer.parseInt(value.substring(0, 2));
		boolean provinceOk = (province >= 11 && province <= 65) || province == 71 || province == 81 || province == 82
				|| province == 83;
		if (!provinceOk) {
			return false;
		}
		try {
			if (value.length() == 18) {
				LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
						Integer.parseInt(value.substring(12, 14)));
			}
			else {
				LocalDate.of(1900 + Integer.parseInt(value.substring(6, 8)), Integer.parseInt(value.substring(8, 10)),
						Integer.parseInt(value.substring(10, 12)));
			}
			return true;
		}
		catch (DateTimeException e) {
			return false;
		}
	}

	private static String masked(String value) {
		return value.substring(0, 6) + "*".repeat(value.length() - 10) + value.substring(value.length() - 4);
	}
}
