package org.xinyong.lists;

/** The grounds on which a subject may be entered on the reward list (守信激励对象, art. 39). */
public enum RewardGround {
	/** A good credit evaluation or graded-supervision result (e.g. grade A). */
	GOOD_GRADE,
	/** A commendation or honour from a state body. */
	COMMENDATION,
	/** Disaster relief, volunteer service or charity. */
	RELIEF_VOLUNTEER_CHARITY,
	/** Another ground set by the region. */
	OTHER_REGIONAL
}
