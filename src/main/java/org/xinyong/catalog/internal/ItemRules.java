package org.xinyong.catalog.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldSchema.AllowedValue;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.internal.CatalogContentInvalidException.Reason;
import org.xinyong.platform.DomainException;

/** The rules an item definition must keep: always (structure) and before it is published (completeness). */
public final class ItemRules {

	/** Stable code of a publication refused because an item lacks what art. 27 or art. 41 requires. */
	public static final String INCOMPLETE = "CATALOG_ITEM_INCOMPLETE";

	private ItemRules() {
	}

	/**
	 * Field keys are unique, exactly one field holds the subject's identifier, enumerations list their values, and
	 * the fields an item names (natural key, basis document, decision date, severity) exist with a fitting type.
	 */
	public static void checkStructure(CatalogItem item, String path, String code) {
		Set<String> keys = new HashSet<>();
		int subjectCodes = 0;
		for (int i = 0; i < item.fields().size(); i++) {
			FieldSchema f = item.fields().get(i);
			String at = path + ".fields[" + i + "]";
			if (!keys.add(f.key())) {
				throw new CatalogContentInvalidException(code, Reason.DUPLICATE, at + ".key", f.key());
			}
			if (f.type() == FieldType.SUBJECT_CODE) {
				subjectCodes++;
			}
			if (f.type() == FieldType.ENUM && f.allowedValues().isEmpty()) {
				throw new CatalogContentInvalidException(code, Reason.ENUM_WITHOUT_VALUES, at, f.key());
			}
			Set<String> values = new HashSet<>();
			for (AllowedValue v : f.allowedValues()) {
				if (!values.add(v.value())) {
					throw new CatalogContentInvalidException(code, Reason.DUPLICATE, at + ".allowedValues", v.value());
				}
			}
		}
		if (subjectCodes != 1) {
			throw new CatalogContentInvalidException(code, Reason.SUBJECT_CODE_FIELD_COUNT, path + ".fields",
					subjectCodes);
		}
		List<String> naturalKey = item.naturalKey();
		for (int i = 0; i < naturalKey.size(); i++) {
			reference(item, naturalKey.get(i), path + ".naturalKey[" + i + "]", null, code);
		}
		if (new HashSet<>(naturalKey).size() != naturalKey.size()) {
			throw new CatalogContentInvalidException(code, Reason.DUPLICATE, path + ".naturalKey", naturalKey);
		}
		reference(item, item.basisDocumentField(), path + ".basisDocumentField", null, code);
		reference(item, item.decisionDateField(), path + ".decisionDateField", FieldType.DATE, code);
		reference(item, item.severityField(), path + ".severityField", FieldType.ENUM, code);
	}

	private static void reference(CatalogItem item, String key, String path, FieldType type, String code) {
		if (key == null) {
			return;
		}
		FieldSchema field = item.field(key)
			.orElseThrow(() -> new CatalogContentInvalidException(code, Reason.FIELD_UNKNOWN, path, key));
		if (type != null && field.type() != type) {
			throw new CatalogContentInvalidException(code, Reason.FIELD_TYPE_WRONG, path, key, type.name());
		}
	}

	/**
	 * What a published item must carry: 信息类别、信息条目、主体性质、责任单位、纳入依据 (art. 27), openness and sharing
	 * level, a natural key, and — for dishonesty information — the field citing the basis document (art. 41).
	 *
	 * @throws DomainException {@code CATALOG_ITEM_INCOMPLETE} naming the item and the first thing missing
	 */
	public static void checkComplete(CatalogItem item) {
		String missing = null;
		if (item.category() == null) {
			missing = "category";
		}
		else if (blank(item.name())) {
			missing = "name";
		}
		else if (item.subjectTypes().isEmpty()) {
			missing = "subjectTypes";
		}
		else if (blank(item.responsibleUnit())) {
			missing = "responsibleUnit";
		}
		else if (blank(item.legalBasis())) {
			missing = "legalBasis";
		}
		else if (item.openness() == null) {
			missing = "openness";
		}
		else if (item.sharing() == null) {
			missing = "sharing";
		}
		else if (item.naturalKey().isEmpty()) {
			missing = "naturalKey";
		}
		else if (item.dishonesty() && item.basisDocumentField() == null) {
			missing = "basisDocumentField";
		}
		if (missing != null) {
			throw DomainException.unprocessable(INCOMPLETE, item.code(),
					new DefaultMessageSourceResolvable(new String[] { "catalog.attribute." + missing }, missing));
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
