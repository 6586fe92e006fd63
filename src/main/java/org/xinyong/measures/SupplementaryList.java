package org.xinyong.measures;

import java.time.Instant;
import java.util.List;

/**
 * A supplementary list (补充清单) of the region or of a city, with its measures, its lifecycle and the comments of
 * its public consultation. A later version {@code supersedes} an earlier one; both are kept.
 *
 * @param status the latest lifecycle step (FILED for a filed city list, which stays published)
 */
public record SupplementaryList(long id, String level, String regionCode, String regionName, String title,
		Long supersedes, SupplementaryStatus status, String createdBy, Instant createdAt, List<Step> history,
		List<Comment> comments, List<Measure> measures) {

	public record Step(SupplementaryStatus status, String note, String actor, Instant at) {
	}

	public record Comment(String commenter, String text, String recordedBy, Instant at) {
	}

	public boolean published() {
		return history.stream().anyMatch(s -> s.status() == SupplementaryStatus.PUBLISHED);
	}

	public boolean filingPending() {
		return "CITY".equals(level) && published() && status != SupplementaryStatus.FILED;
	}
}
