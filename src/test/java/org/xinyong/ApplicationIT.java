package org.xinyong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class ApplicationIT {

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnPostgresWithMigrationsApplied() {
		String version = jdbc.sql("show server_version").query(String.class).single();
		assertThat(version).startsWith("15");
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isPositive();
	}
}
