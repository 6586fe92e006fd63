package org.xinyong.measures;

import java.util.Set;

/**
 * A measure of a list in force or of a base-list edition.
 *
 * @param id               stable id: the base list's ({@code P-1-01}, {@code I-40-01}) or {@code S-<n>} for a
 *                         supplementary measure
 * @param group            {@code RIGHTS_UNDER_LAW}, {@code MANAGEMENT}, {@code MARKET_AND_INDUSTRY}, {@code INCENTIVE}
 *                         or {@code SUPPLEMENTARY}
 * @param provenance       {@code VERIFIED} (with {@code source}) or {@code UNVERIFIED}
 * @param baseMeasureId    for a supplementary measure, the base measure it falls under (art. 45)
 * @param list             where it comes from: {@code BASE:<edition id>} or {@code SUPPLEMENTARY:<list id>}
 * @param target           for a supplementary measure, its 惩戒对象 as the list words it
 */
public record Measure(String id, MeasureKind kind, String group, String text, String basis, String implementingUnit,
		String provenance, String source, Set<ListTarget> appliesTo, Set<Matter> matters, String baseMeasureId,
		String list, String target) {

	public Measure {
		appliesTo = Set.copyOf(appliesTo);
		matters = Set.copyOf(matters);
	}

	public boolean appliesTo(ListTarget target, Matter matter) {
		return appliesTo.contains(target) && matters.contains(matter);
	}
}
