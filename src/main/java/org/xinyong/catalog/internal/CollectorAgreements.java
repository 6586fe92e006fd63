package org.xinyong.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Registered collector agreements (art. 29). Never deleted; terminating one fills its termination columns once. */
@Repository
public class CollectorAgreements {

	private static final String SELECT = """
			select a.*, array(select item_code from collector_agreement_item i where i.agreement_id = a.id
			                  order by item_code) as item_codes
			from collector_agreement a""";

	private final JdbcClient jdbc;

	CollectorAgreements(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Agreement> all() {
		return jdbc.sql(SELECT + " order by a.organisation_id, a.valid_from, a.id").query(CollectorAgreements::map).list();
	}

	public Optional<Agreement> byId(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(CollectorAgreements::map).optional();
	}

	public Optional<Agreement> byNumber(long organisationId, String number) {
		return jdbc.sql(SELECT + " where a.organisation_id = ? and a.agreement_number = ?")
			.params(organisationId, number)
			.query(CollectorAgreements::map)
			.optional();
	}

	/** The organisation's agreements that name the item, newest first. */
	public List<Agreement> covering(long organisationId, String itemCode) {
		return jdbc.sql(SELECT + """
				 where a.organisation_id = ? and exists (select 1 from collector_agreement_item i
				    where i.agreement_id = a.id and i.item_code = ?)
				order by a.valid_to desc, a.id desc""")
			.params(organisationId, itemCode)
			.query(CollectorAgreements::map)
			.list();
	}

	long add(long organisationId, String number, LocalDate validFrom, LocalDate validTo, List<String> itemCodes,
			String note, Instant at, String by) {
		long id = jdbc.sql("""
				insert into collector_agreement (organisation_id, agreement_number, valid_from, valid_to, note,
				    registered_at, registered_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(organisationId, number, validFrom, validTo, note, Timestamp.from(at), by)
			.query(Long.class)
			.single();
		for (String code : itemCodes) {
			jdbc.sql("insert into collector_agreement_item (agreement_id, item_code) values (?, ?)")
				.params(id, code)
				.update();
		}
		return id;
	}

	void terminate(long id, LocalDate on, String reason, Instant at, String by) {
		jdbc.sql("""
				update collector_agreement set terminated_on = ?, termination_reason = ?, terminated_at = ?,
				    terminated_by = ? where id = ? and terminated_on is null""")
			.params(on, reason, Timestamp.from(at), by, id)
			.update();
	}

	private static Agreement map(ResultSet rs, int row) throws SQLException {
		Array codes = rs.getArray("item_codes");
		Timestamp terminatedAt = rs.getTimestamp("terminated_at");
		return new Agreement(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("agreement_number"),
				rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
				Arrays.asList((String[]) codes.getArray()), rs.getString("note"),
				rs.getTimestamp("registered_at").toInstant(), rs.getString("registered_by"),
				rs.getObject("terminated_on", LocalDate.class), terminatedAt == null ? null : terminatedAt.toInstant(),
				rs.getString("terminated_by"), rs.getString("termination_reason"));
	}
}
