package org.xinyong.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.UUID;

import org.xinyong.platform.database.EmbeddedPostgresServer;

/**
 * The one PostgreSQL server of a test JVM: the server named by {@code XINYONG_TEST_PG_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=u&password=p}), or else an embedded PostgreSQL
 * started on first use and stopped when the JVM exits. Every Spring context gets its own fresh database.
 */
public final class TestPostgres {

	private static TestPostgres instance;

	/** Databases of Spring contexts still open; the embedded server stops only after they are dropped. */
	private static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

	private final String adminUrl;
	private final Properties credentials;
	private final String urlPrefix;

	private TestPostgres(String adminUrl, Properties credentials, String urlPrefix) {
		this.adminUrl = adminUrl;
		this.credentials = credentials;
		this.urlPrefix = urlPrefix;
	}

	public static synchronized TestPostgres get() {
		if (instance == null) {
			String url = System.getenv("XINYONG_TEST_PG_URL");
			instance = (url == null || url.isBlank()) ? embedded() : server(url.trim());
		}
		return instance;
	}

	/** True when the tests run against a server named by XINYONG_TEST_PG_URL. */
	public static boolean usingServer() {
		String url = System.getenv("XINYONG_TEST_PG_URL");
		return url != null && !url.isBlank();
	}

	private static TestPostgres embedded() {
		try {
			Path dir = Files.createTempDirectory("xinyong-test-pg");
			EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.resolve("data"),
					Path.of(System.getProperty("java.io.tmpdir"), "xinyong-postgres"), 0);
			// Spring closes cached test contexts in its own shutdown hooks, concurrently with this one: wait for
			// their databases to be dropped before stopping the server, or their pools would wait on a dead server.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
				while (OPEN.get() > 0 && System.nanoTime() < deadline) {
					try {
						Thread.sleep(50);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						break;
					}
				}
				server.close();
				deleteQuietly(dir);
			}, "test-postgres-cleanup"));
			Properties props = new Properties();
			props.setProperty("user", server.username());
			props.setProperty("password", server.password());
			return new TestPostgres(server.jdbcUrl("postgres"), props, "jdbc:postgresql://127.0.0.1:" + server.port() + "/");
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static TestPostgres server(String url) {
		URI uri = URI.create(url.substring("jdbc:".length()));
		Properties props = new Properties();
		if (uri.getQuery() != null) {
			for (String pair : uri.getQuery().split("&")) {
				int eq = pair.indexOf('=');
				if (eq > 0) {
					props.setProperty(pair.substring(0, eq), pair.substring(eq + 1));
				}
			}
		}
		String prefix = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/";
		return new TestPostgres(prefix + uri.getPath().substring(1), props, prefix);
	}

	/** Creates a fresh, empty database and returns its name. */
	public String createDatabase() {
		String name = "xinyong_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute("create database " + name + " encoding 'UTF8' template template0");
		OPEN.incrementAndGet();
		return name;
	}

	public void dropDatabase(String name) {
		try {
			execute("drop database if exists " + name + " with (force)");
		}
		finally {
			OPEN.decrementAndGet();
		}
	}

	public String jdbcUrl(String database) {
		return urlPrefix + database;
	}

	public String username() {
		return credentials.getProperty("user");
	}

	public String password() {
		return credentials.getProperty("password");
	}

	public Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), credentials);
	}

	private void execute(String sql) {
		try (Connection c = DriverManager.getConnection(adminUrl, credentials); var s = c.createStatement()) {
			s.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Test database statement failed: " + sql, e);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (var walk = Files.walk(dir)) {
			walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (java.io.IOException | RuntimeException ignored) {
			// temp files; the OS cleans up eventually
		}
	}
}
