package org.xinyong.testing;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the audit log in tests. */
public final class AuditRows {

	private final JdbcClient jdbc;

	public AuditRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long maxId() {
		return jdbc.sql("select coalesce(max(id), 0) from audit_event").query(Long.class).single();
	}

	/** Entries after {@code afterId}, oldest first. */
	public List<Map<String, Object>> since(long afterId) {
		return jdbc.sql("""
				select id, action, outcome, actor, organisation_code, client_address, detail::text as detail
				from audit_event where id > ? order by id""").param(afterId).query().listOfRows();
	}
}
