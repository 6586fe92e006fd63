package org.xinyong.calendar.internal;

import java.time.Instant;
import java.util.Objects;

import org.xinyong.calendar.CalendarSource;

/**
 * One loaded version of a year's holiday data, as kept in {@code calendar_year_version}. Versions are numbered
 * 1, 2, … per year; the highest is in force.
 *
 * @param sourceName the file's name, if it came from a file
 * @param sha256     SHA-256 of {@code content} (UTF-8), lower-case hex
 * @param loadedBy   the user who uploaded it, or {@code system}
 * @param content    the file exactly as loaded
 */
public record YearVersion(long id, int year, int version, CalendarSource source, String sourceName, String sha256,
		Instant loadedAt, String loadedBy, String content) {

	public YearVersion {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(sha256, "sha256");
		Objects.requireNonNull(loadedAt, "loadedAt");
		Objects.requireNonNull(loadedBy, "loadedBy");
		Objects.requireNonNull(content, "content");
	}
}
