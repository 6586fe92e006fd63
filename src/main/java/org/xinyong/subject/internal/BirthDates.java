package org.xinyong.subject.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/**
 * Birth dates written as {@code YYYYMMDD} inside identity numbers: a real calendar date, not before
 * 1880-01-01 (the earliest date GB 11643 numbers are known to carry) and not after today.
 */
public final class BirthDates {

	public static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

	private BirthDates() {
	}

	/** The date, if {@code yyyymmdd} is eight digits naming a real date within the plausible range. */
	public static Optional<LocalDate> plausible(String yyyymmdd, LocalDate today) {
		return calendarDate(yyyymmdd).filter(d -> !d.isBefore(EARLIEST) && !d.isAfter(today));
	}

	/** The date, if {@code yyyymmdd} is eight digits naming a real calendar date (Feb 30 is not one). */
	public static Optional<LocalDate> calendarDate(String yyyymmdd) {
		if (yyyymmdd.length() != 8 || !Digits.only(yyyymmdd)) {
			return Optional.empty();
		}
		int year = Integer.parseInt(yyyymmdd.substring(0, 4));
		int month = Integer.parseInt(yyyymmdd.substring(4, 6));
		int day = Integer.parseInt(yyyymmdd.substring(6, 8));
		// checked before LocalDate.of: most 18-character codes are not resident IDs, and a thrown
		// DateTimeException (with its stack trace) for each of them showed in the joint check's profile
		if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
			return Optional.empty();
		}
		return Optional.of(LocalDate.of(year, month, day));
	}

	/**
	 * True when {@code yyyymmdd} has the shape of a birth date (year 18xx-20xx, month 01-12, day 01-31) even if
	 * the date itself is impossible; used to guess what a broken identifier was meant to be.
	 */
	public static boolean looksLikeDate(String yyyymmdd) {
		if (yyyymmdd.length() != 8 || !Digits.only(yyyymmdd)) {
			return false;
		}
		int century = Integer.parseInt(yyyymmdd.substring(0, 2));
		int month = Integer.parseInt(yyyymmdd.substring(4, 6));
		int day = Integer.parseInt(yyyymmdd.substring(6, 8));
		return century >= 18 && century <= 20 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
	}
}
