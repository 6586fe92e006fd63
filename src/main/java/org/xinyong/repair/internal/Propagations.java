package org.xinyong.repair.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.VersionKind;
import org.xinyong.objection.CaseStatus;
import org.xinyong.objection.ObjectionDecided;
import org.xinyong.objection.Remedy;
import org.xinyong.platform.DomainException;
import org.xinyong.repair.CreditRepaired;
import org.xinyong.repair.RepairReopened;
import org.xinyong.repair.CachedCopies;
import org.xinyong.subject.CreditSubjects;

/**
 * Propagation (art. 57): every repair (or its reversal) and every correction or revocation of a record is delivered to every consumer that holds the record — the
 * organisations that received it through sharing queries (audit action {@code SHARING_READ}) and the national
 * platform exchange. Planning runs from the persisted event publication (outbox), so a crash loses nothing; each
 * consumer has a delivery row whose idempotency key ({@code consumer|record|event}) makes a repeated plan or a
 * repeated delivery harmless. Pending rows are retried until delivered; delivered rows wait for the consumer's
 * acknowledgement.
 */
@Component
public class Propagations {

	private static final Logger log = LoggerFactory.getLogger(Propagations.class);

	public static final String NATIONAL = "NATIONAL_PLATFORM";

	/** Consumer prefix of an issued report ({@code report:<number>}). */
	public static final String REPORT = "report:";

	static final String SYSTEM_ACTOR = "system:repair-propagation";

	public record Delivery(long id, String idempotencyKey, String consumerKind, String consumer, UUID recordId,
			String event, String payload, String status, int attempts, String lastError, Instant createdAt,
			Instant deliveredAt) {
	}

	private final JdbcClient jdbc;
	private final CreditSubjects subjects;
	private final CreditRecords records;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final CachedCopies reports;

	Propagations(JdbcClient jdbc, CreditSubjects subjects, CreditRecords records, AuditLog audit,
			TransactionTemplate tx, CachedCopies reports) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.subjects = subjects;
		this.records = records;
		this.audit = audit;
		this.tx = tx;
	}

	@ApplicationModuleListener
	void on(CreditRepaired event) {
		plan(event.recordId(), event.subjectId(), "REPAIRED:" + event.applicationNumber(),
				"{\"event\":\"CREDIT_REPAIRED\",\"recordId\":\"" + event.recordId() + "\",\"outcome\":\""
						+ event.outcome() + "\",\"application\":\"" + event.applicationNumber() + "\"}");
	}

	@ApplicationModuleListener
	void on(RepairReopened event) {
		plan(event.recordId(), event.subjectId(), "REOPENED:" + event.applicationNumber(),
				"{\"event\":\"REPAIR_REOPENED\",\"recordId\":\"" + event.recordId() + "\",\"application\":\""
						+ event.applicationNumber() + "\"}");
	}

	/** A correction or revocation of a record (art. 53, 57) is propagated like a repair. */
	@ApplicationModuleListener
	void on(CreditRecordsChanged event) {
		for (RecordVersionRef v : event.versions()) {
			if (v.kind() == VersionKind.CORRECTED || v.kind() == VersionKind.REVOKED) {
				plan(v.recordId(), v.subjectId(), v.kind() + ":v" + v.versionNo(), "{\"event\":\"RECORD_" + v.kind()
						+ "\",\"recordId\":\"" + v.recordId() + "\",\"version\":" + v.versionNo() + "}");
			}
		}
	}

	/**
	 * An upheld objection whose remedy changes what consumers hold (art. 54): the record excluded from sharing or its
	 * disclosure stopped. Corrections arrive as {@link CreditRecordsChanged}; a certificate changes nothing held.
	 */
	@ApplicationModuleListener
	void on(ObjectionDecided event) {
		if (event.status() == CaseStatus.UPHELD
				&& (event.remedy() == Remedy.DELETE_FROM_SHARING || event.remedy() == Remedy.STOP_DISCLOSURE)) {
			records.byId(event.recordId())
				.ifPresent(r -> plan(r.id(), r.subjectId(), "OBJECTION_" + event.remedy() + ":" + event.caseId(),
						"{\"event\":\"OBJECTION_" + event.remedy() + "\",\"recordId\":\"" + r.id()
								+ "\",\"objection\":" + event.caseId() + "}"));
		}
	}

	/** Creates a pending delivery for every consumer of the record (idempotent); returns the number of new rows. */
	public int plan(UUID recordId, long subjectId, String event, String payload) {
		String code = subjects.byId(subjectId).map(s -> s.code()).orElse(null);
		String item = records.byId(recordId).map(r -> r.catalogItem()).orElse(null);
		List<String[]> consumers = new ArrayList<>();
		consumers.add(new String[] { "NATIONAL_EXCHANGE", NATIONAL });
		if (code != null && item != null) {
			jdbc.sql("""
					select distinct organisation_id from audit_event
					where action = 'SHARING_READ' and outcome = 'SUCCESS' and subject_ref = ? and organisation_id is not null
					  and (detail::jsonb -> 'items') @> jsonb_build_array(?::text)
					order by organisation_id""")
				.params(code, item)
				.query(Long.class)
				.list()
				.forEach(org -> consumers.add(new String[] { "SHARING", "org:" + org }));
			// cached reports: every report issued about the subject before the change
			reports.holdersAbout(code).forEach(number -> consumers.add(new String[] { "REPORT", REPORT + number }));
		}
		int created = 0;
		for (String[] c : consumers) {
			created += jdbc.sql("""
					insert into propagation_delivery (idempotency_key, consumer_kind, consumer, record_id, event, payload, status)
					values (?, ?, ?, ?, ?, ?, 'PENDING') on conflict (idempotency_key) do nothing""")
				.params(c[1] + "|" + recordId + "|" + event, c[0], c[1], recordId, event, payload)
				.update();
		}
		if (created > 0) {
			audit.record(AuditEntry.of("REPAIR_PROPAGATION_PLANNED", AuditEntry.Outcome.SUCCESS,
					Map.of("record", recordId.toString(), "event", event, "consumers", created))
				.withActor(SYSTEM_ACTOR, null, null));
		}
		return created;
	}

	/** Tries every pending delivery once, each in its own transaction; returns how many were delivered. */
	@Scheduled(fixedDelayString = "${xinyong.repair.propagation.retry-interval:PT30S}",
			initialDelayString = "${xinyong.repair.propagation.retry-interval:PT30S}")
	public int deliverPending() {
		List<Long> ids = jdbc.sql("select id from propagation_delivery where status = 'PENDING' order by id limit 500")
			.query(Long.class)
			.list();
		int delivered = 0;
		for (long id : ids) {
			try {
				Boolean ok = tx.execute(s -> deliver(id));
				delivered += Boolean.TRUE.equals(ok) ? 1 : 0;
			}
			catch (RuntimeException e) {
				log.warn("Propagation {} failed: {}", id, e.getMessage());
				tx.executeWithoutResult(s -> jdbc.sql(
						"update propagation_delivery set attempts = attempts + 1, last_error = ? where id = ? and status = 'PENDING'")
					.params(String.valueOf(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(e).getMessage()).lines().findFirst().orElse(""), id)
					.update());
			}
		}
		return delivered;
	}

	private boolean deliver(long id) {
		Delivery d = jdbc.sql("select * from propagation_delivery where id = ? and status = 'PENDING' for update skip locked")
			.param(id)
			.query(Propagations::map)
			.optional()
			.orElse(null);
		if (d == null) {
			return false;
		}
		if ("NATIONAL_EXCHANGE".equals(d.consumerKind())) {
			jdbc.sql("""
					insert into national_exchange_outbound (idempotency_key, record_id, event, payload)
					values (?, ?, ?, ?) on conflict (idempotency_key) do nothing""")
				.params(d.idempotencyKey(), d.recordId(), d.event(), d.payload())
				.update();
		}
		else if ("REPORT".equals(d.consumerKind())) {
			// the report module is in-process: writing the notice is its acknowledgement
			reports.noteLaterChange(d.consumer().substring(REPORT.length()), d.recordId(), d.event(),
					d.idempotencyKey());
		}
		else {
			jdbc.sql("""
					insert into propagation_inbox (idempotency_key, organisation_id, record_id, event, payload)
					values (?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing""")
				.params(d.idempotencyKey(), Long.parseLong(d.consumer().substring(4)), d.recordId(), d.event(),
						d.payload())
				.update();
		}
		jdbc.sql("update propagation_delivery set status = 'DELIVERED', attempts = attempts + 1, last_error = null, delivered_at = now() where id = ?")
			.param(id)
			.update();
		if ("REPORT".equals(d.consumerKind())) {
			jdbc.sql("update propagation_delivery set status = 'ACKNOWLEDGED', acknowledged_at = now() where id = ?")
				.param(id)
				.update();
		}
		audit.record(AuditEntry.of("REPAIR_PROPAGATION_DELIVERED", AuditEntry.Outcome.SUCCESS,
				Map.of("key", d.idempotencyKey(), "attempt", d.attempts() + 1))
			.withActor(SYSTEM_ACTOR, null, null));
		return true;
	}

	/** A consumer acknowledges a delivery; an organisation may only acknowledge its own. */
	public void acknowledge(String idempotencyKey, String consumer) {
		int n = jdbc.sql("""
				update propagation_delivery set status = 'ACKNOWLEDGED', acknowledged_at = now()
				where idempotency_key = ? and consumer = ? and status = 'DELIVERED'""")
			.params(idempotencyKey, consumer)
			.update();
		if (n == 0) {
			throw DomainException.notFound("REPAIR_PROPAGATION_UNKNOWN", idempotencyKey);
		}
		if (NATIONAL.equals(consumer)) {
			jdbc.sql("update national_exchange_outbound set acknowledged_at = now() where idempotency_key = ?")
				.param(idempotencyKey)
				.update();
		}
		audit.record(AuditEntry.of("REPAIR_PROPAGATION_ACKNOWLEDGED", AuditEntry.Outcome.SUCCESS,
				Map.of("key", idempotencyKey, "consumer", consumer)));
	}

	/** Deliveries not yet acknowledged, oldest first. */
	public List<Delivery> undelivered() {
		return jdbc.sql("select * from propagation_delivery where status <> 'ACKNOWLEDGED' order by id limit 1000")
			.query(Propagations::map)
			.list();
	}

	/** An organisation's delivered, unacknowledged notices. */
	public List<Delivery> inbox(long organisationId) {
		return jdbc.sql("select * from propagation_delivery where consumer = ? and status = 'DELIVERED' order by id")
			.param("org:" + organisationId)
			.query(Propagations::map)
			.list();
	}

	private static Delivery map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp delivered = rs.getTimestamp("delivered_at");
		return new Delivery(rs.getLong("id"), rs.getString("idempotency_key"), rs.getString("consumer_kind"),
				rs.getString("consumer"), rs.getObject("record_id", UUID.class), rs.getString("event"),
				rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
				rs.getTimestamp("created_at").toInstant(), delivered == null ? null : delivered.toInstant());
	}
}
