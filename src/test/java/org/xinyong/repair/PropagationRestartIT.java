package org.xinyong.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.XinyongApplication;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.repair.internal.Propagations;
import org.xinyong.testing.ReadModel;
import org.xinyong.testing.TestPostgres;

import tools.jackson.databind.json.JsonMapper;

/**
 * Propagation (art. 57) survives a real restart mid-delivery: the Spring application context is stopped while one
 * correction's deliveries are half done (the national exchange is down) and another correction's planning has failed
 * (its event publication stays incomplete in the outbox); a new context on the same database republishes the
 * outstanding event and delivers the rest. Nothing is lost, and no consumer receives anything twice.
 */
class PropagationRestartIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String COMPANY = "91640100MA7AC0U13A";
	static final String DEMO_ORG = "12640000MB1900051C";

	final HttpClient http = HttpClient.newHttpClient();
	final JsonMapper json = JsonMapper.builder().build();

	ConfigurableApplicationContext start(TestPostgres server, String database) {
		return new SpringApplicationBuilder(XinyongApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + server.jdbcUrl(database), "--spring.datasource.username=" + server.username(),
				"--spring.datasource.password=" + server.password(), "--xinyong.portal.rate-limit.enabled=false",
				"--xinyong.repair.propagation.retry-interval=PT1H");
	}

	HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path, Object body)
			throws Exception {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("X-Api-Key", KEY)
			.header("Content-Type", "application/json");
		request = body == null ? request.GET()
				: request.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static Map<String, Object> penalty(String number) {
		Map<String, Object> r = new LinkedHashMap<>(SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司", number));
		r.put("decisionDate", "2026-05-06");
		return r;
	}

	void correct(ConfigurableApplicationContext context, UUID id, String number) throws Exception {
		Map<String, Object> values = penalty(number);
		values.put("penaltyContent", "罚款人民币贰万元");
		HttpResponse<String> r = send(context, "POST", "/api/v1/records/" + id + "/corrections",
				Map.of("values", values, "reason", "金额更正"));
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
	}

	static UUID record(JdbcClient jdbc, String number) {
		return jdbc.sql("select record_id from record_version where natural_key = ? limit 1")
			.param(number)
			.query(UUID.class)
			.single();
	}

	/** How a record id appears in a stored one-version {@code CreditRecordsChanged} (Base64 of its 16 bytes). */
	static String storedId(UUID id) {
		return java.util.Base64.getEncoder()
			.encodeToString(java.nio.ByteBuffer.allocate(16)
				.putLong(id.getMostSignificantBits())
				.putLong(id.getLeastSignificantBits())
				.array());
	}

	static long count(JdbcClient jdbc, String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

	@Test
	void propagationSurvivesARestartMidDeliveryWithNothingLostAndNothingTwice() throws Exception {
		TestPostgres server = TestPostgres.get();
		String database = server.createDatabase();
		try {
			UUID halfDelivered;
			UUID unplanned;
			long demoOrg;
			String report;
			try (ConfigurableApplicationContext first = start(server, database)) {
				JdbcClient jdbc = first.getBean(JdbcClient.class);
				HttpResponse<String> submitted = send(first, "POST", "/api/v1/submissions", Map.of("catalogItem",
						"ADMIN_PENALTY", "submissionKey", "restart-it", "records",
						List.of(penalty("RESTART-A"), penalty("RESTART-B"))));
				assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
				ReadModel.awaitProjected(jdbc);
				halfDelivered = record(jdbc, "RESTART-A");
				unplanned = record(jdbc, "RESTART-B");
				demoOrg = count(jdbc, "select id from organisation where code = ?", DEMO_ORG);
				// consumers: the demo system received the penalties by sharing, and a report was issued
				first.getBean(AuditLog.class)
					.record(AuditEntry.of("SHARING_READ", AuditEntry.Outcome.SUCCESS,
							Map.of("items", List.of("ADMIN_PENALTY"), "records", 2))
						.withActor("api-key:test", demoOrg, DEMO_ORG)
						.aboutSubject(COMPANY, "SUPERVISION"));
				assertThat(send(first, "GET", "/reports/subjects/" + COMPANY + ".html", null).statusCode()).isEqualTo(200);
				report = jdbc.sql("select report_number from issued_report where subject_code = ?").param(COMPANY)
					.query(String.class).single();

				// A: planned, delivered to the organisation and the report, the national exchange is down
				jdbc.sql("""
						create function restart_test_down() returns trigger language plpgsql as $$
						begin raise exception 'unreachable'; end $$""").update();
				jdbc.sql("create trigger restart_exchange_down before insert on national_exchange_outbound "
						+ "for each row execute function restart_test_down()").update();
				correct(first, halfDelivered, "RESTART-A");
				ReadModel.await(jdbc, "select count(*) = 3 from propagation_delivery where record_id = ?",
						"A was not planned", halfDelivered);
				first.getBean(Propagations.class).deliverPending();
				assertThat(RepairIT.statuses(jdbc, halfDelivered)).containsEntry("org:" + demoOrg, "DELIVERED")
					.containsEntry(Propagations.REPORT + report, "ACKNOWLEDGED")
					.containsEntry(Propagations.NATIONAL, "PENDING");

				// B: corrected, but its planning fails — the event publication stays incomplete in the outbox
				jdbc.sql("create trigger restart_planning_down before insert on propagation_delivery for each row "
						+ "when (new.record_id = '" + unplanned + "') execute function restart_test_down()").update();
				correct(first, unplanned, "RESTART-B");
				ReadModel.awaitProjected(jdbc);
				ReadModel.await(jdbc, """
						select count(*) > 0 from event_publication where completion_date is null
						and listener_id like '%Propagations%' and serialized_event like ?
						and (completion_attempts > 0 or status = 'FAILED')""",
						"B's planning did not fail", "%" + storedId(unplanned) + "%");
				assertThat(RepairIT.statuses(jdbc, unplanned)).isEmpty();
			} // the application stops mid-delivery

			// out of band, while it is down: the exchange and the store come back
			try (Connection c = server.connect(database); Statement s = c.createStatement()) {
				s.execute("drop trigger restart_exchange_down on national_exchange_outbound");
				s.execute("drop trigger restart_planning_down on propagation_delivery");
			}

			try (ConfigurableApplicationContext second = start(server, database)) {
				JdbcClient jdbc = second.getBean(JdbcClient.class);
				Propagations propagations = second.getBean(Propagations.class);
				// the outstanding event is republished on restart and B planned
				ReadModel.await(jdbc, "select count(*) = 3 from propagation_delivery where record_id = ?",
						"B was lost", unplanned);
				propagations.deliverPending();
				propagations.deliverPending();
				// a republished plan adds nothing
				long company = count(jdbc, "select id from credit_subject where code = ?", COMPANY);
				assertThat(propagations.plan(halfDelivered, company, "CORRECTED:v2", "{}")).isZero();
				assertThat(propagations.plan(unplanned, company, "CORRECTED:v2", "{}")).isZero();
				propagations.deliverPending();

				for (UUID id : List.of(halfDelivered, unplanned)) {
					assertThat(RepairIT.statuses(jdbc, id)).containsOnlyKeys("org:" + demoOrg, Propagations.NATIONAL,
							Propagations.REPORT + report)
						.containsEntry("org:" + demoOrg, "DELIVERED")
						.containsEntry(Propagations.NATIONAL, "DELIVERED")
						.containsEntry(Propagations.REPORT + report, "ACKNOWLEDGED");
					// exactly one delivery per consumer
					assertThat(count(jdbc, "select count(*) from national_exchange_outbound where record_id = ?", id))
						.isEqualTo(1);
					assertThat(count(jdbc, "select count(*) from propagation_inbox where record_id = ?", id))
						.isEqualTo(1);
					assertThat(count(jdbc, "select count(*) from issued_report_notice where record_id = ?", id))
						.isEqualTo(1);
					assertThat(count(jdbc, "select count(*) from audit_event where action = 'REPAIR_PROPAGATION_DELIVERED' "
							+ "and detail::jsonb ->> 'key' like ?", "%|" + id + "|%")).isEqualTo(3);
				}
				// the organisation's notice of A was delivered once, before the restart
				assertThat(count(jdbc, "select count(*) from audit_event where action = 'REPAIR_PROPAGATION_DELIVERED' "
						+ "and detail::jsonb ->> 'key' = ?", "org:" + demoOrg + "|" + halfDelivered + "|CORRECTED:v2"))
					.isEqualTo(1);
				assertThat(count(jdbc, """
						select count(*) from event_publication where completion_date is null
						and listener_id like '%Propagations%'""")).isZero();
			}
		}
		finally {
			server.dropDatabase(database);
		}
	}
}
