package org.xinyong.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL, used only when no {@code spring.datasource.url} is configured.
 *
 * @param dataDir     PostgreSQL's data directory; kept across restarts
 * @param binariesDir where the PostgreSQL binaries are unpacked once
 * @param port        TCP port on 127.0.0.1; 0 picks a free one at each start
 * @param database    name of the platform's database inside the server
 * @param settings    extra server settings, each passed as {@code -c name=value} at start-up (e.g.
 *                    {@code xinyong.embedded.settings.shared_preload_libraries=pg_stat_statements} to profile)
 */
@ConfigurationProperties("xinyong.embedded")
public record EmbeddedDatabaseProperties(Path dataDir, Path binariesDir, Integer port, String database,
		java.util.Map<String, String> settings) {

	public EmbeddedDatabaseProperties {
		dataDir = dataDir == null ? Path.of("data", "postgres") : dataDir;
		binariesDir = binariesDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "xinyong-postgres") : binariesDir;
		port = port == null ? 0 : port;
		database = database == null ? "xinyong" : database;
		settings = settings == null ? java.util.Map.of() : java.util.Map.copyOf(settings);
	}
}
