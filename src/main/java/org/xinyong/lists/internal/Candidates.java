package org.xinyong.lists.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;

/**
 * Suggests candidates for the serious-dishonesty list: subjects whose current records are serious dishonesty
 * (a penalty of severity SERIOUS, or a serious-dishonesty list record from a provider) and who have no open entry.
 * It only suggests: inclusion is always a decision document entered by a person (art. 44).
 */
@Component
public class Candidates {

	/** A suggested subject, with the serious records behind the suggestion. */
	public record Candidate(long subjectId, String subjectCode, String subjectType, String subjectName, long records,
			String items, LocalDate latestDecision) {
	}

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	Candidates(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Up to {@code limit} candidates, latest decision first. The (non-public) read is audited. */
	@Transactional
	public List<Candidate> suggest(int limit) {
		List<Candidate> found = jdbc.sql("""
				select v.subject_id, s.code, s.subject_type,
				       (select n.name from credit_subject_name n where n.subject_id = v.subject_id
				        order by n.first_seen_at desc, n.name limit 1) as name,
				       count(*) as records, string_agg(distinct v.catalog_item, ', ') as items,
				       max(v.decision_date) as latest
				from record_version v join credit_subject s on s.id = v.subject_id
				where (v.severity = 'SERIOUS' or v.catalog_item = 'SERIOUS_DISHONESTY_LIST')
				  and v.kind <> 'REVOKED'
				  and v.version_no = (select max(w.version_no) from record_version w where w.record_id = v.record_id)
				  and not exists (select 1 from list_entry e where e.subject_id = v.subject_id and e.planned_end >= ?
				                  and not exists (select 1 from list_removal r where r.entry_id = e.id))
				group by v.subject_id, s.code, s.subject_type
				order by max(v.decision_date) desc nulls last, v.subject_id
				limit ?""")
			.params(LocalDate.now(clock), limit)
			.query((rs, n) -> new Candidate(rs.getLong("subject_id"), rs.getString("code"),
					rs.getString("subject_type"), rs.getString("name"), rs.getLong("records"), rs.getString("items"),
					rs.getObject("latest", LocalDate.class)))
			.list();
		audit.record(AuditEntry.of("LIST_CANDIDATES_VIEWED", AuditEntry.Outcome.SUCCESS, Map.of("count", found.size())));
		return found;
	}
}
