package org.xinyong.catalog.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.internal.CatalogService;
import org.xinyong.catalog.internal.CatalogVersion;
import org.xinyong.catalog.internal.ItemTemplates;
import org.xinyong.platform.DomainException;

import java.nio.charset.StandardCharsets;

/** The published catalog items, public: the credit website links to them and providers fetch their templates. */
@RestController
@RequestMapping("/api/v1/catalog/items")
@Tag(name = "Catalog", description = "Public credit information catalogs (art. 27): items in force and their schemas")
class CatalogItemsController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final CatalogService catalogs;
	private final ItemTemplates templates;

	CatalogItemsController(CatalogService catalogs, ItemTemplates templates) {
		this.catalogs = catalogs;
		this.templates = templates;
	}

	@GetMapping
	@Operation(summary = "The items in force",
			description = "Every item of the latest published version of each catalog (national base first, then the "
					+ "region's, then the cities'), with its field schema, provenance, catalog code and version. "
					+ "Optional filters: category, catalog.")
	List<ItemView> items(@RequestParam(required = false) InfoCategory category,
			@RequestParam(required = false) String catalog) {
		Map<Long, CatalogVersion> versions = versionsById();
		return catalogs.publishedItems()
			.stream()
			.filter(p -> category == null || p.item().category() == category)
			.filter(p -> catalog == null || p.catalogCode().equals(catalog))
			.map(p -> view(p, versions))
			.toList();
	}

	@GetMapping("/{code}")
	@Operation(summary = "One item in force")
	ItemView item(@PathVariable String code) {
		return view(require(code), versionsById());
	}

	@GetMapping("/{code}/template.xlsx")
	@Operation(summary = "Spreadsheet template of an item",
			description = "Row 1: Chinese field labels; row 2: field keys; row 3: an example; drop-downs for "
					+ "enumerations, date formats; a second sheet explains every field.")
	ResponseEntity<byte[]> template(@PathVariable String code, Locale locale) {
		PublishedItem item = require(code);
		CatalogVersion version = versionsById().get(item.catalogVersionId());
		byte[] body = templates.template(item, version.version(), locale);
		String fileName = (item.item().name() == null ? code : item.item().name()) + "-" + code + "-v"
				+ version.version() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	private PublishedItem require(String code) {
		return catalogs.publishedItem(code)
			.orElseThrow(() -> DomainException.notFound(CatalogService.ITEM_UNKNOWN, code));
	}

	private Map<Long, CatalogVersion> versionsById() {
		return catalogs.versionsInForce().stream().collect(Collectors.toMap(CatalogVersion::id, Function.identity()));
	}

	private ItemView view(PublishedItem p, Map<Long, CatalogVersion> versions) {
		CatalogVersion v = versions.get(p.catalogVersionId());
		return ItemView.of(p, v.catalog().kind(), v.version(),
				p.item().category() == null ? null : catalogs.category(p.item().category()).orElse(null));
	}
}
