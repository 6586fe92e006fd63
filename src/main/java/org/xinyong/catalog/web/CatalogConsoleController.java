package org.xinyong.catalog.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Masking;
import org.xinyong.catalog.Openness;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.subject.SubjectType;
import org.xinyong.catalog.VersionStatus;
import org.xinyong.catalog.internal.CatalogFile;
import org.xinyong.catalog.internal.CatalogService;
import org.xinyong.catalog.internal.CatalogVersion;
import org.xinyong.catalog.internal.CollectorAgreements;
import org.xinyong.catalog.internal.EditionImports;
import org.xinyong.catalog.internal.ItemJson;
import org.xinyong.catalog.internal.ItemProviders;
import org.xinyong.catalog.internal.Provision;
import org.xinyong.catalog.internal.SupplementaryCatalogs;
import org.xinyong.catalog.internal.SupplementaryCatalogs.NewComment;
import org.xinyong.catalog.internal.Versions;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.platform.web.ConsoleMenuItem;
import org.xinyong.platform.web.Problems;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Console pages of the catalog: the items in force with their schemas and templates; supplementary catalogs and
 * their lifecycle; import of official editions; provider assignments and collector agreements.
 */
@Controller
@RequestMapping("/console/catalog")
class CatalogConsoleController {

	private static final String READ = "hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')";
	private static final String WRITE = "hasRole('PLATFORM_ADMIN')";

	/** Prefilled schema for a new item: every item needs the subject's name and identifier. */
	private static final String NEW_FIELDS = """
			[
			  {"key": "subjectName", "label": "主体名称", "labelEn": "Name of the subject", "type": "TEXT", "required": true, "maxLength": 200, "masking": "PERSON_NAME"},
			  {"key": "subjectCode", "label": "统一社会信用代码（自然人为身份证件号码）", "labelEn": "Unified social credit code or identity document number", "type": "SUBJECT_CODE", "required": true, "maxLength": 64, "masking": "ID_NUMBER"},
			  {"key": "documentNumber", "label": "文书号", "labelEn": "Document number", "type": "TEXT", "required": true, "maxLength": 128},
			  {"key": "decisionDate", "label": "决定日期", "labelEn": "Decision date", "type": "DATE", "required": true}
			]""";

	private final CatalogService catalogs;
	private final Versions versions;
	private final SupplementaryCatalogs lifecycle;
	private final EditionImports imports;
	private final Provision provision;
	private final ItemProviders providers;
	private final CollectorAgreements agreements;
	private final Organisations organisations;
	private final Problems problems;

	CatalogConsoleController(CatalogService catalogs, Versions versions, SupplementaryCatalogs lifecycle,
			EditionImports imports, Provision provision, ItemProviders providers, CollectorAgreements agreements,
			Organisations organisations, Problems problems) {
		this.catalogs = catalogs;
		this.versions = versions;
		this.lifecycle = lifecycle;
		this.imports = imports;
		this.provision = provision;
		this.providers = providers;
		this.agreements = agreements;
		this.organisations = organisations;
		this.problems = problems;
	}

	// --- items in force

	@GetMapping
	String items(Model model) {
		model.addAttribute("items", catalogs.publishedItems());
		model.addAttribute("versions", versionsById());
		model.addAttribute("categories", categories());
		return "catalog/items";
	}

	@GetMapping("/items/{code}")
	String item(@PathVariable String code, Model model) {
		PublishedItem item = catalogs.publishedItem(code)
			.orElseThrow(() -> DomainException.notFound(CatalogService.ITEM_UNKNOWN, code));
		model.addAttribute("published", item);
		model.addAttribute("item", item.item());
		model.addAttribute("version", versionsById().get(item.catalogVersionId()));
		model.addAttribute("categories", categories());
		return "catalog/item";
	}

	// --- supplementary catalogs

	@GetMapping("/catalogs")
	@PreAuthorize(READ)
	String catalogList(Model model) {
		Map<String, List<CatalogVersion>> byCatalog = new LinkedHashMap<>();
		versions.catalogs().forEach(c -> byCatalog.put(c.code(), versions.versions(c.id())));
		model.addAttribute("catalogs", versions.catalogs());
		model.addAttribute("versionsByCatalog", byCatalog);
		model.addAttribute("inForce", inForceIds());
		model.addAttribute("organisationsById", organisationsById());
		model.addAttribute("cities", organisations.all().stream().filter(o -> o.kind() == OrganisationKind.CITY).toList());
		return "catalog/catalogs";
	}

	@PostMapping("/catalogs")
	@PreAuthorize(WRITE)
	String createDraft(@RequestParam String catalogCode, Authentication auth, Locale locale, RedirectAttributes flash) {
		try {
			CatalogVersion v = lifecycle.createDraft(catalogCode, Actors.of(auth));
			flash.addFlashAttribute("done", v.label());
			return "redirect:/console/catalog/versions/" + v.id();
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
			return "redirect:/console/catalog/catalogs";
		}
	}

	@GetMapping("/versions/{id}")
	@PreAuthorize(READ)
	String version(@PathVariable long id, @RequestParam(required = false) String edit, Model model) {
		CatalogVersion version = versions.version(id)
			.orElseThrow(() -> DomainException.notFound("CATALOG_VERSION_UNKNOWN", id));
		List<CatalogItem> items = versions.items(id);
		model.addAttribute("version", version);
		model.addAttribute("items", items);
		model.addAttribute("revisions", versions.revisionCounts(id));
		model.addAttribute("comments", versions.comments(id));
		model.addAttribute("inForce", inForceIds().contains(id));
		model.addAttribute("categories", categories());
		model.addAttribute("organisationsById", organisationsById());
		model.addAttribute("categoryValues", InfoCategory.values());
		model.addAttribute("subjectTypes", SubjectType.values());
		model.addAttribute("opennessValues", Openness.values());
		model.addAttribute("sharingValues", SharingLevel.values());
		model.addAttribute("fieldTypes", FieldType.values());
		model.addAttribute("maskings", Masking.values());
		CatalogItem editing = edit == null ? null : items.stream().filter(i -> i.code().equals(edit)).findFirst()
			.orElse(null);
		model.addAttribute("editing", editing);
		model.addAttribute("fieldsJson", editing == null ? NEW_FIELDS : fieldsJson(editing));
		return "catalog/version";
	}

	@PostMapping("/versions/{id}/items")
	@PreAuthorize(WRITE)
	String saveItem(@PathVariable long id, @RequestParam String code, @RequestParam(required = false) String category,
			@RequestParam(required = false) String name, @RequestParam(required = false) String nameEn,
			@RequestParam(required = false) List<String> subjectTypes,
			@RequestParam(required = false) String responsibleUnit, @RequestParam(required = false) String legalBasis,
			@RequestParam(required = false) String openness, @RequestParam(required = false) String sharing,
			@RequestParam(defaultValue = "false") boolean dishonesty,
			@RequestParam(required = false) String severityField, @RequestParam(required = false) String naturalKey,
			@RequestParam(required = false) String basisDocumentField,
			@RequestParam(required = false) String decisionDateField, @RequestParam(required = false) String fields,
			Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale, () -> {
			ObjectNode o = JsonNodeFactory.instance.objectNode();
			o.put("code", code.strip());
			putIf(o, "category", category);
			putIf(o, "name", name);
			putIf(o, "nameEn", nameEn);
			ArrayNode types = o.putArray("subjectTypes");
			if (subjectTypes != null) {
				subjectTypes.forEach(types::add);
			}
			putIf(o, "responsibleUnit", responsibleUnit);
			putIf(o, "legalBasis", legalBasis);
			putIf(o, "openness", openness);
			putIf(o, "sharing", sharing);
			o.put("dishonesty", dishonesty);
			putIf(o, "severityField", severityField);
			ArrayNode key = o.putArray("naturalKey");
			if (naturalKey != null) {
				Arrays.stream(naturalKey.split("[,，\\s]+")).filter(s -> !s.isBlank()).forEach(key::add);
			}
			putIf(o, "basisDocumentField", basisDocumentField);
			putIf(o, "decisionDateField", decisionDateField);
			String json = o.toString();
			String fieldsText = fields == null || fields.isBlank() ? "[]" : fields.strip();
			json = json.substring(0, json.length() - 1) + ",\"fields\":" + fieldsText + "}";
			CatalogItem item = lifecycle.putItem(id, ItemJson.parse(json, code.strip()), Actors.of(auth));
			flash.addFlashAttribute("done", item.code());
		});
	}

	@PostMapping("/versions/{id}/items/{code}/remove")
	@PreAuthorize(WRITE)
	String removeItem(@PathVariable long id, @PathVariable String code, Authentication auth, Locale locale,
			RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale, () -> {
			lifecycle.removeItem(id, code, Actors.of(auth));
			flash.addFlashAttribute("done", code);
		});
	}

	@PostMapping("/versions/{id}/consultation")
	@PreAuthorize(WRITE)
	String consult(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate until,
			@RequestParam(required = false) String note, Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.openConsultation(id, until, note, Actors.of(auth))));
	}

	@PostMapping("/versions/{id}/reopen")
	@PreAuthorize(WRITE)
	String reopen(@PathVariable long id, @RequestParam(required = false) String note, Authentication auth,
			Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.reopenDraft(id, note, Actors.of(auth))));
	}

	@PostMapping("/versions/{id}/comments")
	@PreAuthorize(WRITE)
	String comment(@PathVariable long id, @RequestParam(required = false) String itemCode,
			@RequestParam(required = false) String author, @RequestParam(required = false) String authorOrganisation,
			@RequestParam(required = false) String text,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime receivedAt,
			Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale, () -> {
			var c = lifecycle.recordComment(id, new NewComment(itemCode, author, authorOrganisation, null, text,
					receivedAt == null ? null : receivedAt.atZone(Zones.DISPLAY).toInstant()), Actors.of(auth));
			flash.addFlashAttribute("done", "#" + c.id());
		});
	}

	@PostMapping("/versions/{id}/approval")
	@PreAuthorize(WRITE)
	String approve(@PathVariable long id, @RequestParam(required = false) String document,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate,
			@RequestParam(required = false) String note, Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.approve(id, document, documentDate, note, Actors.of(auth))));
	}

	@PostMapping("/versions/{id}/publication")
	@PreAuthorize(WRITE)
	String publish(@PathVariable long id, @RequestParam(required = false) String notice, Authentication auth,
			Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.publish(id, notice, Actors.of(auth))));
	}

	@PostMapping("/versions/{id}/filing")
	@PreAuthorize(WRITE)
	String file(@PathVariable long id, @RequestParam(required = false) String filingNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filingDate,
			@RequestParam(required = false) String note, Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.file(id, filingNumber, filingDate, note, Actors.of(auth))));
	}

	@PostMapping("/versions/{id}/abandonment")
	@PreAuthorize(WRITE)
	String abandon(@PathVariable long id, @RequestParam(required = false) String reason, Authentication auth,
			Locale locale, RedirectAttributes flash) {
		return attempt("versions/" + id, flash, locale,
				() -> done(flash, lifecycle.abandon(id, reason, Actors.of(auth))));
	}

	// --- import

	@GetMapping("/import")
	@PreAuthorize(READ)
	String importPage(Model model) {
		model.addAttribute("history", versions.catalog(CatalogKind.NATIONAL_BASE.name())
			.map(c -> versions.versions(c.id()))
			.orElse(List.of()));
		model.addAttribute("inForce", inForceIds());
		model.addAttribute("format", CatalogFile.FORMAT);
		return "catalog/import";
	}

	@PostMapping("/import")
	@PreAuthorize(WRITE)
	String importFile(@RequestParam("file") MultipartFile file, Authentication auth, Locale locale,
			RedirectAttributes flash) throws IOException {
		byte[] content = file.getBytes();
		return attempt("import", flash, locale, () -> {
			var result = imports.upload(content, file.getOriginalFilename(), Actors.of(auth));
			flash.addFlashAttribute(result.loaded() ? "done" : "unchanged", result.version().label());
		});
	}

	// --- provision

	@GetMapping("/provision")
	@PreAuthorize(READ)
	String provision(Model model) {
		model.addAttribute("assignments", providers.all());
		model.addAttribute("agreements", agreements.all());
		model.addAttribute("organisations", organisations.all());
		model.addAttribute("collectors",
				organisations.all().stream().filter(o -> o.kind() == OrganisationKind.COLLECTOR).toList());
		model.addAttribute("organisationsById", organisationsById());
		model.addAttribute("items", catalogs.publishedItems()
			.stream()
			.filter(p -> p.item().category() != InfoCategory.VOLUNTARY)
			.toList());
		model.addAttribute("today", LocalDate.now(Zones.DISPLAY));
		return "catalog/provision";
	}

	@PostMapping("/assignments")
	@PreAuthorize(WRITE)
	String assign(@RequestParam long organisationId, @RequestParam String itemCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) String note, Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("provision", flash, locale, () -> {
			var a = provision.assign(organisationId, itemCode, validFrom, note, Actors.of(auth));
			flash.addFlashAttribute("done", "#" + a.id());
		});
	}

	@PostMapping("/assignments/{id}/end")
	@PreAuthorize(WRITE)
	String endAssignment(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endedOn,
			@RequestParam(required = false) String reason, Authentication auth, Locale locale,
			RedirectAttributes flash) {
		return attempt("provision", flash, locale, () -> {
			provision.endAssignment(id, endedOn, reason, Actors.of(auth));
			flash.addFlashAttribute("done", "#" + id);
		});
	}

	@PostMapping("/agreements")
	@PreAuthorize(WRITE)
	String registerAgreement(@RequestParam long organisationId, @RequestParam(required = false) String agreementNumber,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
			@RequestParam(required = false) List<String> itemCodes, @RequestParam(required = false) String note,
			Authentication auth, Locale locale, RedirectAttributes flash) {
		return attempt("provision", flash, locale, () -> {
			var a = provision.register(new Provision.NewAgreement(organisationId, agreementNumber, validFrom, validTo,
					itemCodes == null ? List.of() : itemCodes, note), Actors.of(auth));
			flash.addFlashAttribute("done", a.agreementNumber());
		});
	}

	@PostMapping("/agreements/{id}/termination")
	@PreAuthorize(WRITE)
	String terminate(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate terminatedOn,
			@RequestParam(required = false) String reason, Authentication auth, Locale locale,
			RedirectAttributes flash) {
		return attempt("provision", flash, locale, () -> {
			var a = provision.terminate(id, terminatedOn, reason, Actors.of(auth));
			flash.addFlashAttribute("done", a.agreementNumber());
		});
	}

	// --- helpers

	/** A page that names something unknown answers with the error page and the status of the rule broken. */
	@ExceptionHandler(DomainException.class)
	void pageFailure(DomainException e, HttpServletResponse response) throws IOException {
		response.sendError(e.status().value());
	}

	private String attempt(String page, RedirectAttributes flash, Locale locale, Runnable action) {
		try {
			action.run();
		}
		catch (DomainException e) {
			flash.addFlashAttribute("failure", problems.message(e, locale));
		}
		return "redirect:/console/catalog/" + page;
	}

	private static void done(RedirectAttributes flash, CatalogVersion v) {
		flash.addFlashAttribute("done", v.label());
	}

	private static void putIf(ObjectNode o, String key, String value) {
		if (value != null && !value.isBlank()) {
			o.put(key, value.strip());
		}
	}

	private static String fieldsJson(CatalogItem item) {
		StringBuilder s = new StringBuilder("[\n");
		var fields = ItemJson.write(item).get("fields");
		int i = 0;
		for (var f : fields.values()) {
			s.append("  ").append(f.toString()).append(++i < fields.size() ? ",\n" : "\n");
		}
		return s.append("]").toString();
	}

	private Map<Long, CatalogVersion> versionsById() {
		return catalogs.versionsInForce().stream().collect(Collectors.toMap(CatalogVersion::id, Function.identity()));
	}

	private Set<Long> inForceIds() {
		return versionsById().keySet();
	}

	/** Categories by the name of their code (SpEL indexes maps by string keys reliably). */
	private Map<String, CategoryInfo> categories() {
		Map<String, CategoryInfo> map = new LinkedHashMap<>();
		catalogs.categories().forEach(c -> map.put(c.code().name(), c));
		return map;
	}

	private Map<Long, Organisation> organisationsById() {
		return organisations.all().stream().collect(Collectors.toMap(Organisation::id, Function.identity()));
	}

	@Bean
	static ConsoleMenuItem catalogItemsMenuItem() {
		return new ConsoleMenuItem("catalog.menu.items", "/console/catalog", Set.of(), 100);
	}

	@Bean
	static ConsoleMenuItem catalogCatalogsMenuItem() {
		return new ConsoleMenuItem("catalog.menu.catalogs", "/console/catalog/catalogs",
				Set.of("PLATFORM_ADMIN", "AUDITOR"), 110);
	}

	@Bean
	static ConsoleMenuItem catalogImportMenuItem() {
		return new ConsoleMenuItem("catalog.menu.import", "/console/catalog/import", Set.of("PLATFORM_ADMIN", "AUDITOR"),
				120);
	}

	@Bean
	static ConsoleMenuItem catalogProvisionMenuItem() {
		return new ConsoleMenuItem("catalog.menu.provision", "/console/catalog/provision",
				Set.of("PLATFORM_ADMIN", "AUDITOR"), 130);
	}

	static VersionStatus[] statuses() {
		return VersionStatus.values();
	}
}
