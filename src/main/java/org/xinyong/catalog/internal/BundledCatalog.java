package org.xinyong.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Loads the national base catalog shipped in {@code catalog/national-base-2024.json} when the database has none. */
@Component
@Order(5)
class BundledCatalog implements ApplicationRunner {

	static final String RESOURCE = "catalog/national-base-2024.json";

	private final EditionImports imports;

	BundledCatalog(EditionImports imports) {
		this.imports = imports;
	}

	@Override
	public void run(ApplicationArguments args) {
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			imports.loadBundledIfAbsent(RESOURCE, in.readAllBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
