package org.xinyong.subject;

/** Sex as encoded in identity numbers: the last digit of the sequence code is odd for men, even for women. */
public enum Sex {

	MALE, FEMALE;

	static Sex fromSequenceDigit(char digit) {
		return (digit - '0') % 2 == 1 ? MALE : FEMALE;
	}
}
