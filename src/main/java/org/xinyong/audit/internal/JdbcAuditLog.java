package org.xinyong.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.platform.OrganisationMember;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores audit entries in {@code audit_event}, each carrying the SM3 hash of its canonical form chained to
 * the previous entry's hash, so that an edited, removed or inserted entry breaks the chain.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private static final byte[] GENESIS = new byte[32];

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final javax.sql.DataSource dataSource;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public long record(AuditEntry entry) {
		AuditEntry complete = fromContext(entry);
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String detail = json.writeValueAsString(new TreeMap<>(complete.detail()));
		// One writer at a time extends the chain.
		jdbc.sql("select pg_advisory_xact_lock(7261001)").query().singleRow();
		long id = jdbc.sql("select nextval('audit_event_id_seq')").query(Long.class).single();
		byte[] previous = jdbc.sql("select hash from audit_event order by id desc limit 1")
			.query(byte[].class)
			.optional()
			.orElse(GENESIS);
		byte[] hash = chainHash(previous, canonical(id, at, complete, detail));
		jdbc.sql("""
				insert into audit_event (id, occurred_at, action, outcome, actor, organisation_id, organisation_code,
				                         client_address, subject_ref, purpose, detail, prev_hash, hash)
				values (:id, :at, :action, :outcome, :actor, :orgId, :orgCode, :ip, :subject, :purpose,
				        cast(:detail as json), :prev, :hash)""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("action", complete.action())
			.param("outcome", complete.outcome().name())
			.param("actor", complete.actor())
			.param("orgId", complete.organisationId())
			.param("orgCode", complete.organisationCode())
			.param("ip", complete.clientAddress())
			.param("subject", complete.subjectRef())
			.param("purpose", complete.purpose())
			.param("detail", detail)
			.param("prev", previous)
			.param("hash", hash)
			.update();
		return id;
	}

	@Override
	@Transactional
	public void recordAll(java.util.List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("select pg_advisory_xact_lock(7261001)").query().singleRow();
		java.util.List<Long> ids = jdbc.sql("select nextval('audit_event_id_seq') from generate_series(1, ?)")
			.param(entries.size())
			.query(Long.class)
			.list();
		byte[] previous = jdbc.sql("select hash from audit_event order by id desc limit 1")
			.query(byte[].class)
			.optional()
			.orElse(GENESIS);
		java.util.List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = 0; i < entries.size(); i++) {
			AuditEntry complete = fromContext(entries.get(i));
			String detail = json.writeValueAsString(new TreeMap<>(complete.detail()));
			byte[] hash = chainHash(previous, canonical(ids.get(i), at, complete, detail));
			rows.add(new Object[] { ids.get(i), Timestamp.from(at), complete.action(), complete.outcome().name(),
					complete.actor(), complete.organisationId(), complete.organisationCode(), complete.clientAddress(),
					complete.subjectRef(), complete.purpose(), detail, previous, hash });
			previous = hash;
		}
		new org.springframework.jdbc.core.JdbcTemplate(dataSource).batchUpdate("""
				insert into audit_event (id, occurred_at, action, outcome, actor, organisation_id, organisation_code,
				                         client_address, subject_ref, purpose, detail, prev_hash, hash)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as json), ?, ?)""", rows);
	}

	/** The canonical text of an entry: fields in fixed order, separated by US (0x1F), nulls as empty. */
	static String canonical(long id, Instant at, AuditEntry e, String detailJson) {
		return String.join("\u001f", String.valueOf(id), at.toString(), e.action(), e.outcome().name(),
				nullToEmpty(e.actor()), e.organisationId() == null ? "" : e.organisationId().toString(),
				nullToEmpty(e.organisationCode()), nullToEmpty(e.clientAddress()), nullToEmpty(e.subjectRef()),
				nullToEmpty(e.purpose()), detailJson);
	}

	static byte[] chainHash(byte[] previous, String canonical) {
		SM3Digest sm3 = new SM3Digest();
		sm3.update(previous, 0, previous.length);
		byte[] data = canonical.getBytes(StandardCharsets.UTF_8);
		sm3.update(data, 0, data.length);
		byte[] out = new byte[sm3.getDigestSize()];
		sm3.doFinal(out, 0);
		return out;
	}

	private static AuditEntry fromContext(AuditEntry entry) {
		AuditEntry e = entry;
		if (e.actor() == null) {
			Authentication auth = SecurityContextHolder.getContext().getAuthentication();
			if (auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated()) {
				e = e.withActor("anonymous", null, null);
			}
			else if (auth.getPrincipal() instanceof OrganisationMember member) {
				e = e.withActor(auth.getName(), member.organisationId(), member.organisationCode());
			}
			else {
				e = e.withActor(auth.getName(), null, null);
			}
		}
		if (e.clientAddress() == null
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			e = e.withClientAddress(request.getRemoteAddr());
		}
		return e;
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
