package org.xinyong.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which organisation provides which item. Rows are never deleted; ending one fills its end columns once. */
@Repository
public class ItemProviders {

	private final JdbcClient jdbc;

	ItemProviders(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Assignment> all() {
		return jdbc.sql("select * from item_provider order by item_code, organisation_id, id")
			.query(ItemProviders::map)
			.list();
	}

	public Optional<Assignment> byId(long id) {
		return jdbc.sql("select * from item_provider where id = ?").param(id).query(ItemProviders::map).optional();
	}

	public List<Assignment> of(long organisationId, String itemCode) {
		return jdbc.sql("select * from item_provider where organisation_id = ? and item_code = ? order by id")
			.params(organisationId, itemCode)
			.query(ItemProviders::map)
			.list();
	}

	public Optional<Assignment> open(long organisationId, String itemCode) {
		return of(organisationId, itemCode).stream().filter(a -> !a.ended()).findFirst();
	}

	public long count() {
		return jdbc.sql("select count(*) from item_provider").query(Long.class).single();
	}

	long add(long organisationId, String itemCode, LocalDate validFrom, String note, Instant at, String by) {
		return jdbc.sql("""
				insert into item_provider (organisation_id, item_code, valid_from, note, assigned_at, assigned_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(organisationId, itemCode, validFrom, note, Timestamp.from(at), by)
			.query(Long.class)
			.single();
	}

	void end(long id, LocalDate endedOn, String reason, Instant at, String by) {
		jdbc.sql("""
				update item_provider set ended_on = ?, end_reason = ?, ended_at = ?, ended_by = ?
				where id = ? and ended_on is null""")
			.params(endedOn, reason, Timestamp.from(at), by, id)
			.update();
	}

	private static Assignment map(ResultSet rs, int row) throws SQLException {
		Timestamp endedAt = rs.getTimestamp("ended_at");
		return new Assignment(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("item_code"),
				rs.getObject("valid_from", LocalDate.class), rs.getString("note"),
				rs.getTimestamp("assigned_at").toInstant(), rs.getString("assigned_by"),
				rs.getObject("ended_on", LocalDate.class), endedAt == null ? null : endedAt.toInstant(),
				rs.getString("ended_by"), rs.getString("end_reason"));
	}
}
