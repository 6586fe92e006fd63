package org.xinyong.lists;

import java.time.LocalDate;
import java.util.List;

/**
 * Whether a subject may be entered on the reward list on a day, with the reasons when it may not.
 *
 * @param obstacles empty when eligible; otherwise each reason (a dishonesty record, a serious-list entry, a
 *                  missing ground)
 */
public record RewardEligibility(String subjectCode, String subjectName, LocalDate day, boolean eligible,
		List<Obstacle> obstacles) {

	public RewardEligibility {
		obstacles = List.copyOf(obstacles);
	}

	/** What keeps the subject off the reward list. */
	public enum ObstacleKind {
		/** A current entry of the serious-dishonesty list. */
		SERIOUS_LIST_ENTRY,
		/** A currently disclosed record of a dishonesty catalog item. */
		DISHONESTY_RECORD,
		/** No ground, or a ground without its detail and evidence. */
		NO_GROUND
	}

	/**
	 * @param reference the list entry's decision document, or the record's id
	 * @param what      the catalog item's name, or the deciding organisation
	 * @param date      the decision date or effective date, if known
	 * @param reason    the reason in the request's language
	 */
	public record Obstacle(ObstacleKind kind, String reference, String what, LocalDate date, String reason) {
	}
}
