package org.xinyong.jointcheck.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The joint check's subjects' query keeps one generic plan for rounds of any size. Without it, PostgreSQL re-plans
 * a query whose one-element array makes every custom plan look cheaper than the generic one: the control below shows
 * that this still happens, so the helper is still needed.
 */
@SpringBootTest
class GenericPlanIT {

	@Autowired
	NamedParameterJdbcTemplate named;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** Custom and generic plans of this session's prepared statements whose text contains {@code marker}. */
	private Map<String, Object> plans(String marker) {
		return jdbc.sql("""
				select coalesce(sum(custom_plans), 0) as custom, coalesce(sum(generic_plans), 0) as generic
				from pg_prepared_statements where statement like '%' || ? || '%'""")
			.param(marker)
			.query()
			.singleRow();
	}

	@Test
	void aSmallRoundIsNotPlannedAgainEveryTime() {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			for (int i = 0; i < 12; i++) {
				named.queryForList("select s.id as plain_marker from credit_subject s where s.code = any(cast(:codes as text[]))",
						Map.of("codes", new String[] { "91640100PL" + i }));
			}
			// the driver prepares a statement on the server from its fifth use: each of those uses was planned anew
			Map<String, Object> plain = plans("plain_marker");
			assertThat(((Number) plain.get("custom")).longValue()).isGreaterThanOrEqualTo(6);
			assertThat(((Number) plain.get("generic")).longValue()).isZero();

			for (int i = 0; i < 12; i++) {
				GenericPlan.query(named,
						"select s.id as generic_marker from credit_subject s where s.code = any(cast(:codes as text[]))",
						Map.of("codes", new String[] { "91640100GP" + i }), (rs, n) -> rs.getLong(1));
			}
			Map<String, Object> generic = plans("generic_marker");
			assertThat(((Number) generic.get("custom")).longValue()).isZero();
			assertThat(((Number) generic.get("generic")).longValue()).isGreaterThanOrEqualTo(6);
			// the rest of the transaction plans as usual
			assertThat(jdbc.sql("show plan_cache_mode").query(String.class).single()).isEqualTo("auto");
		});
	}

	@Test
	void returnsTheRowsInOrderWithTheirIndex() {
		List<String> rows = new TransactionTemplate(transactions).execute(status -> GenericPlan.query(named,
				"select c from unnest(cast(:codes as text[])) with ordinality as u(c, n) order by n",
				Map.of("codes", new String[] { "乙", "甲", "丙" }), (rs, n) -> n + ":" + rs.getString("c")));
		assertThat(rows).containsExactly("0:乙", "1:甲", "2:丙");
	}
}
