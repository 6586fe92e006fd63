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

	/**
	 * Per identifier: the subject's id and one name known to be recorded for it (almost every subject has only one),
	 * in one entry, so that each row of a large file costs one lookup.
	 */
	private final Map<String, Known> known = new java.util.concurrent.ConcurrentHashMap<>();

	private record Known(long id, String name) {
	}

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
		Map<String, String> names = new HashMap<>();
		List<Pending> toName = new ArrayList<>();
		for (Mention m : mentions) {
			String code = m.identifier().value();
			Known k = known.get(code);
			if (k != null) {
				ids.put(code, k.id());
				if (m.name() != null && !m.name().equals(k.name())) {
					toName.add(new Pending(m, k));
				}
			}
			else {
				// a new subject takes the first name it is mentioned with
				Mention first = byCode.putIfAbsent(code, m);
				if (first != null && nameOf(first) == null && nameOf(m) != null) {
					byCode.put(code, m);
				}
				toName.add(new Pending(m, null));
			}
		}
		if (!byCode.isEmpty()) {
			ids.putAll(create(byCode, source, names));
		}
		recordNames(toName, ids, names, source);
		// remember what this transaction recorded, once it is committed
		Map<String, Known> learnt = new HashMap<>(byCode.size() + names.size() * 2);
		for (String code : byCode.keySet()) {
			learnt.put(code, new Known(ids.get(code), names.get(code)));
		}
		names.forEach((code, name) -> learnt.put(code, new Known(ids.get(code), name)));
		if (!learnt.isEmpty()) {
			afterCommit(() -> {
				if (known.size() > CACHE_LIMIT) {
					known.clear();
				}
				known.putAll(learnt);
			});
		}
		return ids;
	}

	/** A mention whose name may not be recorded yet, with what the cache knew of its subject (or null). */
	private record Pending(Mention mention, Known known) {
	}

	private static String nameOf(Mention m) {
		return m.name() == null || m.name().isBlank() ? null : m.name().strip();
	}

	/**
	 * Inserts the subjects not yet known, each with the first name it was mentioned with, and reads the ids of those
	 * that exist. Puts into {@code names} (identifier to name) the names stored with the subjects this call created.
	 */
	private Map<String, Long> create(Map<String, Mention> byCode, String source, Map<String, String> names) {
		List<String> codes = new ArrayList<>(byCode.keySet());
		List<String> kinds = new ArrayList<>(codes.size());
		List<String> types = new ArrayList<>(codes.size());
		List<Boolean> legacy = new ArrayList<>(codes.size());
		List<String> firstNames = new ArrayList<>(codes.size());
		for (String code : codes) {
			Mention m = byCode.get(code);
			Identifier id = m.identifier();
			kinds.add(id.kind().name());
			types.add(SubjectType.of(id.kind()).name());
			legacy.add(id instanceof UnifiedCode u && u.legacy());
			firstNames.add(nameOf(m));
		}
		// Codes missing from the cache are almost always new: insert first, then read the ids of any that existed.
		Map<String, Long> ids = new HashMap<>(codes.size() * 2);
		jdbc.sql("""
				insert into credit_subject (code, kind, subject_type, legacy, first_name, first_name_seen_in)
				select c, k, t, l, n, case when n is not null then cast(:source as text) end
				from unnest(cast(:codes as text[]), cast(:kinds as text[]), cast(:types as text[]),
				            cast(:legacy as boolean[]), cast(:names as text[])) as i(c, k, t, l, n)
				on conflict (code) do nothing
				returning id, code, first_name""")
			.param("codes", codes.toArray(String[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("legacy", legacy.toArray(Boolean[]::new))
			.param("names", firstNames.toArray(String[]::new))
			.param("source", source)
			.query((rs, n) -> {
				String code = rs.getString("code");
				ids.put(code, rs.getLong("id"));
				String name = rs.getString("first_name");
				if (name != null) {
					names.put(code, name);
				}
				return code;
			})
			.list();
		if (ids.size() < codes.size()) {
			// subjects that existed, or that a concurrent transaction inserted first
			List<String> missing = codes.stream().filter(c -> !ids.containsKey(c)).toList();
			jdbc.sql("select id, code from credit_subject where code = any(cast(:codes as text[]))")
				.param("codes", missing.toArray(String[]::new))
				.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
				.list();
		}
		return ids;
	}

	/**
	 * Records names not seen before for their subjects (first sighting wins the timestamp). A name already kept for
	 * the subject, as its first name or a later one, is not kept twice: the cache and {@code names} skip most
	 * repeats, and the insert skips the rest.
	 *
	 * @param names identifier to a name known to be kept for it: the names just stored with the subjects this
	 *              transaction created; receives the last name recorded or found for each identifier
	 */
	private void recordNames(List<Pending> mentions, Map<String, Long> ids, Map<String, String> names, String source) {
		List<Long> nameIds = new ArrayList<>();
		List<String> newNames = new ArrayList<>();
		for (Pending p : mentions) {
			String name = nameOf(p.mention());
			if (name != null) {
				String code = p.mention().identifier().value();
				if ((p.known() == null || !name.equals(p.known().name())) && !name.equals(names.put(code, name))) {
					nameIds.add(ids.get(code));
					newNames.add(name);
				}
			}
		}
		if (!newNames.isEmpty()) {
			jdbc.sql("""
					insert into credit_subject_later_name (subject_id, name, first_seen_in)
					select t.s, t.n, :source from unnest(cast(:ids as bigint[]), cast(:names as text[])) as t(s, n)
					where not exists (select 1 from credit_subject c where c.id = t.s and c.first_name = t.n)
					on conflict (subject_id, name) do nothing""")
				.param("ids", nameIds.toArray(Long[]::new))
				.param("names", newNames.toArray(String[]::new))
				.param("source", source)
				.update();
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
