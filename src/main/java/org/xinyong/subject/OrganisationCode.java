package org.xinyong.subject;

import java.util.List;

import org.xinyong.subject.internal.Digits;
import org.xinyong.subject.internal.Gb11714;
import org.xinyong.subject.internal.IdentifierText;

/**
 * 组织机构代码 (GB 11714): eight body characters (0-9, A-Z) and a check character (0-9 or X). Since 2015 it
 * lives on as positions 9-17 of the USCC ({@link UnifiedCode#organisationCode()}); older records still carry it
 * alone, often written {@code 74820466-0}.
 */
public final class OrganisationCode {

	private final String value;

	private OrganisationCode(String value) {
		this.value = value;
	}

	/**
	 * Accepts a valid code (spaces and the hyphen before the check character are ignored). An organisation code
	 * alone is not a subject identifier, so a failure reports the kind {@link IdentifierKind#UNKNOWN}.
	 */
	public static OrganisationCode of(String raw) {
		String code = IdentifierText.normalise(raw);
		if (!isWellFormed(code)) {
			throw new InvalidIdentifierException(IdentifierKind.UNKNOWN,
					List.of(IdentifierIssue.of(IdentifierRule.ORG_CODE_FORMAT)));
		}
		char expected = Gb11714.checkCharacter(code.substring(0, 8));
		if (expected != code.charAt(8)) {
			throw new InvalidIdentifierException(IdentifierKind.UNKNOWN, List.of(IdentifierIssue
				.of(IdentifierRule.ORG_CODE_CHECK_CHARACTER, String.valueOf(expected), String.valueOf(code.charAt(8)))));
		}
		return new OrganisationCode(code);
	}

	/** True when the check character of a nine-character code matches its body. */
	static boolean checks(String nineCharacters) {
		return isWellFormed(nineCharacters)
				&& Gb11714.checkCharacter(nineCharacters.substring(0, 8)) == nineCharacters.charAt(8);
	}

	static boolean isWellFormed(String code) {
		if (code.length() != 9) {
			return false;
		}
		for (int i = 0; i < 8; i++) {
			if (!Gb11714.isBodyCharacter(code.charAt(i))) {
				return false;
			}
		}
		char check = code.charAt(8);
		return Digits.isDigit(check) || check == 'X';
	}

	public String value() {
		return value;
	}

	/** The customary written form with a hyphen before the check character, e.g. {@code 74820466-0}. */
	public String display() {
		return value.substring(0, 8) + "-" + value.charAt(8);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof OrganisationCode o && o.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
