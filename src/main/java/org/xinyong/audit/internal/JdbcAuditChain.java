package org.xinyong.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;
import org.xinyong.audit.AuditChain;
import org.xinyong.audit.AuditEntry;

/** Streams the audit log in id order and recomputes each entry's chained SM3 hash. */
@Component
class JdbcAuditChain implements AuditChain {

	private static final int MAX_REPORTED = 1_000;

	private final DataSource dataSource;

	JdbcAuditChain(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public Result verify() {
		List<Long> broken = new ArrayList<>();
		long count = 0;
		byte[] previous = new byte[32];
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(false);
			try (PreparedStatement ps = c.prepareStatement("""
					select id, occurred_at, action, outcome, actor, organisation_id, organisation_code, client_address,
					       subject_ref, purpose, detail::text as detail, prev_hash, hash
					from audit_event order by id""")) {
				ps.setFetchSize(5_000);
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						count++;
						long org = rs.getLong("organisation_id");
						Long organisationId = rs.wasNull() ? null : org;
						AuditEntry entry = new AuditEntry(rs.getString("action"),
								AuditEntry.Outcome.valueOf(rs.getString("outcome")), rs.getString("actor"), organisationId,
								rs.getString("organisation_code"), rs.getString("client_address"),
								rs.getString("subject_ref"), rs.getString("purpose"), null);
						String canonical = JdbcAuditLog.canonical(rs.getLong("id"),
								rs.getTimestamp("occurred_at").toInstant(), entry, rs.getString("detail"));
						byte[] stored = rs.getBytes("hash");
						byte[] link = rs.getBytes("prev_hash");
						byte[] expected = JdbcAuditLog.chainHash(previous, canonical);
						if ((!Arrays.equals(link, previous) || !Arrays.equals(stored, expected))
								&& broken.size() < MAX_REPORTED) {
							broken.add(rs.getLong("id"));
						}
						previous = stored;
					}
				}
			}
			c.rollback();
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not read the audit log: " + e.getMessage(), e);
		}
		return new Result(count, broken);
	}
}
