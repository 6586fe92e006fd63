package org.xinyong.ingest.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.ProvisionDecision;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.ingest.RecordVersionRef;
import org.xinyong.ingest.RowError;
import org.xinyong.platform.DomainException;

/**
 * What the API and file paths share: deciding whether a submission may be made, validating rows and writing the
 * valid ones.
 */
@Component
class IngestSupport {

	private final Catalogs catalogs;
	private final RecordStore store;
	private final SubmissionLedger ledger;
	private final Clock clock;
	private final Map<String, RowValidator> validators = new ConcurrentHashMap<>();

	IngestSupport(Catalogs catalogs, RecordStore store, SubmissionLedger ledger, Clock clock) {
		this.catalogs = catalogs;
		this.store = store;
		this.ledger = ledger;
		this.clock = clock;
	}

	public SubmissionLedger ledger() {
		return ledger;
	}

	/**
	 * How a submission of an item by an organisation is handled.
	 *
	 * @param selfDeclaration records are the submitter's statements about itself (art. 30)
	 */
	public record Plan(PublishedItem item, RowValidator validator, Long agreementId, boolean selfDeclaration,
			long organisationId, String organisationCode) {
	}

	/** Refuses an unknown item or a submitter who may not provide it (403 with the rule's code). */
	public Plan plan(long organisationId, String organisationCode, String itemCode) {
		PublishedItem item = catalogs.publishedItem(itemCode == null ? "" : itemCode.strip())
			.orElseThrow(() -> DomainException.unprocessable("CATALOG_ITEM_UNKNOWN", String.valueOf(itemCode)));
		boolean selfDeclaration = item.item().category() == InfoCategory.VOLUNTARY;
		Long agreement = null;
		if (!selfDeclaration) {
			ProvisionDecision decision = catalogs.mayProvide(organisationId, item.item().code(), LocalDate.now(clock));
			if (!decision.allowed()) {
				throw new DomainException(decision.code(), HttpStatus.FORBIDDEN, item.item().name());
			}
			agreement = decision.agreementId();
		}
		RowValidator validator = validators.computeIfAbsent(item.catalogVersionId() + "/" + item.item().code(),
				k -> new RowValidator(item.item(), clock));
		return new Plan(item, validator, agreement, selfDeclaration, organisationId, organisationCode);
	}

	/** What one batch did. */
	public record BatchOutcome(int created, int changed, int unchanged, List<RecordVersionRef> written,
			Map<Long, List<RowError>> errorsByRow, boolean metExisting) {

		public int rejectedRows() {
			return errorsByRow.size();
		}
	}

	/** Rows of one batch after validation: the valid ones to write, and the rules the others broke. */
	record Validated(List<ValidRow> valid, Map<Long, List<RowError>> errorsByRow) {
	}

	/**
	 * Validates rows (field key → text) without touching the database, so that it can run beside the writer.
	 *
	 * @param preRejected rows already refused by the caller (e.g. malformed JSON values), with their errors
	 */
	Validated validate(Plan plan, Map<Long, Map<String, String>> rows, Map<Long, List<RowError>> preRejected) {
		BatchValidation batch = new BatchValidation(plan, preRejected);
		for (var e : rows.entrySet()) {
			batch.add(e.getKey(), e.getValue());
		}
		return batch.finish();
	}

	/**
	 * The validation of one batch, a row at a time as the rows are read, so that only the valid form of a row (or its
	 * errors) is kept while the batch fills.
	 */
	static final class BatchValidation {

		private final Plan plan;
		private final Map<Long, List<RowError>> errors;
		private final List<ValidRow> valid = new ArrayList<>();

		BatchValidation(Plan plan, Map<Long, List<RowError>> preRejected) {
			this.plan = plan;
			this.errors = new TreeMap<>(preRejected);
		}

		/** A row refused before validation (e.g. too many cells); it is still validated, for the other rules. */
		void preReject(long rowNo, RowError error) {
			errors.computeIfAbsent(rowNo, k -> new ArrayList<>()).add(error);
		}

		void add(long rowNo, Map<String, String> values) {
			RowValidator.Outcome outcome = plan.validator().validate(rowNo, values);
			if (!outcome.valid()) {
				errors.computeIfAbsent(rowNo, k -> new ArrayList<>()).addAll(outcome.errors());
				return;
			}
			if (errors.containsKey(rowNo)) {
				return;
			}
			ValidRow row = outcome.row();
			if (plan.selfDeclaration() && !row.subject().value().equals(plan.organisationCode())) {
				errors.computeIfAbsent(rowNo, k -> new ArrayList<>())
					.add(new RowError(rowNo, plan.item().item().subjectCodeField().key(), "SELF_DECLARATION_NOT_OWN",
							List.of()));
				return;
			}
			valid.add(row);
		}

		Validated finish() {
			return new Validated(firstOfEachRecord(valid, errors), errors);
		}
	}

	/** Writes a validated batch in the caller's transaction. */
	BatchOutcome write(Plan plan, Long submissionId, String actor, Validated batch) {
		return write(plan, submissionId, actor, batch, false, false);
	}

	/**
	 * Writes a validated batch in the caller's transaction.
	 *
	 * @param filePart  the batch is one part of a file written by several connections ({@link RecordStore#write})
	 * @param assumeNew first try to write the rows as new records ({@link RecordStore#write})
	 */
	BatchOutcome write(Plan plan, Long submissionId, String actor, Validated batch, boolean filePart,
			boolean assumeNew) {
		Map<Long, List<RowError>> errors = new TreeMap<>(batch.errorsByRow());
		RecordStore.BatchResult result = store.write(new RecordStore.Context(plan.item(), plan.organisationId(),
				submissionId, actor, plan.agreementId(), plan.selfDeclaration()), batch.valid(), filePart, assumeNew);
		for (RowError e : result.errors()) {
			errors.computeIfAbsent(e.row(), k -> new ArrayList<>()).add(e);
		}
		return new BatchOutcome(result.created(), result.changed(), result.unchanged(), result.written(), errors,
				result.metExisting());
	}

	/** Validates and writes, in the caller's transaction. */
	BatchOutcome writeBatch(Plan plan, Long submissionId, String actor, Map<Long, Map<String, String>> rows,
			Map<Long, List<RowError>> preRejected) {
		return write(plan, submissionId, actor, validate(plan, rows, preRejected));
	}

	/** Two rows of one batch naming the same record: the first is kept, the later ones are refused. */
	private static List<ValidRow> firstOfEachRecord(List<ValidRow> rows, Map<Long, List<RowError>> errors) {
		if (rows.size() < 2) {
			return rows;
		}
		Map<String, ValidRow> seen = new LinkedHashMap<>(rows.size() * 2);
		for (ValidRow row : rows) {
			if (seen.putIfAbsent(row.naturalKey(), row) != null) {
				errors.computeIfAbsent(row.rowNo(), k -> new ArrayList<>())
					.add(new RowError(row.rowNo(), null, "DUPLICATE_IN_SUBMISSION", List.of()));
			}
		}
		return new ArrayList<>(seen.values());
	}
}
