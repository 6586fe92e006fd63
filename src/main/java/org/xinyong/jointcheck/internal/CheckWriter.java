package org.xinyong.jointcheck.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.audit.ChainHead;

/**
 * Group commit for joint checks: the checks answered in one round ({@code JointChecks}) are stored and audited with
 * one statement (the checks' insert runs inside the audit append, {@link AuditLog#recordAll(List, ChainHead, String,
 * Map)}), in the transaction that read them and reserved the audit chain's head, so the chain's lock, the round trips
 * and the commit are paid once per round rather than once per check. A check is answered only after
 * that transaction commits. With {@code xinyong.joint-check.durable-commit=false} the round commits without waiting
 * for the WAL flush ({@code synchronous_commit = off}): a database crash may then lose the last fraction of a second
 * of checks, each together with its audit entry, never one without the other.
 */
@Component
public class CheckWriter {

	/** A check as stored in {@code joint_check}. */
	public record Row(UUID id, long organisationId, String organisationCode, String actor, Long subjectId,
			String subjectCode, String matter, String reference, String status, String[] measureIds, String answer,
			LocalDate checkedOn, Timestamp checkedAt) {
	}

	private final TransactionTemplate tx;
	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final boolean durable;
	private final AtomicLong batches = new AtomicLong();
	private final AtomicLong written = new AtomicLong();
	private final AtomicLong commitNanos = new AtomicLong();

	CheckWriter(PlatformTransactionManager transactions, JdbcClient jdbc, AuditLog audit,
			@Value("${xinyong.joint-check.durable-commit:true}") boolean durable) {
		this.durable = durable;
		this.tx = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * Runs {@code work} in one transaction, which {@link #writeAndCommit} ends, and commits it if it is still open;
	 * the time it took counts in {@link #stats()}. Unless commits are durable, the work's first statement must apply
	 * {@link #commitSetting()}.
	 */
	public <T> T inTransaction(java.util.function.Supplier<T> work) {
		long start = System.nanoTime();
		T result = tx.execute(status -> work.get());
		commitNanos.addAndGet(System.nanoTime() - start);
		return result;
	}

	/**
	 * A select-list expression for the round's first statement that makes its commit not wait for the WAL flush
	 * ({@code SET LOCAL synchronous_commit = off} without a round trip of its own) when
	 * {@code xinyong.joint-check.durable-commit=false}; {@code null} otherwise, leaving the server's setting alone.
	 */
	public String commitSetting() {
		return durable ? "null" : "set_config('synchronous_commit', 'off', true)";
	}

	/**
	 * Stores the checks, appends their audit entries under {@code head} (reserved in this transaction, one id per
	 * entry) and commits the transaction, all in one round trip: the statement (the audit append with the checks'
	 * insert as its companion, {@link AuditLog#prepareAll}) is sent together with {@code COMMIT}. This must therefore
	 * be the last statement of the round's transaction ({@link #inTransaction}); the transaction manager's own commit
	 * then has nothing left to do (the driver sends no {@code COMMIT} for a connection outside a transaction). If the
	 * statement fails, the {@code COMMIT} is not executed and the transaction is rolled back as usual.
	 */
	public void writeAndCommit(List<Row> rows, List<AuditEntry> entries, ChainHead head) {
		int n = rows.size();
		if (entries.size() != n) {
			throw new IllegalArgumentException(n + " joint checks with " + entries.size() + " audit entries");
		}
		String[] ids = new String[n];
		Long[] organisationIds = new Long[n];
		String[] organisationCodes = new String[n];
		String[] actors = new String[n];
		Long[] subjectIds = new Long[n];
		String[] subjectCodes = new String[n];
		String[] matters = new String[n];
		String[] references = new String[n];
		String[] statuses = new String[n];
		String[] measureIds = new String[n];
		String[] answers = new String[n];
		String[] checkedOn = new String[n];
		String[] checkedAt = new String[n];
		for (int i = 0; i < n; i++) {
			Row r = rows.get(i);
			ids[i] = r.id().toString();
			organisationIds[i] = r.organisationId();
			organisationCodes[i] = r.organisationCode();
			actors[i] = r.actor();
			subjectIds[i] = r.subjectId();
			subjectCodes[i] = r.subjectCode();
			matters[i] = r.matter();
			references[i] = r.reference();
			statuses[i] = r.status();
			measureIds[i] = arrayLiteral(r.measureIds());
			answers[i] = r.answer();
			checkedOn[i] = r.checkedOn().toString();
			checkedAt[i] = r.checkedAt().toInstant().toString();
		}
		// the checks travel in the statement that appends their audit entries (one array per column)
		Map<String, Object> params = new HashMap<>();
		params.put("checkIds", ids);
		params.put("organisationIds", organisationIds);
		params.put("organisationCodes", organisationCodes);
		params.put("actors", actors);
		params.put("subjectIds", subjectIds);
		params.put("subjectCodes", subjectCodes);
		params.put("matters", matters);
		params.put("references", references);
		params.put("statuses", statuses);
		params.put("measureIds", measureIds);
		params.put("answers", answers);
		params.put("checkedOn", checkedOn);
		params.put("checkedAt", checkedAt);
		AuditLog.Append append = audit.prepareAll(entries, head, """
				insert into joint_check (id, organisation_id, organisation_code, actor, subject_id, subject_code,
				    matter, reference, status, measure_ids, answer, checked_on, checked_at)
				select cast(u.id as uuid), u.organisation_id, u.organisation_code, u.actor, u.subject_id, u.subject_code, u.matter,
				       u.reference, u.status, cast(u.measure_ids as text[]), cast(u.answer as json),
				       cast(u.checked_on as date), cast(u.checked_at as timestamptz)
				from unnest(cast(:checkIds as text[]), cast(:organisationIds as bigint[]), cast(:organisationCodes as text[]),
				            cast(:actors as text[]), cast(:subjectIds as bigint[]), cast(:subjectCodes as text[]),
				            cast(:matters as text[]), cast(:references as text[]), cast(:statuses as text[]),
				            cast(:measureIds as text[]), cast(:answers as text[]), cast(:checkedOn as text[]),
				            cast(:checkedAt as text[]))
				     as u(id, organisation_id, organisation_code, actor, subject_id, subject_code, matter, reference,
				          status, measure_ids, answer, checked_on, checked_at)""", params);
		jdbc.sql(append.sql() + ";\ncommit").params(append.params()).update();
		batches.incrementAndGet();
		written.addAndGet(n);
	}

	/** A PostgreSQL array literal of the values, each quoted. */
	static String arrayLiteral(String[] values) {
		StringBuilder out = new StringBuilder("{");
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append('"');
			String v = values[i];
			for (int k = 0; k < v.length(); k++) {
				char c = v.charAt(k);
				if (c == '"' || c == '\\') {
					out.append('\\');
				}
				out.append(c);
			}
			out.append('"');
		}
		return out.append('}').toString();
	}

	/** Rounds written, checks written and the time spent in their transactions (reads included), since start. */
	public long[] stats() {
		return new long[] { batches.get(), written.get(), commitNanos.get() };
	}
}
