package org.xinyong.sharing.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.xinyong.sharing.SharingPurpose;

/** Grants, authorisations and their withdrawals in the database; rows are only ever inserted. */
@Repository
class SharingStore {

	private static final String GRANTS = """
			select g.*, w.reason as w_reason, w.withdrawn_by as w_by, w.withdrawn_at as w_at
			from sharing_grant g left join sharing_grant_withdrawal w on w.grant_id = g.id""";

	private static final String AUTHORISATIONS = """
			select a.*, s.code as subject_code, w.reason as w_reason, w.withdrawn_by as w_by, w.withdrawn_at as w_at
			from sharing_authorisation a join credit_subject s on s.id = a.subject_id
			left join sharing_authorisation_withdrawal w on w.authorisation_id = a.id""";

	private final JdbcClient jdbc;

	SharingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insertGrant(long organisationId, String itemCode, boolean allPurposes, Collection<SharingPurpose> purposes,
			String lawfulBasis, boolean statutoryBasis, LocalDate validFrom, LocalDate validUntil, String note,
			String grantedBy, Instant at) {
		return jdbc.sql("""
				insert into sharing_grant (organisation_id, item_code, all_purposes, purposes, lawful_basis,
				                           statutory_basis, valid_from, valid_until, note, granted_by, granted_at)
				values (:org, :item, :all, cast(:purposes as text[]), :basis, :statutory, :from, :until, :note, :by, :at)
				returning id""")
			.param("org", organisationId)
			.param("item", itemCode)
			.param("all", allPurposes)
			.param("purposes", purposes.stream().map(Enum::name).sorted().toArray(String[]::new))
			.param("basis", lawfulBasis)
			.param("statutory", statutoryBasis)
			.param("from", Date.valueOf(validFrom))
			.param("until", validUntil == null ? null : Date.valueOf(validUntil))
			.param("note", note)
			.param("by", grantedBy)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void insertGrantWithdrawal(long grantId, String reason, String by, Instant at) {
		jdbc.sql("insert into sharing_grant_withdrawal (grant_id, reason, withdrawn_by, withdrawn_at) values (?, ?, ?, ?)")
			.params(grantId, reason, by, Timestamp.from(at))
			.update();
	}

	Optional<Grant> grant(long id) {
		return jdbc.sql(GRANTS + " where g.id = ?").param(id).query(SharingStore::grant).optional();
	}

	/** Grants, newest first; of one organisation when {@code organisationId} is not null. */
	List<Grant> grants(Long organisationId) {
		if (organisationId == null) {
			return jdbc.sql(GRANTS + " order by g.id desc").query(SharingStore::grant).list();
		}
		return jdbc.sql(GRANTS + " where g.organisation_id = ? order by g.id desc")
			.param(organisationId)
			.query(SharingStore::grant)
			.list();
	}

	/** The organisation's grants in force on the day. */
	List<Grant> grantsInForce(long organisationId, LocalDate day) {
		return jdbc.sql(GRANTS + "\n" + """
				 where g.organisation_id = ? and w.grant_id is null and g.valid_from <= ?
				   and (g.valid_until is null or g.valid_until >= ?) order by g.id""")
			.params(organisationId, Date.valueOf(day), Date.valueOf(day))
			.query(SharingStore::grant)
			.list();
	}

	long insertAuthorisation(long subjectId, long organisationId, boolean allItems, Collection<String> itemCodes,
			SharingPurpose purpose, LocalDate validFrom, LocalDate validUntil, String documentReference,
			String recordedBy, Instant at) {
		return jdbc.sql("""
				insert into sharing_authorisation (subject_id, organisation_id, all_items, item_codes, purpose,
				                                   valid_from, valid_until, document_reference, recorded_by, recorded_at)
				values (:subject, :org, :all, cast(:items as text[]), :purpose, :from, :until, :doc, :by, :at)
				returning id""")
			.param("subject", subjectId)
			.param("org", organisationId)
			.param("all", allItems)
			.param("items", itemCodes.stream().sorted().toArray(String[]::new))
			.param("purpose", purpose.name())
			.param("from", Date.valueOf(validFrom))
			.param("until", Date.valueOf(validUntil))
			.param("doc", documentReference)
			.param("by", recordedBy)
			.param("at", Timestamp.from(at))
			.query(Long.class)
			.single();
	}

	void insertAuthorisationWithdrawal(long authorisationId, String reason, String by, Instant at) {
		jdbc.sql("""
				insert into sharing_authorisation_withdrawal (authorisation_id, reason, withdrawn_by, withdrawn_at)
				values (?, ?, ?, ?)""")
			.params(authorisationId, reason, by, Timestamp.from(at))
			.update();
	}

	Optional<Authorisation> authorisation(long id) {
		return jdbc.sql(AUTHORISATIONS + " where a.id = ?").param(id).query(SharingStore::authorisation).optional();
	}

	/** Authorisations, newest first; of one subject when {@code subjectId} is not null. */
	List<Authorisation> authorisations(Long subjectId) {
		if (subjectId == null) {
			return jdbc.sql(AUTHORISATIONS + " order by a.id desc").query(SharingStore::authorisation).list();
		}
		return jdbc.sql(AUTHORISATIONS + " where a.subject_id = ? order by a.id desc")
			.param(subjectId)
			.query(SharingStore::authorisation)
			.list();
	}

	/** The subject's authorisations for the organisation in force on the day. */
	List<Authorisation> authorisationsInForce(long subjectId, long organisationId, LocalDate day) {
		return jdbc.sql(AUTHORISATIONS + "\n" + """
				 where a.subject_id = ? and a.organisation_id = ? and w.authorisation_id is null
				   and a.valid_from <= ? and a.valid_until >= ? order by a.id""")
			.params(subjectId, organisationId, Date.valueOf(day), Date.valueOf(day))
			.query(SharingStore::authorisation)
			.list();
	}

	long countGrants() {
		return jdbc.sql("select count(*) from sharing_grant").query(Long.class).single();
	}

	private static Grant grant(ResultSet rs, int row) throws SQLException {
		Set<SharingPurpose> purposes = EnumSet.noneOf(SharingPurpose.class);
		for (String p : strings(rs.getArray("purposes"))) {
			purposes.add(SharingPurpose.valueOf(p));
		}
		Date until = rs.getDate("valid_until");
		return new Grant(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("item_code"),
				rs.getBoolean("all_purposes"), purposes, rs.getString("lawful_basis"), rs.getBoolean("statutory_basis"),
				rs.getDate("valid_from").toLocalDate(), until == null ? null : until.toLocalDate(), rs.getString("note"),
				rs.getString("granted_by"), rs.getTimestamp("granted_at").toInstant(), withdrawal(rs));
	}

	private static Authorisation authorisation(ResultSet rs, int row) throws SQLException {
		return new Authorisation(rs.getLong("id"), rs.getLong("subject_id"), rs.getString("subject_code"),
				rs.getLong("organisation_id"), rs.getBoolean("all_items"), Set.copyOf(strings(rs.getArray("item_codes"))),
				SharingPurpose.valueOf(rs.getString("purpose")), rs.getDate("valid_from").toLocalDate(),
				rs.getDate("valid_until").toLocalDate(), rs.getString("document_reference"), rs.getString("recorded_by"),
				rs.getTimestamp("recorded_at").toInstant(), withdrawal(rs));
	}

	private static Withdrawal withdrawal(ResultSet rs) throws SQLException {
		Timestamp at = rs.getTimestamp("w_at");
		return at == null ? null : new Withdrawal(rs.getString("w_reason"), rs.getString("w_by"), at.toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}
}
