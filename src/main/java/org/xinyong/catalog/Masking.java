package org.xinyong.catalog;

/** How a field's value is masked on public pages and the public API (natural persons' data only). */
public enum Masking {
	NONE,
	/** Identity document numbers: keep the first 6 and last 4 characters. */
	ID_NUMBER,
	/** Phone numbers: keep the first 3 and last 4 digits. */
	PHONE,
	/** Addresses: keep up to the county level. */
	ADDRESS,
	/** A natural person's name: keep the surname. */
	PERSON_NAME
}
