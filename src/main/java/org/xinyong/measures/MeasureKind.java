package org.xinyong.measures;

/** A punishment measure (失信惩戒措施) or an incentive measure (守信激励措施, art. 40). */
public enum MeasureKind {
	PUNISHMENT, INCENTIVE
}
