package org.xinyong.sharing.internal;

import java.util.List;
import java.util.Optional;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.sharing.SharingPurpose;
import org.xinyong.subject.SubjectType;

/** Whether an organisation receives an item's records about a subject (see docs/sharing.md). Pure. */
public final class SharingRules {

	private SharingRules() {
	}

	/**
	 * @param grants         the organisation's grants in force today
	 * @param authorisations the subject's authorisations for the organisation in force today
	 * @return empty when the item is shared, else why it is withheld
	 */
	public static Optional<WithheldReason> decide(CatalogItem item, SubjectType subjectType, SharingPurpose purpose,
			List<Grant> grants, List<Authorisation> authorisations) {
		if (item.sharing() == SharingLevel.NONE) {
			return Optional.of(WithheldReason.NOT_SHAREABLE);
		}
		List<Grant> forItem = grants.stream().filter(g -> g.itemCode().equals(item.code())).toList();
		if (forItem.isEmpty()) {
			return Optional.of(WithheldReason.NO_GRANT);
		}
		List<Grant> covering = forItem.stream().filter(g -> g.covers(purpose)).toList();
		if (covering.isEmpty()) {
			return Optional.of(WithheldReason.PURPOSE_NOT_COVERED);
		}
		if (item.sharing() == SharingLevel.CONDITIONAL) {
			covering = covering.stream().filter(Grant::hasLawfulBasis).toList();
			if (covering.isEmpty()) {
				return Optional.of(WithheldReason.LAWFUL_BASIS_MISSING);
			}
		}
		if (subjectType == SubjectType.NATURAL_PERSON && item.openness() != Openness.PUBLIC
				&& covering.stream().noneMatch(Grant::statutoryBasis)
				&& authorisations.stream().noneMatch(a -> a.covers(item.code(), purpose))) {
			return Optional.of(WithheldReason.AUTHORISATION_REQUIRED);
		}
		return Optional.empty();
	}
}
