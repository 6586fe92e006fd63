package org.xinyong.disclosure.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.disclosure.SearchText;

/**
 * Maintains the name search index: each organisation's current name, normalised, and its distinct character
 * bigrams as postings ordered for ranking, with a count per bigram. Runs inside the projector's transaction and
 * lock, so counts stay exact.
 */
@Component
class SearchIndex {

	private final JdbcClient jdbc;

	SearchIndex(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Brings the entries of the given subjects up to date with their current names. */
	void refresh(Collection<Long> subjectIds) {
		if (subjectIds.isEmpty()) {
			return;
		}
		record Entry(long id, String code, String type, String name, String oldName, String oldSearch) {
		}
		List<Entry> entries = jdbc.sql("""
				select s.id, s.code, s.subject_type, n.name, p.name as old_name, p.search_name as old_search
				from credit_subject s
				left join lateral (select c.name from credit_subject_name c where c.subject_id = s.id
				                   order by c.first_seen_at desc, c.name limit 1) n on true
				left join public_subject p on p.subject_id = s.id
				where s.id = any(cast(? as bigint[])) and s.subject_type = 'ORGANISATION' and n.name is not null""")
			.param(subjectIds.toArray(Long[]::new))
			.query((rs, i) -> new Entry(rs.getLong("id"), rs.getString("code"), rs.getString("subject_type"),
					rs.getString("name"), rs.getString("old_name"), rs.getString("old_search")))
			.list();
		Postings added = new Postings();
		Postings removed = new Postings();
		Map<String, Long> delta = new TreeMap<>();
		List<Object[]> upserts = new ArrayList<>();
		for (Entry e : entries) {
			String search = SearchText.normalise(e.name());
			if (search.equals(e.oldSearch())) {
				if (!e.name().equals(e.oldName())) {
					upserts.add(new Object[] { e.id(), e.code(), e.name(), search, e.type() });
				}
				continue;
			}
			if (e.oldSearch() != null) {
				for (String gram : SearchText.grams(e.oldSearch())) {
					removed.add(gram, e.oldSearch(), e.id());
					delta.merge(gram, -1L, Long::sum);
				}
			}
			for (String gram : SearchText.grams(search)) {
				added.add(gram, search, e.id());
				delta.merge(gram, 1L, Long::sum);
			}
			upserts.add(new Object[] { e.id(), e.code(), e.name(), search, e.type() });
		}
		if (!removed.grams.isEmpty()) {
			jdbc.sql("""
					delete from subject_gram g using unnest(cast(? as text[]), cast(? as int[]), cast(? as text[]),
					                                        cast(? as bigint[])) as d(gram, len, name, id)
					where g.gram = d.gram and g.name_length = d.len and g.search_name = d.name and g.subject_id = d.id""")
				.params(removed.arrays())
				.update();
		}
		if (!added.grams.isEmpty()) {
			jdbc.sql("""
					insert into subject_gram (gram, name_length, search_name, subject_id)
					select * from unnest(cast(? as text[]), cast(? as int[]), cast(? as text[]), cast(? as bigint[]))""")
				.params(added.arrays())
				.update();
		}
		if (!delta.isEmpty()) {
			jdbc.sql("""
					insert into subject_gram_count (gram, names)
					select * from unnest(cast(? as text[]), cast(? as bigint[]))
					on conflict (gram) do update set names = subject_gram_count.names + excluded.names""")
				.params(delta.keySet().toArray(String[]::new), delta.values().toArray(Long[]::new))
				.update();
		}
		if (!upserts.isEmpty()) {
			jdbc.sql("""
					insert into public_subject (subject_id, code, name, search_name, subject_type)
					select * from unnest(cast(? as bigint[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),
					                     cast(? as text[]))
					on conflict (subject_id) do update set code = excluded.code, name = excluded.name,
					    search_name = excluded.search_name, subject_type = excluded.subject_type""")
				.params(column(upserts, 0, Long[]::new), column(upserts, 1, String[]::new),
						column(upserts, 2, String[]::new), column(upserts, 3, String[]::new),
						column(upserts, 4, String[]::new))
				.update();
		}
	}

	@SuppressWarnings("unchecked")
	private static <T> T[] column(List<Object[]> rows, int i, java.util.function.IntFunction<T[]> array) {
		T[] out = array.apply(rows.size());
		for (int r = 0; r < rows.size(); r++) {
			out[r] = (T) rows.get(r)[i];
		}
		return out;
	}

	private static final class Postings {

		final List<String> grams = new ArrayList<>();
		final List<Integer> lengths = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		final List<Long> ids = new ArrayList<>();

		void add(String gram, String name, long id) {
			grams.add(gram);
			lengths.add(name.codePointCount(0, name.length()));
			names.add(name);
			ids.add(id);
		}

		Object[] arrays() {
			return new Object[] { grams.toArray(String[]::new), lengths.toArray(Integer[]::new),
					names.toArray(String[]::new), ids.toArray(Long[]::new) };
		}
	}
}
