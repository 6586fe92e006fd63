package org.xinyong.jointcheck.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A query run with its prepared statement's generic plan. PostgreSQL plans a prepared statement for its parameter
 * values (a custom plan) until the generic plan is estimated no dearer than the custom plans were; for a round of one
 * or a few checks, the one-element array of codes makes every custom plan look cheaper, so the joint check's subjects'
 * query was planned again on every round (measured: about 400 µs of planning against 100 µs of execution per round
 * at 2 clients). The query is therefore preceded, in the same round trip, by
 * {@code SET LOCAL plan_cache_mode = force_generic_plan} and followed by {@code SET LOCAL plan_cache_mode = DEFAULT},
 * so that no other statement of the transaction is affected.
 */
public final class GenericPlan {

	static final String SET = "set local plan_cache_mode = force_generic_plan;\n";
	static final String RESET = ";\nset local plan_cache_mode = default";

	private GenericPlan() {
	}

	/**
	 * Runs {@code sql} (named parameters, one statement without a trailing semicolon) with its generic plan and maps
	 * its rows; the setting is back to its default for the rest of the transaction. Must run inside a transaction
	 * (outside one, {@code SET LOCAL} has no effect).
	 */
	public static <T> List<T> query(NamedParameterJdbcTemplate jdbc, String sql, Map<String, ?> params,
			RowMapper<T> mapper) {
		return jdbc.execute(SET + sql + RESET, params, ps -> {
			// all three statements have run; the first result is the first SET's, with no rows
			boolean rows = ps.execute();
			while (!rows && ps.getUpdateCount() != -1) {
				rows = ps.getMoreResults();
			}
			if (!rows) {
				throw new IllegalStateException("no result set from " + sql);
			}
			List<T> out = new ArrayList<>();
			try (ResultSet rs = ps.getResultSet()) {
				for (int n = 0; rs.next(); n++) {
					out.add(mapper.mapRow(rs, n));
				}
			}
			return out;
		});
	}
}
