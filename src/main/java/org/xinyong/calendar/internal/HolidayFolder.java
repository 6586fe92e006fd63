package org.xinyong.calendar.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The operators' folder ({@code xinyong.calendar.folder}): every {@code {year}.json} in it is loaded, so that a
 * newly published year can be put in force without a release. Other files are ignored; a missing folder is fine.
 * A file is read again only when its bytes change.
 */
@Component
public class HolidayFolder {

	private static final Logger log = LoggerFactory.getLogger(HolidayFolder.class);

	private final CalendarProperties properties;
	private final CalendarLoader loader;

	/** File name → SHA-256 of the bytes last handled (loaded, found unchanged or refused). */
	private final Map<String, String> handled = new ConcurrentHashMap<>();

	HolidayFolder(CalendarProperties properties, CalendarLoader loader) {
		this.properties = properties;
		this.loader = loader;
	}

	/** Loads the new or changed files of the folder and returns what was done with each one read. */
	public synchronized List<CalendarLoader.LoadResult> scan() {
		Path folder = properties.folder();
		List<CalendarLoader.LoadResult> results = new ArrayList<>();
		if (folder == null || !Files.isDirectory(folder)) {
			log.debug("Holiday folder {} does not exist; nothing to load", folder);
			return results;
		}
		List<Path> files;
		try (Stream<Path> list = Files.list(folder)) {
			files = list.filter(p -> CalendarLoader.yearOfFileName(p.getFileName().toString()).isPresent())
				.filter(Files::isRegularFile)
				.sorted()
				.toList();
		}
		catch (IOException e) {
			log.warn("Cannot list holiday folder {}: {}", folder.toAbsolutePath(), e.toString());
			return results;
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			byte[] content;
			try {
				if (Files.size(file) > HolidayYear.MAX_BYTES) {
					content = new byte[HolidayYear.MAX_BYTES + 1]; // refused as too large without reading it
				}
				else {
					content = Files.readAllBytes(file);
				}
			}
			catch (IOException e) {
				log.warn("Cannot read holiday file {}: {}", file.toAbsolutePath(), e.toString());
				continue;
			}
			String sha256 = CalendarLoader.sha256(content);
			if (sha256.equals(handled.get(name))) {
				continue;
			}
			try {
				results.add(loader.loadFromFolder(name, content));
				handled.put(name, sha256);
			}
			catch (CalendarFileInvalidException e) {
				// Already logged and audited; not again until the file changes.
				handled.put(name, sha256);
			}
		}
		return results;
	}
}
