package org.xinyong.ingest.internal;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param uploadDir where uploaded files are kept while (and after) they are processed
 */
@ConfigurationProperties("xinyong.ingest")
record IngestProperties(Path uploadDir) {

	IngestProperties {
		uploadDir = uploadDir == null ? Path.of("data", "uploads") : uploadDir;
	}
}
