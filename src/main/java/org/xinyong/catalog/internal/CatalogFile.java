package org.xinyong.catalog.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.internal.CatalogContentInvalidException.Reason;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalog document in the platform's exchange format {@code xinyong-catalog/1}: the shipped national base
 * catalog, an official edition to import, or a supplementary catalog prepared elsewhere.
 *
 * @param catalog    {@code NATIONAL_BASE}, {@code REGION} or a city organisation's unified code
 * @param categories the category table (required for the national base catalog, all 13 categories)
 */
public record CatalogFile(String catalog, String edition, String title, String titleEn, String issuer,
		String document, LocalDate issuedOn, Provenance provenance, List<CategoryInfo> categories,
		List<CatalogItem> items) {

	public static final String FORMAT = "xinyong-catalog/1";
	public static final String NATIONAL_BASE = "NATIONAL_BASE";
	public static final int MAX_BYTES = 4 * 1024 * 1024;

	private static final String CODE = CatalogContentInvalidException.FILE;
	private static final Set<String> KEYS = Set.of("format", "catalog", "edition", "title", "titleEn", "issuer",
			"document", "issuedOn", "provenance", "categories", "items");
	private static final Set<String> CATEGORY_KEYS = Set.of("code", "number", "name", "nameEn", "provenance");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);
	static final JsonMapper STRICT_JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	public CatalogFile {
		categories = List.copyOf(categories);
		items = List.copyOf(items);
	}

	public boolean nationalBase() {
		return NATIONAL_BASE.equals(catalog);
	}

	/** Decodes, parses and checks a file; every item must be structurally sound and complete. */
	public static CatalogFile parse(byte[] content) {
		String text = text(content);
		JsonNode root;
		try {
			root = STRICT_JSON.readTree(text);
		}
		catch (JacksonException e) {
			var location = e.getLocation();
			throw fail(Reason.MALFORMED_JSON, "", location == null ? "?" : location.getLineNr(),
					location == null ? "?" : location.getColumnNr());
		}
		if (text.contains("\\u0000")) {
			throw fail(Reason.MALFORMED_JSON, "", "?", "?");
		}
		if (root == null || !root.isObject()) {
			throw fail(Reason.NOT_AN_OBJECT, "");
		}
		ItemJson.Reader r = new ItemJson.Reader(CODE);
		r.object(root, "", KEYS);
		String format = r.requiredText(root, "", "format");
		if (!FORMAT.equals(format)) {
			throw fail(Reason.FORMAT_UNKNOWN, "format", format);
		}
		String catalog = r.requiredText(root, "", "catalog");
		if (!catalog.equals(NATIONAL_BASE) && !catalog.equals("REGION") && !catalog.matches("[0-9A-Z]{18}")) {
			throw fail(Reason.CATALOG_INVALID, "catalog", catalog);
		}
		LocalDate issuedOn = null;
		String issued = r.text(root, "", "issuedOn");
		if (issued != null) {
			try {
				issuedOn = LocalDate.parse(issued, DATE);
			}
			catch (DateTimeParseException e) {
				throw fail(Reason.DATE_INVALID, "issuedOn", issued);
			}
		}
		List<CategoryInfo> categories = r.list(root, "", "categories", (p, n) -> category(r, n, p));
		if (catalog.equals(NATIONAL_BASE)) {
			Set<InfoCategory> seen = EnumSet.noneOf(InfoCategory.class);
			for (int i = 0; i < categories.size(); i++) {
				if (!seen.add(categories.get(i).code())) {
					throw fail(Reason.DUPLICATE, "categories[" + i + "].code", categories.get(i).code());
				}
			}
			if (seen.size() != InfoCategory.values().length) {
				throw fail(Reason.CATEGORIES_INCOMPLETE, "categories", seen.size(), InfoCategory.values().length);
			}
		}
		List<CatalogItem> items = r.list(root, "", "items", (p, n) -> ItemJson.read(n, p, CODE));
		if (items.isEmpty()) {
			throw fail(Reason.ITEMS_EMPTY, "items");
		}
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			CatalogItem item = items.get(i);
			if (!codes.add(item.code())) {
				throw fail(Reason.DUPLICATE, "items[" + i + "].code", item.code());
			}
			ItemRules.checkStructure(item, "items[" + i + "]", CODE);
			ItemRules.checkComplete(item);
		}
		return new CatalogFile(catalog, r.text(root, "", "edition"), r.text(root, "", "title"),
				r.text(root, "", "titleEn"), r.text(root, "", "issuer"), r.text(root, "", "document"), issuedOn,
				ItemJson.provenance(r, root.get("provenance"), "provenance"), categories, items);
	}

	private static CategoryInfo category(ItemJson.Reader r, JsonNode node, String path) {
		r.object(node, path, CATEGORY_KEYS);
		InfoCategory code = r.enumValue(node, path, "code", InfoCategory.class);
		if (code == null) {
			throw fail(Reason.MISSING, path + ".code");
		}
		JsonNode number = node.get("number");
		if (number == null || !number.isIntegralNumber() || !number.canConvertToInt() || number.intValue() < 1) {
			throw fail(Reason.NUMBER_INVALID, path + ".number", number);
		}
		return new CategoryInfo(code, number.intValue(), r.requiredText(node, path, "name"),
				r.text(node, path, "nameEn"), ItemJson.provenance(r, node.get("provenance"), path + ".provenance"));
	}

	/** Strict UTF-8 (a leading byte-order mark is dropped). */
	static String text(byte[] content) {
		if (content == null || content.length == 0) {
			throw fail(Reason.EMPTY, "");
		}
		if (content.length > MAX_BYTES) {
			throw fail(Reason.TOO_LARGE, "", MAX_BYTES / 1024);
		}
		int offset = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
				&& (content[2] & 0xff) == 0xbf ? 3 : 0;
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, offset, content.length - offset))
				.toString();
			if (text.isBlank()) {
				throw fail(Reason.EMPTY, "");
			}
			return text;
		}
		catch (CharacterCodingException e) {
			throw fail(Reason.NOT_UTF8, "");
		}
	}

	private static CatalogContentInvalidException fail(Reason reason, String path, Object... details) {
		return new CatalogContentInvalidException(CODE, reason, path, details);
	}
}
