package org.xinyong.report;

import java.time.Instant;

/** What the verification page confirms about a genuine report. */
public record Verification(String number, String subjectCode, String subjectName, CreditReport.Audience audience,
		Instant generatedAt, Long checkpointSize, String checkpointRoot, String contentHash, int recordCount) {
}
