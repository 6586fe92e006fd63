package org.xinyong.disclosure;

import java.time.LocalDate;

/**
 * What to browse among the disclosed records of one item (e.g. the 双公示 licences and penalties): decision dates
 * from/to (inclusive), the deciding authority and the type (penalty type, licence category), each optional.
 */
public record BrowseFilter(String catalogItem, LocalDate from, LocalDate to, String authority, String type) {

	public BrowseFilter {
		authority = blankToNull(authority);
		type = blankToNull(type);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
