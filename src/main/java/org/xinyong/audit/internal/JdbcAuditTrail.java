package org.xinyong.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinyong.audit.AuditEvent;
import org.xinyong.audit.AuditQuery;
import org.xinyong.audit.AuditTrail;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;

@Service
class JdbcAuditTrail implements AuditTrail {

	private static final String COLUMNS = """
			id, occurred_at, action, outcome, actor, organisation_code, client_address, subject_ref, purpose,
			detail::text as detail""";

	private final JdbcClient jdbc;

	JdbcAuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Where(String sql, List<Object> params) {
	}

	private static Where where(AuditQuery q) {
		StringBuilder sql = new StringBuilder(" where true");
		List<Object> params = new ArrayList<>();
		if (has(q.actor())) {
			sql.append(" and actor = ?");
			params.add(q.actor().strip());
		}
		if (has(q.organisation())) {
			sql.append(" and organisation_code = ?");
			params.add(q.organisation().strip().toUpperCase(java.util.Locale.ROOT));
		}
		if (has(q.subject())) {
			sql.append(" and subject_ref = ?");
			params.add(q.subject().strip().toUpperCase(java.util.Locale.ROOT));
		}
		if (has(q.action())) {
			sql.append(" and action = ?");
			params.add(q.action().strip());
		}
		if (has(q.outcome())) {
			sql.append(" and outcome = ?");
			params.add(q.outcome().strip());
		}
		if (q.from() != null) {
			sql.append(" and occurred_at >= ?");
			params.add(Timestamp.from(q.from().atStartOfDay(Zones.DISPLAY).toInstant()));
		}
		if (q.to() != null) {
			sql.append(" and occurred_at < ?");
			params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(Zones.DISPLAY).toInstant()));
		}
		return new Where(sql.toString(), params);
	}

	private static boolean has(String s) {
		return s != null && !s.isBlank();
	}

	@Override
	public Page search(AuditQuery query, int page, int size) {
		Where w = where(query);
		long total = jdbc.sql("select count(*) from audit_event" + w.sql()).params(w.params()).query(Long.class).single();
		List<Object> params = new ArrayList<>(w.params());
		params.add(size);
		params.add((long) Math.max(0, page) * size);
		List<AuditEvent> items = jdbc.sql("select " + COLUMNS + " from audit_event" + w.sql()
				+ " order by id desc limit ? offset ?")
			.params(params)
			.query((rs, n) -> masked(map(rs)))
			.list();
		return new Page(items, total, Math.max(0, page), size);
	}

	@Override
	public void export(AuditQuery query, Consumer<AuditEvent> sink) {
		Where w = where(query);
		jdbc.sql("select " + COLUMNS + " from audit_event" + w.sql() + " order by id desc")
			.params(w.params())
			.query(rs -> {
				sink.accept(masked(map(rs)));
			});
	}

	@Override
	public AuditEvent reveal(long id) {
		return jdbc.sql("select " + COLUMNS + " from audit_event where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> DomainException.notFound("AUDIT_EVENT_UNKNOWN", id));
	}

	@Override
	public List<AuditEvent> readsAbout(String subjectRef) {
		return jdbc.sql("select " + COLUMNS + " from audit_event where subject_ref = ? and action like '%READ%' order by id desc")
			.param(subjectRef)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static AuditEvent map(ResultSet rs) throws SQLException {
		return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"),
				rs.getString("outcome"), rs.getString("actor"), rs.getString("organisation_code"),
				rs.getString("client_address"), rs.getString("subject_ref"), rs.getString("purpose"),
				rs.getString("detail"));
	}

	private static AuditEvent masked(AuditEvent e) {
		return new AuditEvent(e.id(), e.occurredAt(), e.action(), e.outcome(), e.actor(), e.organisationCode(),
				e.clientAddress(), PersonalNumbers.mask(e.subjectRef()), e.purpose(), PersonalNumbers.mask(e.detail()));
	}
}
