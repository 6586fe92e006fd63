package org.xinyong.lists;

import java.util.List;

/** A subject's current list entries on one day: what the joint check (art. 34, 47) starts from. */
public record Standing(List<ListEntry> seriousDishonesty, List<RewardEntry> rewards) {

	/** No entry at all. */
	public static final Standing NONE = new Standing(List.of(), List.of());

	public boolean seriouslyDishonest() {
		return !seriousDishonesty.isEmpty();
	}

	public boolean rewarded() {
		return !rewards.isEmpty();
	}
}
