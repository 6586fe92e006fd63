package org.xinyong.disclosure;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total      how many subjects match; when {@code totalExact} is false, at least this many (the count stops
 *                   at {@link SubjectSearch#COUNT_LIMIT} — refine the query)
 * @param page       1-based
 */
public record SearchPage(String query, List<SubjectSummary> items, long total, boolean totalExact, int page, int size) {

	public long pages() {
		return (total + size - 1) / size;
	}
}
