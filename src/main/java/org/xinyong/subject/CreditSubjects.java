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

	private final JdbcClient jdbc;

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
		for (Mention m : mentions) {
			byCode.putIfAbsent(m.identifier().value(), m);
		}
		if (byCode.isEmpty()) {
			return Map.of();
		}
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
		jdbc.sql("""
				insert into credit_subject (code, kind, subject_type, legacy)
				select * from unnest(cast(:codes as text[]), cast(:kinds as text[]), cast(:types as text[]),
				                     cast(:legacy as boolean[]))
				on conflict (code) do nothing""")
			.param("codes", codes.toArray(String[]::new))
			.param("kinds", kinds.toArray(String[]::new))
			.param("types", types.toArray(String[]::new))
			.param("legacy", legacy.toArray(Boolean[]::new))
			.update();
		Map<String, Long> ids = new HashMap<>(codes.size() * 2);
		jdbc.sql("select id, code from credit_subject where code = any(cast(:codes as text[]))")
			.param("codes", codes.toArray(String[]::new))
			.query((rs, n) -> ids.put(rs.getString("code"), rs.getLong("id")))
			.list();
		List<Long> nameIds = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (Mention m : byCode.values()) {
			if (m.name() != null && !m.name().isBlank()) {
				nameIds.add(ids.get(m.identifier().value()));
				names.add(m.name().strip());
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
		}
		return ids;
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
