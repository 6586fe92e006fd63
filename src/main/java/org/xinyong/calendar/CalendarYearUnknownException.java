package org.xinyong.calendar;

import org.springframework.http.HttpStatus;
import org.xinyong.platform.DomainException;

/**
 * A working-day computation needs a year whose holiday notice is not loaded. The calendar never assumes "no
 * holidays": an operator has to load the year (see {@code docs/calendar.md}).
 */
public class CalendarYearUnknownException extends DomainException {

	public static final String CODE = "CALENDAR_YEAR_UNKNOWN";

	private final int year;

	public CalendarYearUnknownException(int year) {
		// The year is passed as text so that message formatting does not group its digits ("2,027").
		super(CODE, HttpStatus.UNPROCESSABLE_ENTITY, String.valueOf(year));
		this.year = year;
	}

	/** The year that is not loaded. */
	public int year() {
		return year;
	}
}
