package org.xinyong.catalog.web;

import java.util.List;
import java.util.Set;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.subject.SubjectType;

/** A published item as the API shows it: the item, its catalog and version, its category's names, its template. */
record ItemView(String catalogCode, CatalogKind catalogKind, int catalogVersion, long catalogVersionId, String code,
		InfoCategory category, String categoryName, String categoryNameEn, String name, String nameEn,
		Set<SubjectType> subjectTypes, String responsibleUnit, String legalBasis, Openness openness,
		SharingLevel sharing, boolean dishonesty, String severityField, List<String> naturalKey,
		String basisDocumentField, String decisionDateField, Provenance provenance, List<FieldSchema> fields,
		String template) {

	static ItemView of(PublishedItem p, CatalogKind kind, int version, CategoryInfo category) {
		CatalogItem i = p.item();
		return new ItemView(p.catalogCode(), kind, version, p.catalogVersionId(), i.code(), i.category(),
				category == null ? null : category.name(), category == null ? null : category.nameEn(), i.name(),
				i.nameEn(), i.subjectTypes(), i.responsibleUnit(), i.legalBasis(), i.openness(), i.sharing(),
				i.dishonesty(), i.severityField(), i.naturalKey(), i.basisDocumentField(), i.decisionDateField(),
				i.provenance(), i.fields(), "/api/v1/catalog/items/" + i.code() + "/template.xlsx");
	}
}
