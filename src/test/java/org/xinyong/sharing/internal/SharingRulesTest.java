package org.xinyong.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.subject.SubjectType;

/** The decision table of docs/sharing.md, one rule at a time. */
class SharingRulesTest {

	static final LocalDate DAY = LocalDate.of(2026, 6, 1);

	static CatalogItem item(String code, Openness openness, SharingLevel sharing) {
		return new CatalogItem(code, InfoCategory.values()[0], code, code,
				Set.of(SubjectType.ORGANISATION, SubjectType.NATURAL_PERSON), "单位", "依据", openness, sharing, false, null,
				List.of(), null, null, new Provenance(true, "test"), List.of());
	}

	static Grant grant(String item, Set<SharingPurpose> purposes, String basis, boolean statutory) {
		return new Grant(1, 7, item, purposes.isEmpty(), purposes, basis, statutory, DAY.minusDays(10), null, null,
				"admin", Instant.EPOCH, null);
	}

	static Authorisation authorisation(String item, SharingPurpose purpose) {
		return new Authorisation(1, 3, "X", 7, false, Set.of(item), purpose, DAY, DAY, "doc", "admin", Instant.EPOCH,
				null);
	}

	static Optional<WithheldReason> decide(CatalogItem item, SubjectType type, List<Grant> grants,
			List<Authorisation> authorisations) {
		return SharingRules.decide(item, type, SharingPurpose.PROCUREMENT, grants, authorisations);
	}

	@Test
	void anItemThatIsNeverSharedIsWithheldWhateverTheGrants() {
		CatalogItem none = item("A", Openness.PUBLIC, SharingLevel.NONE);
		assertThat(decide(none, SubjectType.ORGANISATION, List.of(grant("A", Set.of(), "法", true)), List.of()))
			.contains(WithheldReason.NOT_SHAREABLE);
	}

	@Test
	void unconditionalItemsStillNeedAGrantCoveringThePurpose() {
		CatalogItem open = item("A", Openness.PUBLIC, SharingLevel.UNCONDITIONAL);
		assertThat(decide(open, SubjectType.ORGANISATION, List.of(), List.of())).contains(WithheldReason.NO_GRANT);
		assertThat(decide(open, SubjectType.ORGANISATION, List.of(grant("B", Set.of(), null, false)), List.of()))
			.contains(WithheldReason.NO_GRANT);
		assertThat(decide(open, SubjectType.ORGANISATION,
				List.of(grant("A", Set.of(SharingPurpose.LICENSING), null, false)), List.of()))
			.contains(WithheldReason.PURPOSE_NOT_COVERED);
		assertThat(decide(open, SubjectType.ORGANISATION,
				List.of(grant("A", Set.of(SharingPurpose.LICENSING, SharingPurpose.PROCUREMENT), null, false)),
				List.of())).isEmpty();
		assertThat(decide(open, SubjectType.NATURAL_PERSON, List.of(grant("A", Set.of(), null, false)), List.of()))
			.isEmpty();
	}

	@Test
	void conditionalItemsNeedAGrantWithALawfulBasis() {
		CatalogItem conditional = item("A", Openness.PUBLIC, SharingLevel.CONDITIONAL);
		assertThat(decide(conditional, SubjectType.ORGANISATION, List.of(grant("A", Set.of(), " ", false)), List.of()))
			.contains(WithheldReason.LAWFUL_BASIS_MISSING);
		assertThat(decide(conditional, SubjectType.ORGANISATION, List.of(grant("A", Set.of(), "协议", false)), List.of()))
			.isEmpty();
	}

	@Test
	void naturalPersonsNonPublicItemsNeedAStatutoryBasisOrTheirAuthorisationForThePurpose() {
		CatalogItem nonPublic = item("A", Openness.NON_PUBLIC, SharingLevel.CONDITIONAL);
		List<Grant> agreed = List.of(grant("A", Set.of(), "协议", false));
		assertThat(decide(nonPublic, SubjectType.ORGANISATION, agreed, List.of())).isEmpty();
		assertThat(decide(nonPublic, SubjectType.NATURAL_PERSON, agreed, List.of()))
			.contains(WithheldReason.AUTHORISATION_REQUIRED);
		assertThat(decide(nonPublic, SubjectType.NATURAL_PERSON, agreed,
				List.of(authorisation("A", SharingPurpose.HONOURS), authorisation("B", SharingPurpose.PROCUREMENT))))
			.contains(WithheldReason.AUTHORISATION_REQUIRED);
		assertThat(decide(nonPublic, SubjectType.NATURAL_PERSON, agreed,
				List.of(authorisation("A", SharingPurpose.PROCUREMENT)))).isEmpty();
		assertThat(decide(nonPublic, SubjectType.NATURAL_PERSON, List.of(grant("A", Set.of(), "《某法》第十条", true)),
				List.of())).isEmpty();
		// A statutory grant that does not cover the purpose does not count.
		assertThat(decide(nonPublic, SubjectType.NATURAL_PERSON,
				List.of(grant("A", Set.of(SharingPurpose.LICENSING), "《某法》第十条", true), agreed.get(0)), List.of()))
			.contains(WithheldReason.AUTHORISATION_REQUIRED);
		CatalogItem conditionallyOpen = item("A", Openness.CONDITIONAL, SharingLevel.CONDITIONAL);
		assertThat(decide(conditionallyOpen, SubjectType.NATURAL_PERSON, agreed, List.of()))
			.contains(WithheldReason.AUTHORISATION_REQUIRED);
	}

	@Test
	void grantsAndAuthorisationsCountOnlyWithinTheirPeriodAndUntilWithdrawn() {
		Grant g = new Grant(1, 7, "A", true, Set.of(), null, false, DAY, DAY.plusDays(1), null, "admin", Instant.EPOCH,
				null);
		assertThat(g.validOn(DAY.minusDays(1))).isFalse();
		assertThat(g.validOn(DAY)).isTrue();
		assertThat(g.validOn(DAY.plusDays(1))).isTrue();
		assertThat(g.validOn(DAY.plusDays(2))).isFalse();
		Grant withdrawn = new Grant(1, 7, "A", true, Set.of(), null, false, DAY, null, null, "admin", Instant.EPOCH,
				new Withdrawal("不再需要", "admin", Instant.EPOCH));
		assertThat(withdrawn.validOn(DAY)).isFalse();
		Authorisation a = authorisation("A", SharingPurpose.PROCUREMENT);
		assertThat(a.validOn(DAY)).isTrue();
		assertThat(a.validOn(DAY.plusDays(1))).isFalse();
	}
}
