package org.xinyong.account.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.ingest.CreditRecord;
import org.xinyong.ingest.RecordVersion;
import org.xinyong.ingest.VersionKind;
import org.xinyong.platform.Zones;

/** A subject's own records as its page shows them: by item, every record with its current values and history. */
final class OwnRecords {

	record Item(String code, String name, Openness openness, List<Record> records) {
	}

	record Record(String id, String provider, boolean revoked, List<Value> values, List<Version> versions) {
	}

	record Value(String label, String value) {
	}

	record Version(int versionNo, VersionKind kind, LocalDateTime recordedAt, LocalDate decisionDate, String reason,
			String provider) {
	}

	private final Catalogs catalogs;
	private final Organisations organisations;
	private final boolean english;
	private final Map<Long, String> providerNames = new HashMap<>();

	OwnRecords(Catalogs catalogs, Organisations organisations, Locale locale) {
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.english = "en".equals(locale.getLanguage());
	}

	List<Item> of(List<CreditRecord> records) {
		Map<String, List<CreditRecord>> byItem = new LinkedHashMap<>();
		for (CreditRecord r : records) {
			byItem.computeIfAbsent(r.catalogItem(), k -> new ArrayList<>()).add(r);
		}
		List<Item> items = new ArrayList<>();
		byItem.forEach((code, list) -> {
			Optional<CatalogItem> item = catalogs.publishedItem(code).map(PublishedItem::item);
			String name = item.map(i -> english && i.nameEn() != null ? i.nameEn() : i.name()).orElse(code);
			items.add(new Item(code, name, item.map(CatalogItem::openness).orElse(null),
					list.stream().map(r -> record(r, item)).toList()));
		});
		return items;
	}

	private Record record(CreditRecord r, Optional<CatalogItem> item) {
		String provider = provider(r.providerId());
		List<Version> versions = r.versions()
			.stream()
			.map(v -> new Version(v.versionNo(), v.kind(), LocalDateTime.ofInstant(v.recordedAt(), Zones.DISPLAY),
					v.decisionDate(), v.reason(), provider))
			.toList();
		return new Record(r.id().toString(), provider, r.revoked(), values(r.current(), item), versions);
	}

	private List<Value> values(RecordVersion version, Optional<CatalogItem> item) {
		Map<String, Object> payload = version.payload() == null ? Map.of() : version.payload();
		List<Value> values = new ArrayList<>();
		if (item.isEmpty()) {
			payload.forEach((k, v) -> values.add(new Value(k, String.valueOf(v))));
			return values;
		}
		for (FieldSchema field : item.get().fields()) {
			Object v = payload.get(field.key());
			if (v != null && !String.valueOf(v).isBlank()) {
				String label = english && field.labelEn() != null ? field.labelEn() : field.label();
				values.add(new Value(label, display(field, String.valueOf(v))));
			}
		}
		return values;
	}

	private String display(FieldSchema field, String value) {
		return field.allowedValues()
			.stream()
			.filter(a -> a.value().equals(value))
			.findFirst()
			.map(a -> english && a.labelEn() != null ? a.labelEn() : a.label())
			.orElse(value);
	}

	private String provider(long id) {
		return providerNames.computeIfAbsent(id, k -> organisations.byId(k)
			.map(o -> english && o.nameEn() != null ? o.nameEn() : o.name())
			.orElse("#" + k));
	}

	/** The organisation's name for a code in the audit log, or the code itself. */
	static String organisationName(Organisations organisations, String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return null;
		}
		boolean en = "en".equals(locale.getLanguage());
		return organisations.byCode(code).map((Organisation o) -> en && o.nameEn() != null ? o.nameEn() : o.name())
			.orElse(code);
	}
}
