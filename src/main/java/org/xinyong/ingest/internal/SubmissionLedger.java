package org.xinyong.ingest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.ingest.RowError;
import org.xinyong.ingest.SubmissionResult;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code submission} rows: idempotency by key, counts and progress, and the rejected rows. */
@Component
class SubmissionLedger {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	SubmissionLedger(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Registers a submission; empty when the organisation already used this key. */
	Optional<Long> open(long organisationId, String organisationCode, String key, String item, String channel,
			String actor, boolean selfDeclaration, String status) {
		return jdbc.sql("""
				insert into submission (organisation_id, organisation_code, submission_key, catalog_item, channel,
				                        submitted_by, self_declaration, status)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (organisation_id, submission_key) do nothing returning id""")
			.params(organisationId, organisationCode, key, item, channel, actor, selfDeclaration, status)
			.query(Long.class)
			.optional();
	}

	record Existing(long id, String catalogItem, String channel, String status) {
	}

	Existing existing(long organisationId, String key) {
		return jdbc.sql("""
				select id, catalog_item, channel, status from submission
				where organisation_id = ? and submission_key = ?""")
			.params(organisationId, key)
			.query((rs, n) -> new Existing(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
	}

	void addCounts(long submissionId, long rowsRead, long bytesRead, int created, int changed, int unchanged,
			int rejected) {
		jdbc.sql("""
				update submission set rows_read = rows_read + ?, bytes_read = greatest(bytes_read, ?),
				    created = created + ?, changed = changed + ?, unchanged = unchanged + ?,
				    accepted = accepted + ? + ? + ?, rejected = rejected + ?
				where id = ?""")
			.params(rowsRead, bytesRead, created, changed, unchanged, created, changed, unchanged, rejected,
					submissionId)
			.update();
	}

	void status(long submissionId, String status) {
		jdbc.sql("update submission set status = ?, finished_at = case when ? in ('DONE', 'FAILED') then now() end where id = ?")
			.params(status, status, submissionId)
			.update();
	}

	void fail(long submissionId, String code, List<String> args) {
		jdbc.sql("""
				update submission set status = 'FAILED', failure_code = ?, failure_args = cast(? as jsonb),
				    finished_at = now() where id = ?""")
			.params(code, json.writeValueAsString(args), submissionId)
			.update();
	}

	/** Stores the rejected rows: the rules broken and the cells as submitted. */
	void reject(long submissionId, Map<Long, List<RowError>> errorsByRow, Map<Long, ?> cellsByRow) {
		if (errorsByRow.isEmpty()) {
			return;
		}
		Long[] rows = new Long[errorsByRow.size()];
		String[] errors = new String[rows.length];
		String[] cells = new String[rows.length];
		int i = 0;
		for (var e : errorsByRow.entrySet()) {
			rows[i] = e.getKey();
			errors[i] = json.writeValueAsString(e.getValue()
				.stream()
				.map(r -> Map.<String, Object>of("field", r.field() == null ? "" : r.field(), "code", r.code(), "args",
						r.args()))
				.toList());
			cells[i] = json.writeValueAsString(cellsByRow.get(e.getKey()));
			i++;
		}
		jdbc.sql("""
				insert into submission_rejection (submission_id, row_no, errors, cells)
				select ?, r, cast(e as jsonb), cast(c as jsonb)
				from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[])) as t(r, e, c)""")
			.params(submissionId, rows, errors, cells)
			.update();
	}

	/** The rejection errors of a submission, in row order (up to {@code limit} rows). */
	List<RowError> errors(long submissionId, int limit) {
		List<RowError> out = new ArrayList<>();
		jdbc.sql("select row_no, errors::text from submission_rejection where submission_id = ? order by row_no limit ?")
			.params(submissionId, limit)
			.query((rs, n) -> {
				long row = rs.getLong(1);
				List<Map<String, Object>> errors = json.readValue(rs.getString(2),
						new TypeReference<List<Map<String, Object>>>() {
						});
				for (Map<String, Object> e : errors) {
					String field = (String) e.get("field");
					@SuppressWarnings("unchecked")
					List<Object> args = (List<Object>) e.get("args");
					out.add(new RowError(row, field == null || field.isEmpty() ? null : field, (String) e.get("code"),
							args.stream().map(String::valueOf).toList()));
				}
				return row;
			})
			.list();
		return out;
	}

	SubmissionResult result(long submissionId, boolean replay, int errorLimit) {
		return jdbc.sql("""
				select id, catalog_item, accepted, rejected, created, changed, unchanged from submission where id = ?""")
			.param(submissionId)
			.query((rs, n) -> new SubmissionResult(rs.getLong("id"), rs.getString("catalog_item"),
					rs.getLong("accepted"), rs.getLong("rejected"), rs.getLong("created"), rs.getLong("changed"),
					rs.getLong("unchanged"), errors(submissionId, errorLimit), replay))
			.single();
	}
}
