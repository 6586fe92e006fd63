package org.xinyong.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For tests of the joint check while the reward list is built elsewhere: the real standing, plus a reward entry for
 * the subjects put in {@link #REWARDED}.
 */
public class RewardingListStanding extends ListStanding {

	public static final Set<Long> REWARDED = ConcurrentHashMap.newKeySet();

	public RewardingListStanding(SeriousDishonestyList serious) {
		super(serious);
	}

	@Override
	public Standing of(long subjectId, LocalDate day) {
		Standing real = super.of(subjectId, day);
		if (!REWARDED.contains(subjectId)) {
			return real;
		}
		List<RewardEntry> rewards = new ArrayList<>(real.rewards());
		rewards.add(new RewardEntry(900_000 + subjectId, subjectId, "test", "test", RewardGround.GOOD_GRADE,
				"A级纳税人", "测试激励〔2026〕1号", "自治区发展和改革委员会", LocalDate.of(2026, 1, 1), null, null, null));
		return new Standing(real.seriousDishonesty(), rewards);
	}
}
