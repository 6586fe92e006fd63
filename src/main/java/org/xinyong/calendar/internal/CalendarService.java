package org.xinyong.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xinyong.calendar.WorkingDays;

/**
 * The {@link WorkingDays} of the platform: the rules of the versions in force, held in memory and swapped as a whole
 * when a version is loaded here or found in the database (loaded by another node).
 */
@Service
public class CalendarService implements WorkingDays {

	private static final Logger log = LoggerFactory.getLogger(CalendarService.class);

	private final YearVersions versions;

	/** What the calendar currently answers from; null until first needed. */
	private volatile Snapshot snapshot;

	CalendarService(YearVersions versions) {
		this.versions = versions;
	}

	@Override
	public LocalDate addWorkingDays(LocalDate from, int n) {
		return calendar().addWorkingDays(from, n);
	}

	@Override
	public boolean isWorkingDay(LocalDate date) {
		return calendar().isWorkingDay(date);
	}

	@Override
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		return calendar().workingDaysBetween(from, to);
	}

	@Override
	public boolean isProvisional(LocalDate date) {
		return calendar().isProvisional(date);
	}

	@Override
	public boolean isKnown(LocalDate date) {
		return calendar().isKnown(date);
	}

	@Override
	public SortedSet<Integer> knownYears() {
		return calendar().knownYears();
	}

	/** The rules currently in force (one consistent snapshot). */
	public WorkingDayCalendar calendar() {
		Snapshot current = snapshot;
		return current != null ? current.calendar() : reload().calendar();
	}

	/** Rebuilds the calendar from the versions in force in the database. */
	public synchronized Snapshot reload() {
		YearVersions.Stamp stamp = versions.stamp();
		List<HolidayYear> years = new ArrayList<>();
		for (YearVersion version : versions.inForce()) {
			try {
				years.add(HolidayYear.parse(version.content(), version.year()));
			}
			catch (CalendarFileInvalidException e) {
				// Only possible if the rules of validation became stricter than when it was loaded: the year is
				// then unknown (computations into it fail loudly) until a valid version is loaded.
				log.error("Version {} of the {} holiday data is no longer valid ({}); the year is treated as not loaded",
						version.version(), version.year(), e.getMessage());
			}
		}
		Snapshot loaded = Snapshot.of(years, stamp);
		snapshot = loaded;
		log.info("Working-day calendar loaded: years {}", loaded.calendar().knownYears());
		return loaded;
	}

	/**
	 * Puts a just committed version in force in memory, without reading the database (called right after the
	 * commit, before listeners of {@link org.xinyong.calendar.CalendarYearLoaded} run).
	 */
	synchronized void accept(HolidayYear year) {
		Snapshot current = snapshot;
		if (current == null) {
			return; // nothing in memory yet: the first question reads the database, new version included
		}
		Map<Integer, HolidayYear> years = new TreeMap<>(current.years());
		years.put(year.year(), year);
		// The stamp no longer describes the table: the next refresh reads it again.
		snapshot = Snapshot.of(years.values(), null);
		log.info("Working-day calendar updated: {} loaded, years {}", year.year(), snapshot.calendar().knownYears());
	}

	/** Reloads if versions were added since the last load, e.g. by another application node. */
	public void refreshIfChanged() {
		Snapshot current = snapshot;
		if (current == null || current.stamp() == null || !current.stamp().equals(versions.stamp())) {
			reload();
		}
	}

	/**
	 * The rules, the notices they were built from and the state of the table they were read from (null when
	 * updated in memory).
	 */
	public record Snapshot(WorkingDayCalendar calendar, Map<Integer, HolidayYear> years, YearVersions.Stamp stamp) {

		static Snapshot of(Collection<HolidayYear> years, YearVersions.Stamp stamp) {
			Map<Integer, HolidayYear> byYear = new TreeMap<>();
			years.forEach(y -> byYear.put(y.year(), y));
			return new Snapshot(WorkingDayCalendar.of(byYear.values()), Collections.unmodifiableMap(byYear), stamp);
		}
	}
}
