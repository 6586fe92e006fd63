package org.xinyong.subject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit subjects known to the platform. Subjects are created or matched by identifier when their first
 * record arrives; every name they were known by is kept.
 */
@Repository
public class CreditSubjects {

	/** Subjects are never deleted and their ids never change, so known ids and names can be remembered. */
	static final int CACHE_LIMIT = 500_000;

	private final JdbcClient jdbc;
	private final Map<String, Long> knownIds = new java.util.concurrent.ConcurrentHashMap<>();
	private final Map<Long, String> knownNames = new java.util.concurrent.ConcurrentHashMap<>();

	CreditSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A subject as named in an incoming record. */
	public record Mention(Identifier identifier, String name) {
	}

	/**
	 * Returns the subject id for every mentioned identifier, creating missing subjects and recording names not
	 * seen before. Works in bulk: a few statements per call, whatever the number of mentions.
	 *
	 * @param source where the names were seen (e.g. {@code submission:42})
	 */
	@Transactional
	public Map<String, Long> resolve(Collection<Mention> mentions, String source) {
		Map<String, Mention> byCode = new LinkedHashMap<>();
		Map<String, Long> ids = new HashMap<>(mentions.size() * 2);
		List<Mention> named = new ArrayList<>(mentions.size());
		for (Mention m : mentions) {
			String code = m.identifier().value();
			Long known = knownIds.get(code);
			if (known != null) {
				ids.put(code, known);
			}
			else {
				byCode.putIfAbsent(code, m);
			}
			named.add(m);
		}
		if (!byCode.isEmpty()) {
			ids.putAll(create(byCode));
		}
		recordNames(named, ids, source);
		return ids;
	}

	private Map<String, Long> create(Map<String, Mention> byCode) {
		List<String> codes = new ArrayList<>(byCode.keySet());
		List<String> kinds = new ArrayList<>(codes.size());
		List<String> types = new ArrayList<>(codes.size());
		List<Boolean> legacy = new ArrayList<>(codes.size());
		for (String code : codes) {
			Identifier id = byCode.get(code).identifier();
			kinds.add(id.kind().name());
			types.add(SubjectType.of(id.kind()).name());
			legacy.add(id instanceof UnifiedCode u && u.legacy());
		}
		// One statement: insert the new ones, and read the ids of both new and existing subjects.
		Map<String, Long> ids = new HashMap<>(codes.size() * 2);
		jdbc.sql("""
				with input (code, kind, subject_type, legacy) as (
				    select * from unnest(cast(:codes as text[]), cast(:kinds as text[]), cast(:types as text[]),
				                         cast(:legacy as boolean[]))),
				inserted as (
				    insert into credit_subject (code, kind, subject_type, legacy)
				    select * from input on conflict (code) do nothing returning id, code)
				select id, code from inserted
				union all
				select s.id, s.code from credit_subject s join input i on s.code = i.code
				where not exists (select 1 from inserted n where n.code = i.code)""")
			.param("codes", codes.toArray(String[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("legacy", legacy.toArray(Boolean[]::new))
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
			.list();
		if (ids.size() < codes.size()) {
			// a concurrent transaction inserted some of them after this statement's snapshot: read them now
			jdbc.sql("select id, code from credit_subject where code = any(cast(:codes as text[]))")
				.param("codes", codes.toArray(String[]::new))
				.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
				.list();
		}
		Map<String, Long> created = Map.copyOf(ids);
		afterCommit(() -> {
			if (knownIds.size() > CACHE_LIMIT) {
				knownIds.clear();
			}
			knownIds.putAll(created);
		});
		return ids;
	}

	/**
	 * Records names not seen before for their subjects (first sighting wins the timestamp). The cache holds, per
	 * subject, one name known to be recorded — almost every subject has only one — so that the names of a large file
	 * are checked without building a key string per row; anything it misses, the insert's conflict clause skips.
	 */
	private void recordNames(List<Mention> mentions, Map<String, Long> ids, String source) {
		List<Long> nameIds = new ArrayList<>();
		List<String> names = new ArrayList<>();
		Map<Long, String> batch = new HashMap<>();
		for (Mention m : mentions) {
			if (m.name() != null && !m.name().isBlank()) {
				Long id = ids.get(m.identifier().value());
				String name = m.name().strip();
				if (!name.equals(knownNames.get(id)) && !name.equals(batch.put(id, name))) {
					nameIds.add(id);
					names.add(name);
				}
			}
		}
		if (!names.isEmpty()) {
			jdbc.sql("""
					insert into credit_subject_name (subject_id, name, first_seen_in)
					select s, n, :source from unnest(cast(:ids as bigint[]), cast(:names as text[])) as t(s, n)
					on conflict (subject_id, name) do nothing""")
				.param("ids", nameIds.toArray(Long[]::new))
				.param("names", names.toArray(String[]::new))
				.param("source", source)
				.update();
			afterCommit(() -> {
				if (knownNames.size() > CACHE_LIMIT) {
					knownNames.clear();
				}
				knownNames.putAll(batch);
			});
		}
	}

	/** Remembers only what was committed: a rolled-back insert must not be taken for an existing subject. */
	private static void afterCommit(Runnable action) {
		if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
			org.springframework.transaction.support.TransactionSynchronizationManager
				.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
					@Override
					public void afterCommit() {
						action.run();
					}
				});
		}
		else {
			action.run();
		}
	}

	public Optional<CreditSubject> byCode(String code) {
		return jdbc.sql(SELECT + " where s.code = ?").param(code).query(CreditSubjects::map).optional();
	}

	public Optional<CreditSubject> byId(long id) {
		return jdbc.sql(SELECT + " where s.id = ?").param(id).query(CreditSubjects::map).optional();
	}

	/** Every name the subject was known by, oldest first. */
	public List<String> names(long subjectId) {
		return jdbc.sql("select name from credit_subject_name where subject_id = ? order by first_seen_at, name")
			.param(subjectId)
			.query(String.class)
			.list();
	}

	private static final String SELECT = """
			select s.id, s.code, s.kind, s.subject_type, s.legacy, s.created_at,
			       (select n.name from credit_subject_name n where n.subject_id = s.id
			        order by n.first_seen_at desc, n.name limit 1) as name
			from credit_subject s""";

	private static CreditSubject map(ResultSet rs, int row) throws SQLException {
		return new CreditSubject(rs.getLong("id"), rs.getString("code"), IdentifierKind.valueOf(rs.getString("kind")),
				SubjectType.valueOf(rs.getString("subject_type")), rs.getBoolean("legacy"), rs.getString("name"),
				rs.getTimestamp("created_at").toInstant());
	}
}
