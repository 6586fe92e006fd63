package org.xinyong.measures;

import org.xinyong.lists.DishonestyCategory;

/**
 * The list entries a measure applies to: an entry of the serious-dishonesty list of one art. 43 category, a
 * currently disclosed dishonesty record (失信信息) without a serious entry, or an entry of the reward list.
 */
public enum ListTarget {
	SERIOUS_HEALTH_AND_SAFETY, SERIOUS_MARKET_AND_SOCIAL_ORDER, SERIOUS_REFUSING_OBLIGATIONS, SERIOUS_NATIONAL_DEFENCE,
	SERIOUS_OTHER_STATUTORY, DISHONESTY_RECORD, REWARD;

	public static ListTarget serious(DishonestyCategory category) {
		return valueOf("SERIOUS_" + category.name());
	}
}
