package org.xinyong.ingest.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.CreditRecordsChanged;
import org.xinyong.ingest.RowError;
import org.xinyong.ingest.SubmissionResult;
import org.xinyong.ingest.SubmitCommand;
import org.xinyong.ingest.Submissions;
import org.xinyong.platform.DomainException;

/**
 * Submissions by API (see {@link Submissions}): every record is checked on its own; good records are kept and bad ones reported with the
 * rule they broke; the whole submission commits at once; repeating a submission key returns the first result and
 * stores nothing twice.
 */
@Service
class ApiSubmissions implements Submissions {

	static final int ERRORS_IN_RESPONSE = 1_000;

	private final IngestSupport support;
	private final ApplicationEventPublisher events;
	private final AuditLog audit;

	ApiSubmissions(IngestSupport support, ApplicationEventPublisher events, AuditLog audit) {
		this.support = support;
		this.events = events;
		this.audit = audit;
	}

	@Override
	@Transactional
	public SubmissionResult submit(SubmitCommand cmd) {
		if (cmd.submissionKey() == null || cmd.submissionKey().isBlank() || cmd.submissionKey().length() > 200) {
			throw DomainException.badRequest("SUBMISSION_KEY_REQUIRED");
		}
		if (cmd.records() == null || cmd.records().isEmpty()) {
			throw DomainException.badRequest("SUBMISSION_EMPTY");
		}
		if (cmd.records().size() > MAX_API_RECORDS) {
			throw DomainException.badRequest("SUBMISSION_TOO_LARGE", MAX_API_RECORDS);
		}
		var plan = support.plan(cmd.organisationId(), cmd.organisationCode(), cmd.catalogItem());
		var opened = support.ledger()
			.open(cmd.organisationId(), cmd.organisationCode(), cmd.submissionKey().strip(), plan.item().item().code(), "API", cmd.actor(),
					plan.selfDeclaration(), "DONE");
		if (opened.isEmpty()) {
			var existing = support.ledger().existing(cmd.organisationId(), cmd.submissionKey().strip());
			if (!existing.catalogItem().equals(plan.item().item().code()) || !existing.channel().equals("API")) {
				throw DomainException.conflict("SUBMISSION_KEY_REUSED", cmd.submissionKey().strip());
			}
			return support.ledger().result(existing.id(), true, ERRORS_IN_RESPONSE);
		}
		long submissionId = opened.get();

		Map<Long, Map<String, String>> rows = new LinkedHashMap<>();
		Map<Long, List<RowError>> rejected = new LinkedHashMap<>();
		long rowNo = 0;
		for (Map<String, Object> record : cmd.records()) {
			rowNo++;
			List<RowError> conversion = new ArrayList<>();
			rows.put(rowNo, texts(rowNo, record, conversion));
			if (!conversion.isEmpty()) {
				rejected.put(rowNo, conversion);
			}
		}
		var batch = support.writeBatch(plan, submissionId, cmd.actor(), rows, rejected);
		support.ledger().addCounts(submissionId, rows.size(), 0, batch.created(), batch.changed(), batch.unchanged(),
				batch.rejectedRows());
		support.ledger().reject(submissionId, batch.errorsByRow(), cellsOf(cmd.records(), batch.errorsByRow().keySet()));
		if (!batch.written().isEmpty()) {
			events.publishEvent(new CreditRecordsChanged(submissionId, batch.written()));
		}
		audit.record(AuditEntry.of("SUBMISSION", AuditEntry.Outcome.SUCCESS,
				Map.of("submissionId", submissionId, "catalogItem", plan.item().item().code(), "channel", "API",
						"created", batch.created(), "changed", batch.changed(), "rejected", batch.rejectedRows())));
		return support.ledger().result(submissionId, false, ERRORS_IN_RESPONSE);
	}

	/** JSON values to text: numbers in plain notation, booleans as true/false; objects and arrays are refused. */
	private static Map<String, String> texts(long rowNo, Map<String, Object> record, List<RowError> errors) {
		Map<String, String> out = new LinkedHashMap<>();
		if (record == null) {
			errors.add(new RowError(rowNo, null, "RECORD_NOT_AN_OBJECT", List.of()));
			return out;
		}
		for (var e : record.entrySet()) {
			Object v = e.getValue();
			if (v == null) {
				continue;
			}
			if (v instanceof String s) {
				out.put(e.getKey(), s);
			}
			else if (v instanceof BigDecimal d) {
				out.put(e.getKey(), d.toPlainString());
			}
			else if (v instanceof Double || v instanceof Float) {
				out.put(e.getKey(), new BigDecimal(v.toString()).toPlainString());
			}
			else if (v instanceof Number || v instanceof Boolean) {
				out.put(e.getKey(), v.toString());
			}
			else {
				errors.add(new RowError(rowNo, e.getKey(), "VALUE_TYPE_INVALID", List.of(e.getKey())));
			}
		}
		return out;
	}

	private static Map<Long, Object> cellsOf(List<Map<String, Object>> records, Set<Long> rows) {
		Map<Long, Object> cells = new LinkedHashMap<>();
		for (Long row : new HashSet<>(rows)) {
			Map<String, Object> record = records.get((int) (row - 1));
			cells.put(row, record == null ? Map.of() : record);
		}
		return cells;
	}
}
