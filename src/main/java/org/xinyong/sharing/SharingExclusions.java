package org.xinyong.sharing;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ledger.Ledger;

/**
 * Records no longer shared with state bodies (art. 54, "delete from sharing" after an upheld objection). An exclusion
 * is an appended row ({@code sharing_exclusion}); the record and its versions stay for the platform and the subject.
 * From then on sharing answers leave the record out. Each exclusion is audited ({@code SHARING_RECORD_EXCLUDED}) and
 * appended to the ledger ({@code SHARING_EXCLUDED}), as it changes what state bodies see.
 */
@Service
public class SharingExclusions {

	private final JdbcClient jdbc;
	private final Ledger ledger;
	private final AuditLog audit;

	SharingExclusions(JdbcClient jdbc, Ledger ledger, AuditLog audit) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.audit = audit;
	}

	/**
	 * Excludes the record from sharing; idempotent (an already excluded record gets no second row).
	 *
	 * @param reason e.g. {@code OBJECTION:<case id>}
	 * @return true when the record was newly excluded
	 */
	@Transactional
	public boolean exclude(UUID recordId, String reason, String actor, String subjectCode) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("sharing-exclusion:" + recordId).query().singleRow();
		if (!excludedAmong(Set.of(recordId)).isEmpty()) {
			return false;
		}
		jdbc.sql("insert into sharing_exclusion (record_id, reason, excluded_by) values (?, ?, ?)")
			.params(recordId, reason, actor)
			.update();
		long leaf = ledger.appendEvent("SHARING_EXCLUDED", "record:" + recordId, "reason=" + reason);
		audit.record(AuditEntry.of("SHARING_RECORD_EXCLUDED", AuditEntry.Outcome.SUCCESS,
				Map.of("recordId", recordId.toString(), "reason", reason, "ledgerLeaf", leaf))
			.withActor(actor, null, null)
			.aboutSubject(subjectCode, null));
		return true;
	}

	/** The records among the given ones that are excluded from sharing. */
	public Set<UUID> excludedAmong(Collection<UUID> recordIds) {
		if (recordIds == null || recordIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select distinct record_id from sharing_exclusion where record_id = any(:ids)")
			.param("ids", recordIds.toArray(UUID[]::new))
			.query((rs, n) -> rs.getObject(1, UUID.class))
			.list());
	}
}
