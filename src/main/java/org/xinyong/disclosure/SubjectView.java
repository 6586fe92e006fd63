package org.xinyong.disclosure;

import java.util.List;
import java.util.Map;

/**
 * A subject's public page: who it is and its currently disclosed records, grouped as the national report standard
 * groups them (groups in {@link ReportGroup} order, records newest first).
 *
 * @param formerNames names it was known by before its current one
 */
public record SubjectView(SubjectSummary subject, List<String> formerNames, Map<ReportGroup, List<PublicRecord>> groups) {

	public int recordCount() {
		return groups.values().stream().mapToInt(List::size).sum();
	}
}
