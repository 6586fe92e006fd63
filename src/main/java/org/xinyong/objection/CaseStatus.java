package org.xinyong.objection;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. Objections: {@code RECEIVED → [ASSISTANCE_REQUESTED → ASSISTANCE_ANSWERED] → UPHELD |
 * REJECTED}; self-correction tasks: {@code OPEN → CORRECTED | CLOSED}. Every other change is refused.
 */
public enum CaseStatus {
	RECEIVED, ASSISTANCE_REQUESTED, ASSISTANCE_ANSWERED, UPHELD, REJECTED, OPEN, CORRECTED, CLOSED;

	/** The statuses this one may change to. */
	public Set<CaseStatus> next() {
		return switch (this) {
			case RECEIVED -> EnumSet.of(ASSISTANCE_REQUESTED, UPHELD, REJECTED);
			case ASSISTANCE_REQUESTED -> EnumSet.of(ASSISTANCE_ANSWERED, UPHELD, REJECTED);
			case ASSISTANCE_ANSWERED -> EnumSet.of(UPHELD, REJECTED);
			case OPEN -> EnumSet.of(CORRECTED, CLOSED);
			default -> EnumSet.noneOf(CaseStatus.class);
		};
	}

	public boolean mayBecome(CaseStatus target) {
		return next().contains(target);
	}

	/** Still being handled (deadlines run). */
	public boolean open() {
		return !next().isEmpty();
	}
}
