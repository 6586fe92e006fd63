package org.xinyong.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.xinyong.platform.DomainException;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.IdentifierKind;
import org.xinyong.subject.Identifiers;
import org.xinyong.subject.SubjectType;

/**
 * Finds subjects on the credit website by full or partial name, or by code. Names are searched through a bigram
 * index whose postings are stored in ranking order (shorter names first, so an exact name comes first, then by
 * name): a query of two characters reads the first page straight from its bigram's postings, a longer query scans
 * the postings of its rarest bigram and keeps the names that contain the whole query. Natural persons are not
 * searchable on the public website.
 */
@Service
public class SubjectSearch {

	/** Counting stops here; beyond it the total is reported as "more than". */
	public static final int COUNT_LIMIT = 10_000;
	/** The deepest page served (a longer list means the query should be refined). */
	public static final int MAX_PAGE = 50;
	public static final int PAGE_SIZE = 20;

	private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Z]{6,18}");
	private static final Pattern DIGITS = Pattern.compile(".*[0-9].*[0-9].*[0-9].*[0-9].*");

	private final JdbcClient jdbc;

	SubjectSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param page 1-based
	 * @throws DomainException {@code SEARCH_EMPTY}, {@code SEARCH_TOO_SHORT}, {@code SEARCH_PAGE_TOO_DEEP}, or the
	 *                         identifier rule a code-shaped query broke (e.g. a wrong check character)
	 */
	public SearchPage search(String raw, int page) {
		String q = SearchText.normalise(raw);
		if (q.isEmpty()) {
			throw DomainException.badRequest("SEARCH_EMPTY");
		}
		if (page < 1 || page > MAX_PAGE) {
			throw DomainException.badRequest("SEARCH_PAGE_TOO_DEEP", MAX_PAGE);
		}
		if (q.length() > 100) {
			throw DomainException.badRequest("SEARCH_TOO_LONG", 100);
		}
		if (CODE_LIKE.matcher(q).matches() && DIGITS.matcher(q).matches()) {
			return byCode(q, page);
		}
		if (SearchText.length(q) < 2) {
			throw DomainException.badRequest("SEARCH_TOO_SHORT", 2);
		}
		return byName(q, page);
	}

	private SearchPage byCode(String q, int page) {
		if (q.length() == 18) {
			IdentifierCheck check = Identifiers.parse(q);
			if (!check.valid()) {
				IdentifierIssue issue = check.errors().get(0);
				throw DomainException.unprocessable(issue.code(), issue.args().toArray());
			}
			if (check.kind() == IdentifierKind.RESIDENT_ID) {
				throw DomainException.unprocessable("SEARCH_PERSON_NOT_PUBLIC");
			}
			List<SubjectSummary> found = jdbc.sql("select code, name, subject_type from public_subject where code = ?")
				.param(q)
				.query((rs, n) -> summary(rs))
				.list();
			return new SearchPage(q, page == 1 ? found : List.of(), found.size(), true, page, PAGE_SIZE);
		}
		String prefix = escape(q) + "%";
		List<SubjectSummary> items = jdbc.sql("""
				select code, name, subject_type from public_subject where code like ? order by code limit ? offset ?""")
			.params(prefix, PAGE_SIZE, (page - 1) * PAGE_SIZE)
			.query((rs, n) -> summary(rs))
			.list();
		long total = jdbc.sql("select count(*) from (select 1 from public_subject where code like ? limit ?) t")
			.params(prefix, COUNT_LIMIT + 1)
			.query(Long.class)
			.single();
		return page(q, items, total, page);
	}

	private SearchPage byName(String q, int page) {
		List<String> grams = new ArrayList<>(SearchText.grams(q));
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("select gram, names from subject_gram_count where gram = any(cast(? as text[]))")
			.param(grams.toArray(String[]::new))
			.query(rs -> {
				counts.put(rs.getString("gram"), rs.getLong("names"));
			});
		String rarest = null;
		for (String gram : grams) {
			long n = counts.getOrDefault(gram, 0L);
			if (n == 0) {
				return new SearchPage(q, List.of(), 0, true, page, PAGE_SIZE);
			}
			if (rarest == null || n < counts.get(rarest)) {
				rarest = gram;
			}
		}
		boolean whole = rarest.equals(q);
		String like = "%" + escape(q) + "%";
		List<Long> ids = jdbc.sql("select subject_id from subject_gram where gram = ?"
				+ (whole ? "" : " and search_name like ?") + " order by name_length, search_name, subject_id limit ? offset ?")
			.params(whole ? List.of(rarest, PAGE_SIZE, (page - 1) * PAGE_SIZE)
					: List.of(rarest, like, PAGE_SIZE, (page - 1) * PAGE_SIZE))
			.query(Long.class)
			.list();
		long total = whole ? counts.get(rarest)
				: jdbc.sql("select count(*) from (select 1 from subject_gram where gram = ? and search_name like ? limit ?) t")
					.params(rarest, like, COUNT_LIMIT + 1)
					.query(Long.class)
					.single();
		return page(q, summaries(ids), total, page);
	}

	private List<SubjectSummary> summaries(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, SubjectSummary> byId = new HashMap<>();
		jdbc.sql("select subject_id, code, name, subject_type from public_subject where subject_id = any(cast(? as bigint[]))")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				byId.put(rs.getLong("subject_id"), summary(rs));
			});
		return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
	}

	private static SearchPage page(String q, List<SubjectSummary> items, long total, int page) {
		boolean exact = total <= COUNT_LIMIT;
		return new SearchPage(q, items, Math.min(total, COUNT_LIMIT), exact, page, PAGE_SIZE);
	}

	private static SubjectSummary summary(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new SubjectSummary(rs.getString("code"), rs.getString("name"),
				SubjectType.valueOf(rs.getString("subject_type")));
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}
}
