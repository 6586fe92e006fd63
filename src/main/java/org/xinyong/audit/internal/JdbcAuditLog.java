package org.xinyong.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.xinyong.audit.ChainHead;
import org.xinyong.platform.OrganisationMember;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stores audit entries in {@code audit_event}, each carrying the SM3 hash of its canonical form chained to
 * the previous entry's hash, so that an edited, removed or inserted entry breaks the chain.
 */
@Service
class JdbcAuditLog implements AuditLog {


	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;

	JdbcAuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Override
	@Transactional
	public long record(AuditEntry entry) {
		// One writer at a time extends the chain: the head's lock is held until the transaction ends.
		ChainHead head = head(1);
		recordAll(List.of(entry), head);
		return head.ids()[0];
	}

	@Override
	@Transactional
	public void recordAll(java.util.List<AuditEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		recordAll(entries, head(entries.size()));
	}

	/** The named parameters of the batched audit insert; a companion statement may not use them. */
	private static final java.util.Set<String> OWN_PARAMETERS = java.util.Set.of("at", "id", "action", "outcome",
			"actor", "organisationId", "organisationCode", "clientAddress", "subjectRef", "purpose", "detail",
			"prevHash", "hash");

	@Override
	@Transactional
	public void recordAll(java.util.List<AuditEntry> entries, ChainHead head, String companionSql,
			java.util.Map<String, ?> companionParams) {
		if (entries.isEmpty() && head.ids().length == 0 && companionSql == null) {
			return;
		}
		Append append = prepareAll(entries, head, companionSql, companionParams);
		jdbc.sql(append.sql()).params(append.params()).update();
	}

	@Override
	public Append prepareAll(java.util.List<AuditEntry> entries, ChainHead head, String companionSql,
			java.util.Map<String, ?> companionParams) {
		if (companionSql != null) {
			for (String name : companionParams.keySet()) {
				if (OWN_PARAMETERS.contains(name)) {
					throw new IllegalArgumentException("companion parameter :" + name + " is one of the audit insert's");
				}
			}
		}
		if (head.ids().length != entries.size()) {
			throw new IllegalArgumentException(
					"a chain head of " + head.ids().length + " ids for " + entries.size() + " audit entries");
		}
		if (entries.isEmpty()) {
			throw new IllegalArgumentException(companionSql != null
					? "a companion write needs the audit entries it is audited by" : "no audit entries to append");
		}
		Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
		long[] id = head.ids();
		byte[] previous = head.previous();
		int n = entries.size();
		String[] action = new String[n];
		String[] outcome = new String[n];
		String[] actor = new String[n];
		Long[] organisationId = new Long[n];
		String[] organisationCode = new String[n];
		String[] clientAddress = new String[n];
		String[] subjectRef = new String[n];
		String[] purpose = new String[n];
		String[] detail = new String[n];
		String[] prevHash = new String[n];
		String[] hash = new String[n];
		for (int i = 0; i < n; i++) {
			AuditEntry complete = fromContext(entries.get(i));
			String detailJson = json.writeValueAsString(new TreeMap<>(complete.detail()));
			byte[] h = chainHash(previous, canonical(id[i], at, complete, detailJson));
			action[i] = complete.action();
			outcome[i] = complete.outcome().name();
			actor[i] = complete.actor();
			organisationId[i] = complete.organisationId();
			organisationCode[i] = complete.organisationCode();
			clientAddress[i] = complete.clientAddress();
			subjectRef[i] = complete.subjectRef();
			purpose[i] = complete.purpose();
			detail[i] = detailJson;
			prevHash[i] = java.util.HexFormat.of().formatHex(previous);
			hash[i] = java.util.HexFormat.of().formatHex(h);
			previous = h;
		}
		// one statement for all entries (and the caller's companion write): the rows travel as one array per column
		String sql = (companionSql == null ? "" : "with companion as (" + companionSql + ")\n") + """
				insert into audit_event (id, occurred_at, action, outcome, actor, organisation_id, organisation_code,
				                         client_address, subject_ref, purpose, detail, prev_hash, hash)
				select u.id, :at, u.action, u.outcome, u.actor, u.organisation_id, u.organisation_code, u.client_address,
				       u.subject_ref, u.purpose, cast(u.detail as json), decode(u.prev_hash, 'hex'), decode(u.hash, 'hex')
				from unnest(cast(:id as bigint[]), cast(:action as text[]), cast(:outcome as text[]),
				            cast(:actor as text[]), cast(:organisationId as bigint[]), cast(:organisationCode as text[]),
				            cast(:clientAddress as text[]), cast(:subjectRef as text[]), cast(:purpose as text[]),
				            cast(:detail as text[]), cast(:prevHash as text[]), cast(:hash as text[]))
				     as u(id, action, outcome, actor, organisation_id, organisation_code, client_address, subject_ref,
				          purpose, detail, prev_hash, hash)
				order by u.id""";
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (companionSql != null) {
			params.putAll(companionParams);
		}
		params.put("at", Timestamp.from(at));
		params.put("id", id);
		params.put("action", action);
		params.put("outcome", outcome);
		params.put("actor", actor);
		params.put("organisationId", organisationId);
		params.put("organisationCode", organisationCode);
		params.put("clientAddress", clientAddress);
		params.put("subjectRef", subjectRef);
		params.put("purpose", purpose);
		params.put("detail", detail);
		params.put("prevHash", prevHash);
		params.put("hash", hash);
		return new Append(sql, params);
	}

	/**
	 * Takes the chain's lock (until the transaction ends) and reserves {@code n} ids, returning them with the hash of
	 * the last entry: one round trip (function {@code audit_chain_append}, migration V5_13).
	 */
	private ChainHead head(int n) {
		return jdbc.sql("select ids, previous from audit_chain_append(?)").param(n)
			.query((rs, row) -> ChainHead.read(rs))
			.single();
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
