package org.xinyong.subject;

/**
 * The rules an identifier can break. {@link #name()} is the stable error code clients may rely on; its message
 * is {@code error.<CODE>} in the {@code i18n/subject} bundles. Never rename a constant: add a new one.
 */
public enum IdentifierRule {

	/** Nothing left after removing spaces and hyphens. */
	IDENTIFIER_EMPTY,
	/** Longer than any identifier we know (args: maximum length). */
	IDENTIFIER_TOO_LONG,
	/** Matches no known identifier format. */
	IDENTIFIER_UNRECOGNISED,
	/** Warning: the value is also valid as another kind (args: the other kind). */
	IDENTIFIER_AMBIGUOUS,

	/** Not 18 characters (args: actual length). */
	USCC_LENGTH,
	/** A character outside 0-9 and A-Y without I, O, S, V, Z (args: position, character). */
	USCC_CHARSET,
	/** Positions 3-8 are not a region code of a known province-level division (args: the six characters). */
	USCC_REGION,
	/** The 18th character is not the GB 32100 check character (args: expected, actual). */
	USCC_CHECK_CHARACTER,
	/** Warning: registration authority / organisation category not in the known table (args: positions 1-2). */
	USCC_CATEGORY_UNKNOWN,
	/** Warning: accepted from the registry feed although the check character fails (args: expected, actual). */
	USCC_LEGACY_CHECK_CHARACTER,

	/** An organisation code is not 8 body characters (0-9, A-Z) plus a check character (0-9, X). */
	ORG_CODE_FORMAT,
	/**
	 * The 9th character of an organisation code is not the GB 11714 check character (args: expected, actual).
	 * Inside a USCC this is only a warning.
	 */
	ORG_CODE_CHECK_CHARACTER,

	/** Not 15 or 18 characters (args: actual length). */
	RESIDENT_ID_LENGTH,
	/** Not 17 digits plus a digit or X (or, for the old format, 15 digits). */
	RESIDENT_ID_FORMAT,
	/** The first two digits are not a known province-level code (args: the six-digit region code). */
	RESIDENT_ID_REGION,
	/** The birth date is not a real date between 1880-01-01 and today (args: the eight digits). */
	RESIDENT_ID_BIRTH_DATE,
	/** The 18th character is not the GB 11643 check digit. */
	RESIDENT_ID_CHECK_DIGIT,

	/** The number does not have the format of its document type (args: the document type). */
	DOCUMENT_FORMAT,
	/** The check digit of a document number is wrong (args: the document type). */
	DOCUMENT_CHECK_DIGIT,
	/** The birth date inside a document number is impossible (args: the document type). */
	DOCUMENT_BIRTH_DATE;

	public String code() {
		return name();
	}
}
