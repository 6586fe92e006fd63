package org.xinyong.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.DomainException;

/** The organisations known to the platform. */
@Repository
public class Organisations {

	private static final String COLUMNS = "id, code, name, name_en, kind, parent_id, demo";

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final UnifiedCodes codes;

	Organisations(JdbcClient jdbc, AuditLog audit, UnifiedCodes codes) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.codes = codes;
	}

	public Optional<Organisation> byId(long id) {
		return jdbc.sql("select " + COLUMNS + " from organisation where id = ?").param(id).query(Organisations::map)
			.optional();
	}

	public Optional<Organisation> byCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from organisation where code = ?").param(code)
			.query(Organisations::map)
			.optional();
	}

	public List<Organisation> all() {
		return jdbc.sql("select " + COLUMNS + " from organisation order by kind, code").query(Organisations::map).list();
	}

	public long count() {
		return jdbc.sql("select count(*) from organisation").query(Long.class).single();
	}

	/** Registers an organisation; its code must be a valid unified social credit code not yet registered. */
	@Transactional
	public Organisation register(NewOrganisation o) {
		String code = codes.requireValid(o.code());
		if (o.name() == null || o.name().isBlank()) {
			throw DomainException.badRequest("ORGANISATION_NAME_REQUIRED");
		}
		if (byCode(code).isPresent()) {
			throw DomainException.conflict("ORGANISATION_CODE_TAKEN", code);
		}
		if (o.parentId() != null && byId(o.parentId()).isEmpty()) {
			throw DomainException.badRequest("ORGANISATION_PARENT_UNKNOWN", o.parentId());
		}
		long id = jdbc.sql("""
				insert into organisation (code, name, name_en, kind, parent_id, demo)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(code, o.name().strip(), blankToNull(o.nameEn()), o.kind().name(), o.parentId(), o.demo())
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("ORGANISATION_REGISTERED", AuditEntry.Outcome.SUCCESS,
				Map.of("organisationId", id, "code", code, "kind", o.kind().name())));
		return byId(id).orElseThrow();
	}

	/** What it takes to register an organisation. */
	public record NewOrganisation(String code, String name, String nameEn, OrganisationKind kind, Long parentId,
			boolean demo) {
	}

	static Organisation map(ResultSet rs, int row) throws SQLException {
		long parentId = rs.getLong("parent_id");
		Long parent = rs.wasNull() ? null : parentId;
		return new Organisation(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				OrganisationKind.valueOf(rs.getString("kind")), parent, rs.getBoolean("demo"));
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
