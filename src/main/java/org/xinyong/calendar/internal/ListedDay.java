package org.xinyong.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A date a holiday notice lists.
 *
 * @param date   the date
 * @param name   the festival it belongs to (e.g. 春节), as the notice names it
 * @param offDay {@code true} for a holiday or rest day, {@code false} for a make-up working day (调休上班)
 */
public record ListedDay(LocalDate date, String name, boolean offDay) {

	public ListedDay {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(name, "name");
	}

	/** Whether the date falls on a Saturday or Sunday. */
	public boolean onWeekend() {
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
	}
}
