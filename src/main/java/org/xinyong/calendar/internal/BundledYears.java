package org.xinyong.calendar.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/** The holiday files shipped with the application, {@code classpath:calendar/holidays/{year}.json}. */
@Component
public class BundledYears {

	static final String LOCATION = "classpath*:calendar/holidays/*.json";

	private final ResourcePatternResolver resources;
	private final CalendarLoader loader;

	BundledYears(ResourceLoader resourceLoader, CalendarLoader loader) {
		this.resources = ResourcePatternUtils.getResourcePatternResolver(resourceLoader);
		this.loader = loader;
	}

	/** Loads every bundled year whose content is not in that year's history yet. */
	public List<CalendarLoader.LoadResult> load() {
		try {
			Resource[] found = resources.getResources(LOCATION);
			return Arrays.stream(found)
				.filter(r -> CalendarLoader.yearOfFileName(r.getFilename()).isPresent())
				.sorted(Comparator.comparing(r -> Objects.requireNonNull(r.getFilename())))
				.map(this::load)
				.toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot list " + LOCATION, e);
		}
	}

	private CalendarLoader.LoadResult load(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return loader.loadBundled(resource.getFilename(), in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read " + resource, e);
		}
	}
}
