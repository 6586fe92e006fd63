package org.xinyong.ingest.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param uploadDir             where uploaded files are kept while (and after) they are processed
 * @param derivedWorkMaxDelay   how long consumers of record changes (ledger, website read model) wait at most for
 *                              a running file load to finish before they work anyway ({@link org.xinyong.ingest.BulkLoads})
 * @param fileWriters           how many database connections write a file's rows side by side (each owns the rows
 *                              of a fixed share of subject codes, with its own resume point); 1 writes in file order
 */
@ConfigurationProperties("xinyong.ingest")
record IngestProperties(Path uploadDir, Duration derivedWorkMaxDelay, Integer fileWriters) {

	IngestProperties {
		uploadDir = uploadDir == null ? Path.of("data", "uploads") : uploadDir;
		derivedWorkMaxDelay = derivedWorkMaxDelay == null ? Duration.ofMinutes(10) : derivedWorkMaxDelay;
		fileWriters = fileWriters == null ? 2 : Math.max(1, Math.min(16, fileWriters));
	}
}
