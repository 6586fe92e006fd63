package org.xinyong.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.DomainException;

/**
 * API keys of department systems. A key is shown once when issued; only its SHA-256 is stored (keys are 256
 * random bits, so a fast hash is safe and lets a request be matched by one index lookup). Keys are scoped to
 * one organisation and revoked, never deleted.
 */
@Repository
public class ApiKeys {

	static final String KEY_PREFIX = "xy_";
	private static final int SHOWN_PREFIX_LENGTH = 10;

	private final JdbcClient jdbc;
	private final Organisations organisations;
	private final AuditLog audit;
	private final SecureRandom random = new SecureRandom();

	ApiKeys(JdbcClient jdbc, Organisations organisations, AuditLog audit) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** Issues a new random key for the organisation. The plain key is in the result and nowhere else. */
	@Transactional
	public IssuedApiKey issue(long organisationId, String name, String issuedBy) {
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		return store(organisationId, name, KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
				issuedBy);
	}

	/** Registers a key chosen by configuration (the demo system's key). */
	@Transactional
	public IssuedApiKey register(long organisationId, String name, String plainKey, String issuedBy) {
		if (plainKey == null || plainKey.length() < 16) {
			throw DomainException.badRequest("API_KEY_TOO_SHORT", 16);
		}
		if (find(plainKey).isPresent()) {
			throw DomainException.conflict("API_KEY_EXISTS");
		}
		return store(organisationId, name, plainKey, issuedBy);
	}

	private IssuedApiKey store(long organisationId, String name, String plainKey, String issuedBy) {
		Organisation organisation = organisations.byId(organisationId)
			.orElseThrow(() -> DomainException.badRequest("ORGANISATION_UNKNOWN", organisationId));
		if (name == null || name.isBlank()) {
			throw DomainException.badRequest("API_KEY_NAME_REQUIRED");
		}
		String prefix = plainKey.substring(0, Math.min(SHOWN_PREFIX_LENGTH, plainKey.length()));
		long id = jdbc.sql("""
				insert into api_key (organisation_id, name, key_prefix, key_hash, created_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(organisation.id(), name.strip(), prefix, hash(plainKey), issuedBy)
			.query(Long.class)
			.single();
		audit.record(AuditEntry.of("API_KEY_ISSUED", AuditEntry.Outcome.SUCCESS,
				Map.of("apiKeyId", id, "prefix", prefix, "organisationId", organisation.id(), "name", name.strip())));
		return new IssuedApiKey(id, prefix, plainKey, organisation);
	}

	/** Revokes a key; requests with it are refused from then on. */
	@Transactional
	public void revoke(long keyId, String reason, String revokedBy) {
		ApiKey key = byId(keyId).orElseThrow(() -> DomainException.notFound("API_KEY_UNKNOWN", keyId));
		if (key.revokedAt() != null) {
			throw DomainException.conflict("API_KEY_ALREADY_REVOKED", key.prefix());
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("API_KEY_REVOKE_REASON_REQUIRED");
		}
		jdbc.sql("update api_key set revoked_at = now(), revoked_by = ?, revoke_reason = ? where id = ? and revoked_at is null")
			.params(revokedBy, reason.strip(), keyId)
			.update();
		audit.record(AuditEntry.of("API_KEY_REVOKED", AuditEntry.Outcome.SUCCESS,
				Map.of("apiKeyId", keyId, "prefix", key.prefix(), "reason", reason.strip())));
	}

	/** The active (not revoked) key matching the presented value, if any. */
	public Optional<SystemPrincipal> authenticate(String presented) {
		return find(presented).filter(k -> k.revokedAt() == null)
			.map(k -> new SystemPrincipal(k.id(), k.prefix(), k.name(), organisations.byId(k.organisationId()).orElseThrow()));
	}

	private Optional<ApiKey> find(String presented) {
		if (presented == null || presented.isBlank() || presented.length() > 200) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + " where key_hash = ?").param(hash(presented.strip())).query(ApiKeys::map).optional();
	}

	public Optional<ApiKey> byId(long id) {
		return jdbc.sql(SELECT + " where id = ?").param(id).query(ApiKeys::map).optional();
	}

	public List<ApiKey> all() {
		return jdbc.sql(SELECT + " order by organisation_id, id").query(ApiKeys::map).list();
	}

	private static final String SELECT = """
			select id, organisation_id, name, key_prefix, created_at, created_by, revoked_at, revoked_by, revoke_reason
			from api_key""";

	/** A key as listed: never the key itself. */
	public record ApiKey(long id, long organisationId, String name, String prefix, Instant createdAt, String createdBy,
			Instant revokedAt, String revokedBy, String revokeReason) {
	}

	/** A freshly issued key; {@code plainKey} must be shown once and then forgotten. */
	public record IssuedApiKey(long id, String prefix, String plainKey, Organisation organisation) {
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		var revoked = rs.getTimestamp("revoked_at");
		return new ApiKey(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("name"),
				rs.getString("key_prefix"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"), rs.getString("revoke_reason"));
	}

	static byte[] hash(String plainKey) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
