package org.xinyong.calendar;

import java.time.LocalDate;
import java.util.SortedSet;

/**
 * The official working-day calendar of mainland China, as loaded from the State Council's yearly holiday notices.
 * <p>
 * A date is a working day iff the notice lists it as a make-up working day ({@code isOffDay=false}), or it is a
 * Monday–Friday that the notice does not list as an off day ({@code isOffDay=true}). A date's status is taken from
 * whichever loaded notice lists it (the notice of year Y+1 may list late-December dates of year Y; when two notices
 * list the same date, the later year's notice wins).
 * <p>
 * A date of year Y is <em>known</em> iff the notice of year Y is loaded. Nothing is ever guessed: every method that
 * needs the status of a date of an unknown year throws {@link CalendarYearUnknownException}. Answers for December
 * dates of year Y while the notice of Y+1 is not loaded are given but {@linkplain #isProvisional(LocalDate)
 * provisional}: that notice may still move them, and loading it updates them.
 * <p>
 * All methods are answered from memory and are safe to call from any thread.
 */
public interface WorkingDays {

	/**
	 * The N-th working day strictly after {@code from}: the day {@code from} itself is never counted (the day of
	 * receipt does not count). {@code n = 0} returns {@code from} unchanged, whatever it is.
	 *
	 * @throws CalendarYearUnknownException if the count reaches a date whose year is not loaded
	 * @throws org.xinyong.platform.DomainException with code {@code CALENDAR_ADD_INVALID} (400) if {@code n < 0}
	 */
	LocalDate addWorkingDays(LocalDate from, int n);

	/**
	 * Whether the date is a working day.
	 *
	 * @throws CalendarYearUnknownException if the date's year is not loaded
	 */
	boolean isWorkingDay(LocalDate date);

	/**
	 * The number of working days {@code d} with {@code from < d <= to}, following the same convention as
	 * {@link #addWorkingDays}: {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}.
	 *
	 * @throws IllegalArgumentException     if {@code to} is before {@code from}
	 * @throws CalendarYearUnknownException if a date in the range belongs to a year that is not loaded
	 */
	int workingDaysBetween(LocalDate from, LocalDate to);

	/**
	 * True when the status of the date could still change without any correction of a loaded notice: the date lies
	 * in December of a year whose following year's notice is not loaded yet (that notice may re-arrange the last
	 * days of December, as the 2019 notice did for 2018-12-29…31). A deadline ending on such a date should be
	 * re-checked once that notice is loaded.
	 */
	boolean isProvisional(LocalDate date);

	/** Whether the date's year is loaded, i.e. whether {@link #isWorkingDay} answers for it. */
	boolean isKnown(LocalDate date);

	/** The years whose notice is loaded, ascending. */
	SortedSet<Integer> knownYears();
}
