package org.xinyong.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.disclosure.PublicRecord;

/**
 * Turns disclosed records into what pages and the public API show: the item's name and each field's label and
 * display value in the reader's language (enumerations by their labels), in the item's field order.
 */
@Component
public class RecordDisplay {

	private final Catalogs catalogs;
	private final Map<String, Optional<CatalogItem>> items = new ConcurrentHashMap<>();

	RecordDisplay(Catalogs catalogs) {
		this.catalogs = catalogs;
	}

	/** A labelled value. */
	public record Field(String key, String label, String value) {
	}

	/** The item as published now (cached; the cache is dropped whenever a catalog version is published). */
	public Optional<CatalogItem> item(String code) {
		return items.computeIfAbsent(code, c -> catalogs.publishedItem(c).map(PublishedItem::item));
	}

	@org.springframework.context.event.EventListener
	void on(org.xinyong.catalog.CatalogVersionPublished published) {
		items.clear();
	}

	public String itemName(String code, Locale locale) {
		return item(code).map(i -> english(locale) && i.nameEn() != null ? i.nameEn() : i.name()).orElse(code);
	}

	/** The record's fields except the subject's own name and code (shown with the subject). */
	public List<Field> fields(PublicRecord record, Locale locale) {
		List<Field> out = new ArrayList<>();
		Optional<CatalogItem> item = item(record.catalogItem());
		if (item.isEmpty()) {
			record.values().forEach((k, v) -> out.add(new Field(k, k, String.valueOf(v))));
			return out;
		}
		for (FieldSchema f : item.get().fields()) {
			Object v = record.values().get(f.key());
			if (v == null || f.key().equals("subjectName") || f.type() == FieldType.SUBJECT_CODE) {
				continue;
			}
			out.add(new Field(f.key(), label(f, locale), value(f, String.valueOf(v), locale)));
		}
		return out;
	}

	/** The display label of a value of the item's field (e.g. FINE → 罚款), or the value itself. */
	public String valueLabel(String itemCode, String fieldKey, String value, Locale locale) {
		if (value == null) {
			return null;
		}
		return item(itemCode).flatMap(i -> i.field(fieldKey)).map(f -> value(f, value, locale)).orElse(value);
	}

	/** The allowed values of an enumerated field, for filter menus. */
	public List<FieldSchema.AllowedValue> allowedValues(String itemCode, String fieldKey) {
		return item(itemCode).flatMap(i -> i.field(fieldKey)).map(FieldSchema::allowedValues).orElse(List.of());
	}

	private static String label(FieldSchema f, Locale locale) {
		return english(locale) && f.labelEn() != null ? f.labelEn() : f.label();
	}

	private static String value(FieldSchema f, String value, Locale locale) {
		for (FieldSchema.AllowedValue a : f.allowedValues()) {
			if (a.value().equals(value)) {
				return english(locale) && a.labelEn() != null ? a.labelEn() : a.label();
			}
		}
		return value;
	}

	static boolean english(Locale locale) {
		return locale != null && locale.getLanguage().equals("en");
	}
}
