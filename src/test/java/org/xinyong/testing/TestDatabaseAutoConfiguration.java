package org.xinyong.testing;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.xinyong.platform.database.EmbeddedDatabaseAutoConfiguration;

/**
 * In tests, each Spring context gets a fresh database in the JVM's one test PostgreSQL ({@link TestPostgres}),
 * dropped when the context closes. A test that sets {@code spring.datasource.url} itself is left alone.
 */
@AutoConfiguration(before = EmbeddedDatabaseAutoConfiguration.class)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", matchIfMissing = true, havingValue = "__embedded__")
@ConditionalOnMissingBean(DataSource.class)
public class TestDatabaseAutoConfiguration {

	@Bean
	TestDatabase testDatabase() {
		return new TestDatabase(TestPostgres.get());
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(TestDatabase database) {
		HikariDataSource ds = new HikariDataSource();
		ds.setPoolName("xinyong-test");
		ds.setJdbcUrl(database.jdbcUrl());
		ds.setUsername(database.username());
		ds.setPassword(database.password());
		// many Spring contexts stay cached during a run, each with its pool: keep them small and let idle
		// connections go, so that a server's default max_connections (100) suffices
		ds.setMaximumPoolSize(5);
		ds.setMinimumIdle(1);
		ds.setIdleTimeout(10_000);
		return ds;
	}

	/** A database of its own for one Spring context. */
	public static final class TestDatabase implements AutoCloseable {

		private final TestPostgres server;
		private final String name;

		TestDatabase(TestPostgres server) {
			this.server = server;
			this.name = server.createDatabase();
		}

		public String name() {
			return name;
		}

		public String jdbcUrl() {
			return server.jdbcUrl(name);
		}

		public String username() {
			return server.username();
		}

		public String password() {
			return server.password();
		}

		@Override
		public void close() {
			server.dropDatabase(name);
		}
	}
}
