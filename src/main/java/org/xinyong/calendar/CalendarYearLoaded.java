package org.xinyong.calendar;

/**
 * A new version of a year's holiday data is in force. Deadlines already computed with dates of that year (or of
 * December of the year before) may have moved and can be re-checked.
 *
 * @param year    the notice's year
 * @param version the new version number of that year (1, 2, …)
 * @param source  where it came from
 * @param sha256  SHA-256 of the loaded file, lower-case hex
 */
public record CalendarYearLoaded(int year, int version, CalendarSource source, String sha256) {
}
