package org.xinyong.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * With no {@code spring.datasource.url}, the platform runs its own PostgreSQL 15 (data under {@code ./data/}).
 * With one, this configuration backs off entirely and Spring Boot connects to that server.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnProperty(prefix = "spring.datasource", name = "url", matchIfMissing = true, havingValue = "__embedded__")
@ConditionalOnMissingBean(DataSource.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedPostgresServer embeddedPostgresServer(EmbeddedDatabaseProperties properties) {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.dataDir(), properties.binariesDir(),
				properties.port(), properties.settings());
		server.createDatabaseIfMissing(properties.database());
		return server;
	}

	@Bean(destroyMethod = "close")
	HikariDataSource dataSource(EmbeddedPostgresServer server, EmbeddedDatabaseProperties properties) {
		HikariDataSource ds = new HikariDataSource();
		ds.setPoolName("xinyong-embedded");
		ds.setJdbcUrl(server.jdbcUrl(properties.database()));
		ds.setUsername(server.username());
		ds.setPassword(server.password());
		ds.setMaximumPoolSize(20);
		return ds;
	}
}
