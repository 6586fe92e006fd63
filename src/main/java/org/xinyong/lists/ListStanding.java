package org.xinyong.lists;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The lists' answer to "is this subject on a list today?", for the joint check and the report. Entries of the
 * serious-dishonesty list win over rewards: a subject with a current serious entry has no current reward.
 */
@Service
public class ListStanding {

	private final SeriousDishonestyList serious;
	private final RewardList rewards;

	ListStanding(SeriousDishonestyList serious, RewardList rewards) {
		this.serious = serious;
		this.rewards = rewards;
	}

	/** The subject's entries active on {@code day}. */
	public Standing of(long subjectId, LocalDate day) {
		List<ListEntry> current = serious.ofSubject(subjectId).stream().filter(e -> e.activeOn(day)).toList();
		if (!current.isEmpty()) {
			return new Standing(current, List.of());
		}
		return new Standing(current, rewards.ofSubject(subjectId).stream().filter(e -> e.activeOn(day)).toList());
	}
}
