package org.xinyong.catalog.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldSchema.AllowedValue;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Masking;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.subject.SubjectType;
import org.xinyong.catalog.internal.CatalogContentInvalidException.Reason;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes an item definition in the catalog file format (the JSON names are those of {@link CatalogItem}
 * and {@link FieldSchema}). Reading checks the shape of the document (types, known keys, codes); the rules that
 * relate parts of an item to each other are in {@link ItemRules}.
 */
public final class ItemJson {

	public static final Pattern ITEM_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
	public static final Pattern FIELD_KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,63}");
	private static final int MAX_TEXT = 4000;

	private static final Set<String> ITEM_KEYS = Set.of("code", "category", "name", "nameEn", "subjectTypes",
			"responsibleUnit", "legalBasis", "openness", "sharing", "dishonesty", "severityField", "naturalKey",
			"basisDocumentField", "decisionDateField", "provenance", "fields");
	private static final Set<String> FIELD_KEYS = Set.of("key", "label", "labelEn", "type", "required", "maxLength",
			"allowedValues", "masking");
	private static final Set<String> VALUE_KEYS = Set.of("value", "label", "labelEn");
	private static final Set<String> PROVENANCE_KEYS = Set.of("verified", "source");

	private ItemJson() {
	}

	/**
	 * Reads an item.
	 *
	 * @param code the stable code to refuse with ({@link CatalogContentInvalidException#FILE} or {@code ITEM})
	 */
	public static CatalogItem read(JsonNode node, String path, String code) {
		Reader r = new Reader(code);
		r.object(node, path, ITEM_KEYS);
		String itemCode = r.requiredText(node, path, "code");
		if (!ITEM_CODE.matcher(itemCode).matches()) {
			throw r.fail(Reason.CODE_INVALID, path + ".code", itemCode);
		}
		InfoCategory category = r.enumValue(node, path, "category", InfoCategory.class);
		Set<SubjectType> subjectTypes = new LinkedHashSet<>(
				r.list(node, path, "subjectTypes", (p, n) -> r.enumOf(n, p, SubjectType.class)));
		List<FieldSchema> fields = r.list(node, path, "fields", (p, n) -> field(r, n, p));
		return new CatalogItem(itemCode, category, r.text(node, path, "name"), r.text(node, path, "nameEn"),
				subjectTypes.isEmpty() ? EnumSet.noneOf(SubjectType.class) : EnumSet.copyOf(subjectTypes),
				r.text(node, path, "responsibleUnit"), r.text(node, path, "legalBasis"),
				r.enumValue(node, path, "openness", Openness.class), r.enumValue(node, path, "sharing", SharingLevel.class),
				r.bool(node, path, "dishonesty"), r.text(node, path, "severityField"),
				r.list(node, path, "naturalKey", (p, n) -> r.textOf(n, p)), r.text(node, path, "basisDocumentField"),
				r.text(node, path, "decisionDateField"), provenance(r, node.get("provenance"), path + ".provenance"),
				fields);
	}

	/**
	 * Parses one item sent on its own (API, console). A missing {@code code} is taken from {@code code}; a
	 * different one is refused.
	 */
	public static CatalogItem parse(String json, String code) {
		String error = CatalogContentInvalidException.ITEM;
		JsonNode node;
		try {
			node = json == null || json.isBlank() ? null : CatalogFile.STRICT_JSON.readTree(json);
		}
		catch (tools.jackson.core.JacksonException e) {
			var location = e.getLocation();
			throw new CatalogContentInvalidException(error, Reason.MALFORMED_JSON, "",
					location == null ? "?" : location.getLineNr(), location == null ? "?" : location.getColumnNr());
		}
		if (node == null || !node.isObject()) {
			throw new CatalogContentInvalidException(error, Reason.NOT_AN_OBJECT, "");
		}
		if (code != null) {
			JsonNode given = node.get("code");
			if (given == null || given.isNull()) {
				((ObjectNode) node).put("code", code);
			}
			else if (!given.isString() || !given.stringValue().strip().equals(code)) {
				throw org.xinyong.platform.DomainException.badRequest("CATALOG_ITEM_CODE_MISMATCH", code,
						given.toString());
			}
		}
		CatalogItem item = read(node, "", error);
		ItemRules.checkStructure(item, "", error);
		return item;
	}

	/** Reads a provenance object; null when absent. */
	static Provenance provenance(Reader r, JsonNode node, String path) {
		if (node == null || node.isNull()) {
			return null;
		}
		r.object(node, path, PROVENANCE_KEYS);
		return new Provenance(r.bool(node, path, "verified"), r.text(node, path, "source"));
	}

	private static FieldSchema field(Reader r, JsonNode node, String path) {
		r.object(node, path, FIELD_KEYS);
		String key = r.requiredText(node, path, "key");
		if (!FIELD_KEY.matcher(key).matches()) {
			throw r.fail(Reason.CODE_INVALID, path + ".key", key);
		}
		Integer maxLength = null;
		JsonNode max = node.get("maxLength");
		if (max != null && !max.isNull()) {
			if (!max.isIntegralNumber() || !max.canConvertToInt() || max.intValue() < 1) {
				throw r.fail(Reason.NUMBER_INVALID, path + ".maxLength", max.toString());
			}
			maxLength = max.intValue();
		}
		FieldType type = r.enumValue(node, path, "type", FieldType.class);
		if (type == null) {
			throw r.fail(Reason.MISSING, path + ".type");
		}
		List<AllowedValue> values = r.list(node, path, "allowedValues", (p, n) -> {
			r.object(n, p, VALUE_KEYS);
			String value = r.requiredText(n, p, "value");
			if (value.length() > 64) {
				throw r.fail(Reason.CODE_INVALID, p + ".value", value);
			}
			return new AllowedValue(value, r.requiredText(n, p, "label"), r.text(n, p, "labelEn"));
		});
		return new FieldSchema(key, r.requiredText(node, path, "label"), r.text(node, path, "labelEn"), type,
				r.bool(node, path, "required"), maxLength, values, r.enumValue(node, path, "masking", Masking.class));
	}

	/** The item in the file format, keys in a fixed order, absent values left out. */
	public static ObjectNode write(CatalogItem item) {
		ObjectNode o = JsonNodeFactory.instance.objectNode();
		o.put("code", item.code());
		putIf(o, "category", item.category() == null ? null : item.category().name());
		putIf(o, "name", item.name());
		putIf(o, "nameEn", item.nameEn());
		ArrayNode types = o.putArray("subjectTypes");
		item.subjectTypes().stream().sorted().forEach(t -> types.add(t.name()));
		putIf(o, "responsibleUnit", item.responsibleUnit());
		putIf(o, "legalBasis", item.legalBasis());
		putIf(o, "openness", item.openness() == null ? null : item.openness().name());
		putIf(o, "sharing", item.sharing() == null ? null : item.sharing().name());
		o.put("dishonesty", item.dishonesty());
		putIf(o, "severityField", item.severityField());
		ArrayNode key = o.putArray("naturalKey");
		item.naturalKey().forEach(key::add);
		putIf(o, "basisDocumentField", item.basisDocumentField());
		putIf(o, "decisionDateField", item.decisionDateField());
		if (item.provenance() != null) {
			o.set("provenance", provenance(item.provenance()));
		}
		ArrayNode fields = o.putArray("fields");
		for (FieldSchema f : item.fields()) {
			ObjectNode field = fields.addObject();
			field.put("key", f.key());
			field.put("label", f.label());
			putIf(field, "labelEn", f.labelEn());
			field.put("type", f.type().name());
			field.put("required", f.required());
			if (f.maxLength() != null) {
				field.put("maxLength", f.maxLength());
			}
			if (!f.allowedValues().isEmpty()) {
				ArrayNode values = field.putArray("allowedValues");
				for (AllowedValue v : f.allowedValues()) {
					ObjectNode value = values.addObject();
					value.put("value", v.value());
					value.put("label", v.label());
					putIf(value, "labelEn", v.labelEn());
				}
			}
			if (f.masking() != Masking.NONE) {
				field.put("masking", f.masking().name());
			}
		}
		return o;
	}

	static ObjectNode provenance(Provenance p) {
		ObjectNode o = JsonNodeFactory.instance.objectNode();
		o.put("verified", p.verified());
		putIf(o, "source", p.source());
		return o;
	}

	private static void putIf(ObjectNode o, String key, String value) {
		if (value != null) {
			o.put(key, value);
		}
	}

	/** Shape checks that name the path of what is wrong. */
	static final class Reader {

		private final String code;

		Reader(String code) {
			this.code = code;
		}

		static String join(String path, String key) {
			return path == null || path.isEmpty() ? key : path + "." + key;
		}

		CatalogContentInvalidException fail(Reason reason, String path, Object... details) {
			return new CatalogContentInvalidException(code, reason, path, details);
		}

		void object(JsonNode node, String path, Set<String> allowedKeys) {
			if (node == null || !node.isObject()) {
				throw fail(Reason.NOT_AN_OBJECT_VALUE, path);
			}
			for (String name : node.propertyNames()) {
				if (!allowedKeys.contains(name)) {
					throw fail(Reason.KEY_UNKNOWN, join(path, name));
				}
			}
		}

		/** Optional text; blank counts as absent. */
		String text(JsonNode parent, String path, String key) {
			JsonNode node = parent.get(key);
			if (node == null || node.isNull()) {
				return null;
			}
			String value = textOf(node, join(path, key));
			return value.isBlank() ? null : value;
		}

		String requiredText(JsonNode parent, String path, String key) {
			String value = text(parent, path, key);
			if (value == null) {
				throw fail(Reason.MISSING, join(path, key));
			}
			return value;
		}

		String textOf(JsonNode node, String path) {
			if (!node.isString()) {
				throw fail(Reason.NOT_TEXT, path);
			}
			String value = node.stringValue().strip();
			if (value.length() > MAX_TEXT) {
				throw fail(Reason.NOT_TEXT, path);
			}
			return value;
		}

		boolean bool(JsonNode parent, String path, String key) {
			JsonNode node = parent.get(key);
			if (node == null || node.isNull()) {
				return false;
			}
			if (!node.isBoolean()) {
				throw fail(Reason.VALUE_UNKNOWN, join(path, key), node.toString());
			}
			return node.booleanValue();
		}

		<E extends Enum<E>> E enumValue(JsonNode parent, String path, String key, Class<E> type) {
			JsonNode node = parent.get(key);
			if (node == null || node.isNull()) {
				return null;
			}
			return enumOf(node, join(path, key), type);
		}

		<E extends Enum<E>> E enumOf(JsonNode node, String path, Class<E> type) {
			String text = textOf(node, path);
			try {
				return Enum.valueOf(type, text);
			}
			catch (IllegalArgumentException e) {
				throw fail(Reason.VALUE_UNKNOWN, path, text);
			}
		}

		<T> List<T> list(JsonNode parent, String path, String key, Element<T> element) {
			JsonNode node = parent.get(key);
			if (node == null || node.isNull()) {
				return List.of();
			}
			if (!node.isArray()) {
				throw fail(Reason.NOT_A_LIST, join(path, key));
			}
			List<T> out = new ArrayList<>();
			int i = 0;
			for (JsonNode n : node.values()) {
				out.add(element.read(join(path, key) + "[" + i++ + "]", n));
			}
			return out;
		}
	}

	@FunctionalInterface
	interface Element<T> {
		T read(String path, JsonNode node);
	}
}
