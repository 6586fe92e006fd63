package org.xinyong.disclosure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.xinyong.disclosure.DisclosureWindow;

import tools.jackson.databind.json.JsonMapper;

/** Disclosure windows at their boundaries, under the rules of each decision's date. */
class JsonDisclosurePolicyTest {

	static JsonDisclosurePolicy policy(int minorMonths) throws Exception {
		return new JsonDisclosurePolicy(JsonMapper.builder().build(), minorMonths);
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	@Test
	void generalPenaltiesUnderTheCurrentRulesShowThreeMonthsToOneYear() throws Exception {
		DisclosureWindow w = policy(0).window("ADMIN_PENALTY", "GENERAL", d("2026-04-10"));
		assertThat(w.regime()).isEqualTo("NDRC-ORDER-36");
		assertThat(w.covers(d("2026-04-09"))).isFalse();
		assertThat(w.covers(d("2026-04-10"))).isTrue();
		assertThat(w.minimumReached(d("2026-07-09"))).isFalse();
		assertThat(w.minimumReached(d("2026-07-10"))).isTrue();
		assertThat(w.covers(d("2027-04-09"))).isTrue();
		assertThat(w.covers(d("2027-04-10"))).isFalse();
	}

	@Test
	void seriousPenaltiesUnderTheCurrentRulesShowOneToThreeYears() throws Exception {
		DisclosureWindow w = policy(0).window("ADMIN_PENALTY", "SERIOUS", d("2026-05-20"));
		assertThat(w.minimumReached(d("2027-05-19"))).isFalse();
		assertThat(w.minimumReached(d("2027-05-20"))).isTrue();
		assertThat(w.covers(d("2029-05-19"))).isTrue();
		assertThat(w.covers(d("2029-05-20"))).isFalse();
	}

	@Test
	void minorPenaltiesAreNotDisclosedUnlessTheDeploymentChoosesUpToThreeMonths() throws Exception {
		assertThat(policy(0).window("ADMIN_PENALTY", "MINOR", d("2026-06-01")).covers(d("2026-06-01"))).isFalse();
		DisclosureWindow two = policy(2).window("ADMIN_PENALTY", "MINOR", d("2026-06-01"));
		assertThat(two.covers(d("2026-07-31"))).isTrue();
		assertThat(two.covers(d("2026-08-01"))).isFalse();
		DisclosureWindow capped = policy(6).window("ADMIN_PENALTY", "MINOR", d("2026-06-01"));
		assertThat(capped.covers(d("2026-08-31"))).isTrue();
		assertThat(capped.covers(d("2026-09-01"))).isFalse();
	}

	@Test
	void decisionsBeforeTheNewRulesKeepTheRulesThatGovernedThem() throws Exception {
		JsonDisclosurePolicy p = policy(0);
		DisclosureWindow old = p.window("ADMIN_PENALTY", "GENERAL", d("2026-03-31"));
		assertThat(old.regime()).isEqualTo("NDRC-ORDER-58");
		assertThat(old.covers(d("2027-06-01"))).isTrue();
		assertThat(old.covers(d("2029-03-30"))).isTrue();
		assertThat(old.covers(d("2029-03-31"))).isFalse();
		DisclosureWindow next = p.window("ADMIN_PENALTY", "GENERAL", d("2026-04-01"));
		assertThat(next.regime()).isEqualTo("NDRC-ORDER-36");
		assertThat(next.covers(d("2027-03-31"))).isTrue();
		assertThat(next.covers(d("2027-04-01"))).isFalse();
		DisclosureWindow minorOld = p.window("ADMIN_PENALTY", "MINOR", d("2025-01-15"));
		assertThat(minorOld.covers(d("2025-01-15"))).isTrue();

		DisclosureWindow early = p.window("ADMIN_PENALTY", "SERIOUS", d("2022-01-01"));
		assertThat(early.regime()).isEqualTo("NDRC-2019-527");
		assertThat(early.minimumReached(d("2022-06-30"))).isFalse();
		assertThat(early.minimumReached(d("2022-07-01"))).isTrue();
		assertThat(early.covers(d("2024-12-31"))).isTrue();
		assertThat(early.covers(d("2025-01-01"))).isFalse();
		assertThat(p.window("ADMIN_PENALTY", "GENERAL", d("2023-04-30")).regime()).isEqualTo("NDRC-2019-527");
		assertThat(p.window("ADMIN_PENALTY", "GENERAL", d("2023-05-01")).regime()).isEqualTo("NDRC-ORDER-58");
	}

	@Test
	void recordsWithoutSeverityAndItemsWithoutRules() throws Exception {
		JsonDisclosurePolicy p = policy(0);
		DisclosureWindow unspecified = p.window("ADMIN_PENALTY", null, d("2026-05-01"));
		assertThat(unspecified.covers(d("2027-04-30"))).isTrue();
		assertThat(unspecified.covers(d("2027-05-01"))).isFalse();
		DisclosureWindow licence = p.window("ADMIN_LICENCE", null, d("2020-01-01"));
		assertThat(licence.regime()).isEqualTo("NONE");
		assertThat(licence.covers(d("2040-01-01"))).isTrue();
	}
}
