package org.xinyong.ingest;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A record version as other modules need to know it when it is written.
 *
 * @param decisionDate the record's decision/document date, if its item has one (disclosure periods count from it)
 * @param severity     the record's severity value, if its item has one
 */
public record RecordVersionRef(UUID recordId, int versionNo, VersionKind kind, String catalogItem, long subjectId,
		long providerId, LocalDate decisionDate, String severity) {
}
