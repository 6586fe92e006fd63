package org.xinyong.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
	 * The entries active on {@code day} of several subjects at once (two queries whatever their number): a subject's
	 * current serious-dishonesty entries, or, when it has none, its current rewards; subjects with neither map to
	 * {@link Standing#NONE}.
	 */
	public Map<Long, Standing> of(Collection<Long> subjectIds, LocalDate day) {
		Map<Long, List<ListEntry>> current = new HashMap<>();
		for (ListEntry e : serious.ofSubjects(subjectIds)) {
			if (e.activeOn(day)) {
				current.computeIfAbsent(e.subjectId(), k -> new ArrayList<>()).add(e);
			}
		}
		Map<Long, List<RewardEntry>> rewarded = new HashMap<>();
		List<Long> notSerious = subjectIds.stream().filter(id -> !current.containsKey(id)).toList();
		for (RewardEntry e : rewards.ofSubjects(notSerious)) {
			if (e.activeOn(day)) {
				rewarded.computeIfAbsent(e.subjectId(), k -> new ArrayList<>()).add(e);
			}
		}
		Map<Long, Standing> out = new HashMap<>();
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
		return of(List.of(subjectId), day).get(subjectId);
	}
}
