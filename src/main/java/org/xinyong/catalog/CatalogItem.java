package org.xinyong.catalog;

import org.xinyong.subject.SubjectType;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An item (信息条目) of a catalog: what may be collected, about whom, from whom, on what legal basis, how open,
 * and the schema its records follow.
 *
 * @param code               stable item code (e.g. {@code ADMIN_PENALTY})
 * @param responsibleUnit    责任单位 (e.g. 各级行政执法机关)
 * @param legalBasis         纳入依据
 * @param dishonesty         true if its records are dishonesty information (失信信息); such records must cite a
 *                           basis document (art. 41)
 * @param severityField      the field holding the severity (轻微/一般/严重), if any
 * @param naturalKey         fields that identify a record within (item, provider), e.g. {@code decisionNumber}
 * @param basisDocumentField the field holding the basis document number (art. 41), if any
 * @param decisionDateField  the field holding the decision date (disclosure periods count from it), if any
 */
public record CatalogItem(String code, InfoCategory category, String name, String nameEn, Set<SubjectType> subjectTypes,
		String responsibleUnit, String legalBasis, Openness openness, SharingLevel sharing, boolean dishonesty,
		String severityField, List<String> naturalKey, String basisDocumentField, String decisionDateField,
		Provenance provenance, List<FieldSchema> fields) {

	public CatalogItem {
		subjectTypes = Set.copyOf(subjectTypes);
		naturalKey = List.copyOf(naturalKey);
		fields = List.copyOf(fields);
	}

	public Optional<FieldSchema> field(String key) {
		return fields.stream().filter(f -> f.key().equals(key)).findFirst();
	}

	/** The field holding the subject's identifier (type {@link FieldType#SUBJECT_CODE}). */
	public FieldSchema subjectCodeField() {
		return fields.stream()
			.filter(f -> f.type() == FieldType.SUBJECT_CODE)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Item " + code + " has no SUBJECT_CODE field"));
	}
}
