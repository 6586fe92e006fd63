package org.xinyong.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
	private static final int CACHE_LIMIT = 10_000;
	private final Map<String, CachedPrincipal> cache = new ConcurrentHashMap<>();
	private final AtomicLong cacheGeneration = new AtomicLong();
	private final long cacheNanos;

	ApiKeys(JdbcClient jdbc, Organisations organisations, AuditLog audit,
			@Value("${xinyong.access.api-key-cache-seconds:10}") long cacheSeconds) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
		this.cacheNanos = TimeUnit.SECONDS.toNanos(Math.max(0, cacheSeconds));
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
		forgetCachedKeys();
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
		forgetCachedKeys();
		audit.record(AuditEntry.of("API_KEY_REVOKED", AuditEntry.Outcome.SUCCESS,
				Map.of("apiKeyId", keyId, "prefix", key.prefix(), "reason", reason.strip())));
	}

	/**
	 * The active (not revoked) key matching the presented value, if any. Department systems call on every request
	 * (the joint check's hot path), so a successful match is remembered for {@code xinyong.access.api-key-cache-seconds}
	 * (10 s by default, 0 to switch off): issuing or revoking a key on this instance clears the cache at once; on
	 * another instance of the platform a revocation takes effect within that time. Unknown keys are never cached,
	 * so a refused request always reaches the database (and the audit log).
	 */
	public Optional<SystemPrincipal> authenticate(String presented) {
		if (presented == null || presented.isBlank() || presented.length() > 200) {
			return Optional.empty();
		}
		String hash = HexFormat.of().formatHex(hash(presented.strip()));
		long now = System.nanoTime();
		CachedPrincipal cached = cacheNanos > 0 ? cache.get(hash) : null;
		if (cached != null && now - cached.at() < cacheNanos) {
			return Optional.of(cached.principal());
		}
		long generation = cacheGeneration.get();
		Optional<SystemPrincipal> principal = find(presented).filter(k -> k.revokedAt() == null)
			.map(k -> new SystemPrincipal(k.id(), k.prefix(), k.name(), organisations.byId(k.organisationId()).orElseThrow()));
		if (cacheNanos > 0 && principal.isPresent()) {
			if (cache.size() >= CACHE_LIMIT) {
				cache.clear();
			}
			cache.put(hash, new CachedPrincipal(principal.get(), now));
			if (cacheGeneration.get() != generation) {
				cache.clear(); // a key was issued or revoked meanwhile: do not keep what was read before
			}
		}
		return principal;
	}

	/** Clears the cache now and again once the surrounding transaction has ended (so no reader keeps the old row). */
	private void forgetCachedKeys() {
		cacheGeneration.incrementAndGet();
		cache.clear();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					cacheGeneration.incrementAndGet();
					cache.clear();
				}
			});
		}
	}

	private record CachedPrincipal(SystemPrincipal principal, long at) {
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
