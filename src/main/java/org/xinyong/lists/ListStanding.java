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

	/**
	 * The entries active on {@code day} of several subjects at once (two queries whatever their number), each
	 * subject's as {@link #of(long, LocalDate)} gives them; subjects without one map to {@link Standing#NONE}.
	 */
	public java.util.Map<Long, Standing> of(java.util.Collection<Long> subjectIds, LocalDate day) {
		java.util.Map<Long, List<ListEntry>> current = new java.util.HashMap<>();
		for (ListEntry e : serious.ofSubjects(subjectIds)) {
			if (e.activeOn(day)) {
				current.computeIfAbsent(e.subjectId(), k -> new java.util.ArrayList<>()).add(e);
			}
		}
		java.util.Map<Long, List<RewardEntry>> rewarded = new java.util.HashMap<>();
		List<Long> notSerious = subjectIds.stream().filter(id -> !current.containsKey(id)).toList();
		for (RewardEntry e : rewards.ofSubjects(notSerious)) {
			if (e.activeOn(day)) {
				rewarded.computeIfAbsent(e.subjectId(), k -> new java.util.ArrayList<>()).add(e);
			}
		}
		java.util.Map<Long, Standing> out = new java.util.HashMap<>();
		for (Long id : subjectIds) {
			List<ListEntry> s = current.get(id);
			List<RewardEntry> r = rewarded.get(id);
			out.put(id, s == null && r == null ? Standing.NONE
					: new Standing(s == null ? List.of() : List.copyOf(s), r == null ? List.of() : List.copyOf(r)));
		}
		return out;
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
