package org.xinyong.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.DomainException;

/** Staff users: people who sign in to the console. */
@Repository
public class StaffUsers {

	static final int MIN_PASSWORD_LENGTH = 10;

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final PasswordEncoder passwords;
	private final AuditLog audit;

	StaffUsers(JdbcClient jdbc, Organisations organisations, PasswordEncoder passwords, AuditLog audit) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.passwords = passwords;
		this.audit = audit;
	}

	public Optional<StaffPrincipal> byUsername(String username) {
		return jdbc.sql("""
				select id, username, display_name, password_hash, enabled, organisation_id
				from staff_user where username = ?""")
			.param(username)
			.query(this::map)
			.optional();
	}

	public List<StaffPrincipal> all() {
		return jdbc.sql("""
				select id, username, display_name, password_hash, enabled, organisation_id
				from staff_user order by organisation_id, username""")
			.query(this::map)
			.list();
	}

	/** Creates a user with a password that meets the policy and at least one role. */
	@Transactional
	public StaffPrincipal create(NewStaffUser u) {
		if (u.username() == null || !u.username().matches("[a-z][a-z0-9._-]{2,39}")) {
			throw DomainException.badRequest("USERNAME_INVALID");
		}
		if (byUsername(u.username()).isPresent()) {
			throw DomainException.conflict("USERNAME_TAKEN", u.username());
		}
		if (u.password() == null || u.password().length() < MIN_PASSWORD_LENGTH) {
			throw DomainException.badRequest("PASSWORD_TOO_SHORT", MIN_PASSWORD_LENGTH);
		}
		if (u.roles() == null || u.roles().isEmpty() || u.roles().contains(Role.DEPARTMENT_SYSTEM)) {
			throw DomainException.badRequest("ROLES_INVALID");
		}
		Organisation organisation = organisations.byId(u.organisationId())
			.orElseThrow(() -> DomainException.badRequest("ORGANISATION_UNKNOWN", u.organisationId()));
		String name = u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName().strip();
		long id = jdbc.sql("""
				insert into staff_user (username, display_name, password_hash, organisation_id)
				values (?, ?, ?, ?) returning id""")
			.params(u.username(), name, passwords.encode(u.password()), organisation.id())
			.query(Long.class)
			.single();
		for (Role role : u.roles()) {
			jdbc.sql("insert into staff_user_role (user_id, role, granted_by) values (?, ?, ?)")
				.params(id, role.name(), u.grantedBy())
				.update();
		}
		audit.record(AuditEntry.of("STAFF_USER_CREATED", AuditEntry.Outcome.SUCCESS,
				Map.of("userId", id, "username", u.username(), "organisationId", organisation.id(), "roles",
						u.roles().stream().map(Enum::name).sorted().toList())));
		return byUsername(u.username()).orElseThrow();
	}

	public record NewStaffUser(String username, String displayName, String password, long organisationId,
			Set<Role> roles, String grantedBy) {
	}

	private StaffPrincipal map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Organisation organisation = organisations.byId(rs.getLong("organisation_id")).orElseThrow();
		List<String> roleNames = jdbc.sql("select role from staff_user_role where user_id = ?")
			.param(id)
			.query(String.class)
			.list();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roleNames.forEach(r -> roles.add(Role.valueOf(r)));
		return new StaffPrincipal(id, rs.getString("username"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getBoolean("enabled"), organisation, roles);
	}
}
