package org.xinyong.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The launcher behind {@code java -jar xinyong.jar}: data survives restarts; only password logins on loopback. */
class EmbeddedPostgresServerIT {

	@TempDir
	Path dir;

	@Test
	void keepsItsDataAcrossRestartsAndRequiresItsPassword() throws Exception {
		Path data = dir.resolve("data").resolve("postgres");
		Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "xinyong-postgres");
		int firstPort;
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, binaries, 0)) {
			firstPort = server.port();
			server.createDatabaseIfMissing("xinyong");
			try (Connection c = server.connect("xinyong"); var s = c.createStatement()) {
				s.execute("create table kept (v text)");
				s.execute("insert into kept values ('诚信')");
				try (var rs = s.executeQuery("show server_version")) {
					rs.next();
					assertThat(rs.getString(1)).startsWith("15.");
				}
			}
			assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("xinyong"), "postgres", "wrong"))
				.isInstanceOf(SQLException.class);
		}
		assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();
		Path secret = data.resolveSibling("postgres.secret");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");

		try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(data, binaries, 0)) {
			again.createDatabaseIfMissing("xinyong");
			try (Connection c = again.connect("xinyong"); var s = c.createStatement();
					var rs = s.executeQuery("select v from kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("诚信");
			}
			assertThat(again.port()).isPositive();
		}
		assertThat(firstPort).isPositive();
	}

	@Test
	void passesExtraSettingsToTheServerAndRefusesUnsafeOnes() throws Exception {
		Path data = dir.resolve("settings").resolve("postgres");
		Path binaries = Path.of(System.getProperty("java.io.tmpdir"), "xinyong-postgres");
		try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, binaries, 0,
				java.util.Map.of("work_mem", "7MB", "shared_preload_libraries", "pg_stat_statements"))) {
			server.createDatabaseIfMissing("xinyong");
			try (Connection c = server.connect("xinyong"); var s = c.createStatement()) {
				try (var rs = s.executeQuery("show work_mem")) {
					rs.next();
					assertThat(rs.getString(1)).isEqualTo("7MB");
				}
				s.execute("create extension pg_stat_statements");
				try (var rs = s.executeQuery("select count(*) >= 0 from pg_stat_statements")) {
					rs.next();
					assertThat(rs.getBoolean(1)).isTrue();
				}
			}
		}
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir.resolve("unsafe"), binaries, 0,
				java.util.Map.of("work_mem", "7MB; rm -rf /")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("xinyong.embedded.settings");
		assertThat(dir.resolve("unsafe")).doesNotExist();
	}

	@Test
	void explainsHowToUseAServerWhenItCannotStart() throws Exception {
		Path data = dir.resolve("not-a-directory");
		Files.writeString(data, "a file where the data directory should be");
		assertThatThrownBy(() -> EmbeddedPostgresServer.start(data, Path.of(System.getProperty("java.io.tmpdir"),
				"xinyong-postgres"), 0))
			.isInstanceOf(EmbeddedDatabaseUnavailableException.class)
			.hasMessageContaining("SPRING_DATASOURCE_URL");
	}
}
