package org.xinyong.objection;

/** What a case is. */
public enum CaseKind {
	/** A credit subject's objection (异议申请, art. 52, 54). */
	OBJECTION,
	/** A provider's or the platform's own correction of an error it found (自行更正, art. 53). */
	SELF_CORRECTION
}
