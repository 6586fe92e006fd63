package org.xinyong.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * A record as the credit website and the public API show it: its current version, masked, while it is inside its
 * disclosure window.
 *
 * @param sourceUnit the unit that provided it (信息提供单位)
 * @param updatedAt  when its current version was recorded (更新日期)
 * @param shownUntil the first day it will no longer be shown, or null without a maximum period
 * @param values     field values by key, in the item's field order, masked
 */
public record PublicRecord(UUID recordId, int versionNo, String catalogItem, ReportGroup group, SubjectSummary subject,
		LocalDate decisionDate, String authority, String typeLabel, String sourceUnit, Instant updatedAt,
		LocalDate shownUntil, Map<String, Object> values) {
}
