package org.xinyong.measures;

/** A regional supplementary measure (art. 45): target, measure, basis, implementing unit, and its base measure. */
public record SupplementaryMeasure(long id, String region, String baseMeasureId, String target, String measure,
		String basis, String implementingUnit, String status) {
}
