package org.xinyong.disclosure;

import java.util.List;

/** One page of disclosed records (1-based page). */
public record RecordPage(List<PublicRecord> items, long total, int page, int size) {

	public long pages() {
		return (total + size - 1) / size;
	}
}
