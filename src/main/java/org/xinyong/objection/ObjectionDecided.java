package org.xinyong.objection;

import java.util.UUID;

/**
 * Published when an objection or a self-correction task is closed, so that other modules (sharing, disclosure)
 * can carry out remedies other than correction (art. 54).
 *
 * @param remedy          the remedy applied, or null when rejected / closed without change
 * @param correctedVersion the version written by the correction, or null
 */
public record ObjectionDecided(long caseId, CaseKind kind, UUID recordId, CaseStatus status, Remedy remedy,
		Integer correctedVersion) {
}
