package org.xinyong.report;

import java.time.Instant;
import java.util.List;

import org.xinyong.disclosure.ReportGroup;

/**
 * An issued credit report's content.
 *
 * @param checkpointSize tree size of the ledger checkpoint it was issued under, null before the first checkpoint
 * @param checkpointRoot that checkpoint's root hash (hex)
 * @param contentHash    SHA-256 (hex) of the report's canonical content, printed on it and checked on verification
 */
public record CreditReport(String number, String subjectCode, String subjectName, String type, Audience audience,
		Instant generatedAt, Long checkpointSize, String checkpointRoot, List<Section> sections, String contentHash) {

	public enum Audience {
		PUBLIC, SELF, STATE_BODY
	}

	/** One section of the report standard with its items. */
	public record Section(ReportGroup group, List<Item> items) {
	}

	/**
	 * One item: what it is, who provided it, its fields, and every change (art. 50).
	 */
	public record Item(String catalogItem, String title, String sourceUnit, java.time.LocalDate decisionDate,
			List<Field> fields, List<Change> changes) {
	}

	public record Field(String key, String value) {
	}

	/** A change of an item: its kind, reason and date. */
	public record Change(int versionNo, String kind, String reason, Instant recordedAt) {
	}

	public int recordCount() {
		return sections.stream().mapToInt(s -> s.items().size()).sum();
	}
}
