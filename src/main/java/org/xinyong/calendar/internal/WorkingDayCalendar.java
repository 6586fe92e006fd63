package org.xinyong.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.xinyong.calendar.CalendarYearUnknownException;
import org.xinyong.calendar.WorkingDays;
import org.xinyong.platform.DomainException;

/**
 * The working-day rules over a set of loaded notices, immutable. Built once per change of the loaded data; every
 * question is then answered from a per-year table of flags.
 */
public final class WorkingDayCalendar implements WorkingDays {

	public static final String ADD_INVALID = "CALENDAR_ADD_INVALID";

	private static final WorkingDayCalendar EMPTY = new WorkingDayCalendar(Map.of(), Map.of());

	/** Working-day flags of each known year, indexed by day of year − 1. */
	private final Map<Integer, boolean[]> flags;
	/** Every listed date of every loaded notice, the later notice winning. */
	private final Map<LocalDate, ListedDay> listed;
	private final SortedSet<Integer> known;

	private WorkingDayCalendar(Map<Integer, boolean[]> flags, Map<LocalDate, ListedDay> listed) {
		this.flags = flags;
		this.listed = listed;
		this.known = Collections.unmodifiableSortedSet(new TreeSet<>(flags.keySet()));
	}

	public static WorkingDayCalendar empty() {
		return EMPTY;
	}

	/** The calendar of the given notices (at most one per year). */
	public static WorkingDayCalendar of(Collection<HolidayYear> years) {
		Map<LocalDate, ListedDay> listed = new HashMap<>();
		Map<Integer, HolidayYear> byYear = new TreeMap<>();
		for (HolidayYear year : years) {
			if (byYear.put(year.year(), year) != null) {
				throw new IllegalArgumentException("Two notices for " + year.year());
			}
		}
		// Ascending years: a date listed by two notices takes the status the later notice gives it.
		byYear.values().stream().sorted(Comparator.comparingInt(HolidayYear::year))
			.forEach(year -> listed.putAll(year.days()));
		Map<Integer, boolean[]> flags = new HashMap<>();
		for (int year : byYear.keySet()) {
			LocalDate first = LocalDate.of(year, 1, 1);
			boolean[] working = new boolean[first.lengthOfYear()];
			for (int i = 0; i < working.length; i++) {
				LocalDate date = first.plusDays(i);
				ListedDay day = listed.get(date);
				working[i] = day != null ? !day.offDay() : isMondayToFriday(date);
			}
			flags.put(year, working);
		}
		return new WorkingDayCalendar(Map.copyOf(flags), Map.copyOf(listed));
	}

	@Override
	public LocalDate addWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw DomainException.badRequest(ADD_INVALID, String.valueOf(n));
		}
		LocalDate date = from;
		int counted = 0;
		while (counted < n) {
			date = next(date);
			if (working(date)) {
				counted++;
			}
		}
		return date;
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		return working(date);
	}

	@Override
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
		}
		int count = 0;
		for (LocalDate date = from; date.isBefore(to);) {
			date = next(date);
			if (working(date)) {
				count++;
			}
		}
		return count;
	}

	@Override
	public boolean isProvisional(LocalDate date) {
		return date.getMonthValue() == 12 && !flags.containsKey(date.getYear() + 1);
	}

	@Override
	public boolean isKnown(LocalDate date) {
		return flags.containsKey(date.getYear());
	}

	@Override
	public SortedSet<Integer> knownYears() {
		return known;
	}

	/** The notice's entry for the date, if a loaded notice lists it. */
	public Optional<ListedDay> listed(LocalDate date) {
		return Optional.ofNullable(listed.get(date));
	}

	private boolean working(LocalDate date) {
		boolean[] year = flags.get(date.getYear());
		if (year == null) {
			throw new CalendarYearUnknownException(date.getYear());
		}
		return year[date.getDayOfYear() - 1];
	}

	private static LocalDate next(LocalDate date) {
		if (date.equals(LocalDate.MAX)) {
			throw new CalendarYearUnknownException(LocalDate.MAX.getYear());
		}
		return date.plusDays(1);
	}

	private static boolean isMondayToFriday(LocalDate date) {
		DayOfWeek dow = date.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
	}
}
