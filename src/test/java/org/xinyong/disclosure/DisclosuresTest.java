package org.xinyong.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.xinyong.catalog.Openness;

class DisclosuresTest {

	/** A fixed one-year window from the decision date, standing in for the shipped policy. */
	final Disclosures disclosures = new Disclosures((item, severity, decision) -> new DisclosureWindow(true, "TEST",
			decision, decision.plusMonths(3), decision.plusYears(1)));

	final LocalDate decided = LocalDate.of(2026, 5, 1);

	@Test
	void onlyPublicItemsAndLiveRecordsAreDisclosed() {
		assertThat(disclosures.disclosedOn("ADMIN_PENALTY", Openness.PUBLIC, false, "GENERAL", decided, decided)).isTrue();
		assertThat(disclosures.disclosedOn("CONTRACT_PERFORMANCE", Openness.NON_PUBLIC, false, null, decided, decided))
			.isFalse();
		assertThat(disclosures.disclosedOn("SELF_DECLARATION", Openness.CONDITIONAL, false, null, decided, decided))
			.isFalse();
		assertThat(disclosures.disclosedOn("ADMIN_PENALTY", Openness.PUBLIC, true, "GENERAL", decided, decided)).isFalse();
		assertThat(disclosures.disclosedOn("ADMIN_PENALTY", Openness.PUBLIC, false, "GENERAL", decided,
				decided.plusYears(1))).isFalse();
		assertThat(disclosures.disclosedOn("HONOUR", Openness.PUBLIC, false, null, null, decided)).isTrue();
	}
}
