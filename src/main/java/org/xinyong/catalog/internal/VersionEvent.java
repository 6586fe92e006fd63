package org.xinyong.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.xinyong.catalog.VersionStatus;

/**
 * A step in a catalog version's life.
 *
 * @param event        CREATED, CONSULTATION_OPENED, DRAFT_REOPENED, APPROVED, PUBLISHED, FILED or ABANDONED
 * @param document     approving document (APPROVED), filing number (FILED), publication notice (PUBLISHED)
 * @param documentDate date of the approving document, filing date, or the end of the consultation period
 */
public record VersionEvent(long id, long versionId, String event, VersionStatus statusAfter, String document,
		LocalDate documentDate, String note, Long organisationId, Instant occurredAt, String actor) {

	public static final String CREATED = "CREATED";
	public static final String CONSULTATION_OPENED = "CONSULTATION_OPENED";
	public static final String DRAFT_REOPENED = "DRAFT_REOPENED";
	public static final String APPROVED = "APPROVED";
	public static final String PUBLISHED = "PUBLISHED";
	public static final String FILED = "FILED";
	public static final String ABANDONED = "ABANDONED";
}
