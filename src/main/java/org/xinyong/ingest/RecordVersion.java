package org.xinyong.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One version of a credit record: its values and who wrote it, when, through which submission, under which
 * catalog version, and why.
 */
public record RecordVersion(int versionNo, VersionKind kind, Map<String, Object> payload, LocalDate decisionDate,
		String severity, String reason, long catalogVersionId, Long submissionId, Long agreementId,
		boolean selfDeclared, String recordedBy, Instant recordedAt) {
}
