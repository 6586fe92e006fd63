package org.xinyong.ingest.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.CreditRecords;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.ingest.RecordInvalidException;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.VersionKind;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.CreditSubjects;
import org.xinyong.subject.CreditSubjects.Mention;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcCreditRecords implements CreditRecords {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final IngestSupport support;
	private final RecordStore store;
	private final CreditSubjects subjects;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	JdbcCreditRecords(JdbcClient jdbc, JsonMapper json, IngestSupport support, RecordStore store,
			CreditSubjects subjects, ApplicationEventPublisher events, AuditLog audit) {
		this.jdbc = jdbc;
		this.json = json;
		this.support = support;
		this.store = store;
		this.subjects = subjects;
		this.events = events;
		this.audit = audit;
	}

	private static final String SELECT = """
			select record_id, version_no, kind, catalog_item, provider_id, subject_id, payload::text as payload,
			       decision_date, severity, reason, catalog_version_id, submission_id, agreement_id, self_declared,
			       recorded_by, recorded_at
			from record_version""";

	@Override
	public Optional<CreditRecord> byId(UUID recordId) {
		List<CreditRecord> records = group(jdbc.sql(SELECT + " where record_id = ? order by version_no")
			.param(recordId)
			.query(this::row)
			.list());
		return records.stream().findFirst();
	}

	@Override
	public List<CreditRecord> ofSubject(long subjectId) {
		return group(jdbc.sql(SELECT + " where subject_id = ? order by catalog_item, record_id, version_no")
			.param(subjectId)
			.query(this::row)
			.list());
	}

	@Override
	@Transactional
	public RecordVersionRef correct(UUID recordId, Map<String, Object> values, String reason, long organisationId,
			String actor) {
		CreditRecord record = ownedRecord(recordId, organisationId);
		requireReason(reason);
		if (record.revoked()) {
			throw DomainException.conflict("RECORD_REVOKED", recordId);
		}
		var plan = support.plan(organisationId, null, record.catalogItem());
		Map<String, String> texts = new LinkedHashMap<>();
		if (values != null) {
			values.forEach((k, v) -> {
				if (v != null) {
					texts.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(v));
				}
			});
		}
		RowValidator.Outcome outcome = plan.validator().validate(1, texts);
		if (!outcome.valid()) {
			throw new RecordInvalidException(outcome.errors());
		}
		ValidRow row = outcome.row();
		String currentKey = jdbc.sql("select natural_key from record_version where record_id = ? and version_no = 1")
			.param(recordId)
			.query(String.class)
			.single();
		if (!currentKey.equals(row.naturalKey())) {
			throw DomainException.unprocessable("CORRECTION_CHANGES_KEY");
		}
		long subjectId = subjects.resolve(List.of(new Mention(row.subject(), row.subjectName())), "correction")
			.get(row.subject().value());
		RecordVersionRef ref = store.appendVersion(recordId, VersionKind.CORRECTED, reason.strip(), row,
				context(plan.item(), record, actor, plan.agreementId()), subjectId, record.current().versionNo() + 1);
		events.publishEvent(new CreditRecordsChanged(null, List.of(ref)));
		audit.record(AuditEntry.of("RECORD_CORRECTED", AuditEntry.Outcome.SUCCESS,
				Map.of("recordId", recordId.toString(), "versionNo", ref.versionNo(), "reason", reason.strip())));
		return ref;
	}

	@Override
	@Transactional
	public RecordVersionRef revoke(UUID recordId, String reason, long organisationId, String actor) {
		CreditRecord record = ownedRecord(recordId, organisationId);
		requireReason(reason);
		if (record.revoked()) {
			throw DomainException.conflict("RECORD_ALREADY_REVOKED", recordId);
		}
		var published = support.plan(organisationId, null, record.catalogItem()).item();
		RecordVersion current = record.current();
		String payload = jdbc.sql("select payload::text from record_version where record_id = ? and version_no = ?")
			.params(recordId, current.versionNo())
			.query(String.class)
			.single();
		var latest = jdbc.sql("""
				select natural_key, content_hash, subject_id from record_version where record_id = ? and version_no = ?""")
			.params(recordId, current.versionNo())
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getBytes(2), rs.getLong(3) })
			.single();
		ValidRow same = new ValidRow(0, null, null, (String) latest[0], payload, (byte[]) latest[1],
				current.decisionDate(), current.severity());
		RecordVersionRef ref = store.appendVersion(recordId, VersionKind.REVOKED, reason.strip(), same,
				context(published, record, actor, current.agreementId()), (Long) latest[2], current.versionNo() + 1);
		events.publishEvent(new CreditRecordsChanged(null, List.of(ref)));
		audit.record(AuditEntry.of("RECORD_REVOKED", AuditEntry.Outcome.SUCCESS,
				Map.of("recordId", recordId.toString(), "versionNo", ref.versionNo(), "reason", reason.strip())));
		return ref;
	}

	private RecordStore.Context context(org.xinyong.catalog.PublishedItem item, CreditRecord record, String actor,
			Long agreementId) {
		return new RecordStore.Context(item, record.providerId(), null, actor, agreementId,
				record.current().selfDeclared());
	}

	private CreditRecord ownedRecord(UUID recordId, long organisationId) {
		CreditRecord record = byId(recordId).orElseThrow(() -> DomainException.notFound("RECORD_UNKNOWN", recordId));
		if (record.providerId() != organisationId) {
			throw new DomainException("RECORD_NOT_PROVIDED_BY_YOU", org.springframework.http.HttpStatus.FORBIDDEN);
		}
		return record;
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw DomainException.badRequest("REASON_REQUIRED");
		}
	}

	private record Row(UUID recordId, String item, long providerId, long subjectId, RecordVersion version) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		long submission = rs.getLong("submission_id");
		Long submissionId = rs.wasNull() ? null : submission;
		long agreement = rs.getLong("agreement_id");
		Long agreementId = rs.wasNull() ? null : agreement;
		var date = rs.getDate("decision_date");
		Map<String, Object> payload = json.readValue(rs.getString("payload"), new TypeReference<Map<String, Object>>() {
		});
		RecordVersion v = new RecordVersion(rs.getInt("version_no"), VersionKind.valueOf(rs.getString("kind")), payload,
				date == null ? null : date.toLocalDate(), rs.getString("severity"), rs.getString("reason"),
				rs.getLong("catalog_version_id"), submissionId, agreementId, rs.getBoolean("self_declared"),
				rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
		return new Row(rs.getObject("record_id", UUID.class), rs.getString("catalog_item"), rs.getLong("provider_id"),
				rs.getLong("subject_id"), v);
	}

	private static List<CreditRecord> group(List<Row> rows) {
		Map<UUID, List<Row>> byRecord = new LinkedHashMap<>();
		for (Row r : rows) {
			byRecord.computeIfAbsent(r.recordId(), k -> new ArrayList<>()).add(r);
		}
		List<CreditRecord> out = new ArrayList<>();
		for (List<Row> versions : byRecord.values()) {
			Row last = versions.get(versions.size() - 1);
			out.add(new CreditRecord(last.recordId(), last.item(), last.providerId(), last.subjectId(),
					versions.stream().map(Row::version).toList()));
		}
		return out;
	}
}
