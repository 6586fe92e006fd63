package org.xinyong.calendar.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the calendar ({@code xinyong.calendar.*}).
 *
 * @param folder       where operators drop newly published {@code {year}.json} files; a missing folder is fine.
 *                     Relative paths are resolved against the working directory.
 * @param scanInterval how often the folder is scanned and the in-memory calendar re-synchronised with the database
 *                     (other nodes may have loaded a year); zero or negative disables the periodic scan.
 */
@ConfigurationProperties("xinyong.calendar")
public record CalendarProperties(@DefaultValue("data/holidays") Path folder,
		@DefaultValue("10m") Duration scanInterval) {
}
