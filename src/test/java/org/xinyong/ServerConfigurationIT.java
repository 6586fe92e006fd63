package org.xinyong;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.platform.DemoMode;
import org.xinyong.platform.database.EmbeddedPostgresServer;
import org.xinyong.testing.TestPostgres;

/**
 * With {@code spring.datasource.*} set, the platform uses that PostgreSQL server: nothing embedded starts, the
 * schema is created by Flyway, and no demo data is loaded unless asked for.
 */
class ServerConfigurationIT {

	@Test
	void aConfiguredServerIsUsedAndNothingEmbeddedStarts() {
		TestPostgres server = TestPostgres.get();
		String database = server.createDatabase();
		try {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(XinyongApplication.class)
				.run("--server.port=0", "--spring.datasource.url=" + server.jdbcUrl(database),
						"--spring.datasource.username=" + server.username(),
						"--spring.datasource.password=" + server.password(), "--xinyong.demo.enabled=")) {
				assertThat(context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
				assertThat(context.getBean(DemoMode.class).enabled()).isFalse();
				JdbcClient jdbc = context.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo(database);
				assertThat(jdbc.sql("select count(*) from organisation").query(Integer.class).single()).isZero();
				assertThat(jdbc.sql("select count(*) from flyway_schema_history where not success")
					.query(Integer.class)
					.single()).isZero();
			}
		}
		finally {
			server.dropDatabase(database);
		}
	}
}
