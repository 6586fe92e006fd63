package org.xinyong.catalog.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.ProvisionDecision;
import org.xinyong.catalog.internal.Agreement;
import org.xinyong.catalog.internal.Assignment;
import org.xinyong.catalog.internal.CatalogContentInvalidException;
import org.xinyong.catalog.internal.CatalogService;
import org.xinyong.catalog.internal.CatalogVersion;
import org.xinyong.catalog.internal.CollectorAgreements;
import org.xinyong.catalog.internal.Comment;
import org.xinyong.catalog.internal.EditionImports;
import org.xinyong.catalog.internal.ItemJson;
import org.xinyong.catalog.internal.ItemProviders;
import org.xinyong.catalog.internal.Provision;
import org.xinyong.catalog.internal.SupplementaryCatalogs;
import org.xinyong.catalog.internal.SupplementaryCatalogs.NewComment;
import org.xinyong.catalog.internal.Versions;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.web.Problems;

/**
 * Administration of catalogs over HTTP: supplementary catalog lifecycle, official edition import, provider
 * assignments and collector agreements. Reading is for platform administrators and auditors, changing for platform
 * administrators.
 */
@RestController
@RequestMapping("/api/v1/catalog")
@Tag(name = "Catalog administration", description = "Supplementary catalog lifecycle, edition import, provision")
class CatalogAdminController {

	private static final String READ = "hasAnyRole('PLATFORM_ADMIN', 'AUDITOR')";
	private static final String WRITE = "hasRole('PLATFORM_ADMIN')";

	private final Versions versions;
	private final CatalogService catalogs;
	private final SupplementaryCatalogs lifecycle;
	private final EditionImports imports;
	private final Provision provision;
	private final ItemProviders providers;
	private final CollectorAgreements agreements;
	private final Organisations organisations;
	private final Problems problems;

	CatalogAdminController(Versions versions, CatalogService catalogs, SupplementaryCatalogs lifecycle,
			EditionImports imports, Provision provision, ItemProviders providers, CollectorAgreements agreements,
			Organisations organisations, Problems problems) {
		this.versions = versions;
		this.catalogs = catalogs;
		this.lifecycle = lifecycle;
		this.imports = imports;
		this.provision = provision;
		this.providers = providers;
		this.agreements = agreements;
		this.organisations = organisations;
		this.problems = problems;
	}

	// --- catalogs and versions

	@GetMapping("/catalogs")
	@PreAuthorize(READ)
	@Operation(summary = "Every catalog with all its versions, newest first")
	List<CatalogViews.CatalogView> catalogs() {
		return versions.catalogs()
			.stream()
			.map(c -> CatalogViews.catalog(c, versions.versions(c.id()), catalogs, organisations))
			.toList();
	}

	@PostMapping("/catalogs/{code}/drafts")
	@PreAuthorize(WRITE)
	@Operation(summary = "Start a new draft of the region's (REGION) or a city's (its unified code) catalog",
			description = "The draft copies the items of the latest published version. 409 CATALOG_DRAFT_EXISTS "
					+ "while another version of the catalog is unfinished.")
	ResponseEntity<CatalogViews.VersionView> createDraft(@PathVariable String code, Authentication auth) {
		CatalogVersion v = lifecycle.createDraft(code, Actors.of(auth));
		return ResponseEntity.created(URI.create("/api/v1/catalog/versions/" + v.id())).body(detail(v));
	}

	@GetMapping("/versions/{id}")
	@PreAuthorize(READ)
	@Operation(summary = "A version with its items, lifecycle events and consultation comments")
	CatalogViews.VersionView version(@PathVariable long id) {
		return detail(requireVersion(id));
	}

	@PutMapping(path = "/versions/{id}/items/{itemCode}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(WRITE)
	@Operation(summary = "Add or change an item of a draft",
			description = "Body: the item in the catalog file format (see docs/catalog.md). Each save is kept as a "
					+ "revision.")
	CatalogItem putItem(@PathVariable long id, @PathVariable String itemCode, @RequestBody(required = false) String body,
			Authentication auth) {
		return lifecycle.putItem(id, ItemJson.parse(body, itemCode), Actors.of(auth));
	}

	@DeleteMapping("/versions/{id}/items/{itemCode}")
	@PreAuthorize(WRITE)
	@Operation(summary = "Remove an item from a draft (kept as a removal revision)")
	ResponseEntity<Void> removeItem(@PathVariable long id, @PathVariable String itemCode, Authentication auth) {
		lifecycle.removeItem(id, itemCode, Actors.of(auth));
		return ResponseEntity.noContent().build();
	}

	record ConsultationRequest(LocalDate until, String note) {
	}

	@PostMapping("/versions/{id}/consultation")
	@PreAuthorize(WRITE)
	@Operation(summary = "Open the public consultation on a draft")
	CatalogViews.VersionView consult(@PathVariable long id, @RequestBody(required = false) ConsultationRequest r,
			Authentication auth) {
		r = r == null ? new ConsultationRequest(null, null) : r;
		return detail(lifecycle.openConsultation(id, r.until(), r.note(), Actors.of(auth)));
	}

	record NoteRequest(String note) {
	}

	@PostMapping("/versions/{id}/reopening")
	@PreAuthorize(WRITE)
	@Operation(summary = "Take a version under consultation back to draft")
	CatalogViews.VersionView reopen(@PathVariable long id, @RequestBody(required = false) NoteRequest r,
			Authentication auth) {
		return detail(lifecycle.reopenDraft(id, r == null ? null : r.note(), Actors.of(auth)));
	}

	record CommentRequest(String itemCode, String author, String authorOrganisation, Long organisationId, String text,
			Instant receivedAt) {
	}

	@PostMapping("/versions/{id}/comments")
	@PreAuthorize(WRITE)
	@Operation(summary = "Record a comment received during the consultation")
	ResponseEntity<Comment> comment(@PathVariable long id, @RequestBody CommentRequest r, Authentication auth) {
		Comment c = lifecycle.recordComment(id, new NewComment(r.itemCode(), r.author(), r.authorOrganisation(),
				r.organisationId(), r.text(), r.receivedAt()), Actors.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(c);
	}

	record ApprovalRequest(String document, LocalDate documentDate, String note) {
	}

	@PostMapping("/versions/{id}/approval")
	@PreAuthorize(WRITE)
	@Operation(summary = "Record the approval by the government at the same level, with its document")
	CatalogViews.VersionView approve(@PathVariable long id, @RequestBody ApprovalRequest r, Authentication auth) {
		return detail(lifecycle.approve(id, r.document(), r.documentDate(), r.note(), Actors.of(auth)));
	}

	record PublicationRequest(String notice) {
	}

	@PostMapping("/versions/{id}/publication")
	@PreAuthorize(WRITE)
	@Operation(summary = "Publish an approved version; it is in force from now on")
	CatalogViews.VersionView publish(@PathVariable long id, @RequestBody(required = false) PublicationRequest r,
			Authentication auth) {
		return detail(lifecycle.publish(id, r == null ? null : r.notice(), Actors.of(auth)));
	}

	record FilingRequest(String filingNumber, LocalDate filingDate, String note) {
	}

	@PostMapping("/versions/{id}/filing")
	@PreAuthorize(WRITE)
	@Operation(summary = "Record the filing (备案) of a city's approved or published version with the region")
	CatalogViews.VersionView file(@PathVariable long id, @RequestBody FilingRequest r, Authentication auth) {
		return detail(lifecycle.file(id, r.filingNumber(), r.filingDate(), r.note(), Actors.of(auth)));
	}

	record ReasonRequest(String reason) {
	}

	@PostMapping("/versions/{id}/abandonment")
	@PreAuthorize(WRITE)
	@Operation(summary = "Abandon an unpublished version (kept)")
	CatalogViews.VersionView abandon(@PathVariable long id, @RequestBody ReasonRequest r, Authentication auth) {
		return detail(lifecycle.abandon(id, r.reason(), Actors.of(auth)));
	}

	// --- imports

	@PostMapping(path = "/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(WRITE)
	@Operation(summary = "Import a catalog file (JSON body)",
			description = "Format xinyong-catalog/1 (as the shipped national base catalog). A national base edition is "
					+ "published as a new version; a REGION or city file becomes a new draft. 201 when a version was "
					+ "added, 200 when the content equals the latest version, 422 CATALOG_FILE_INVALID with reason "
					+ "and path when refused.")
	ResponseEntity<CatalogViews.ImportView> importJson(@RequestBody(required = false) byte[] body,
			Authentication auth) {
		return imported(imports.upload(body, null, Actors.of(auth)));
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(WRITE)
	@Operation(summary = "Import a catalog file (multipart field 'file')")
	ResponseEntity<CatalogViews.ImportView> importFile(@RequestParam("file") MultipartFile file, Authentication auth) {
		try {
			return imported(imports.upload(file.getBytes(), file.getOriginalFilename(), Actors.of(auth)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private ResponseEntity<CatalogViews.ImportView> imported(EditionImports.ImportResult result) {
		CatalogViews.ImportView body = new CatalogViews.ImportView(result.loaded(), result.items(),
				CatalogViews.summary(result.version(), catalogs));
		return ResponseEntity.status(result.loaded() ? HttpStatus.CREATED : HttpStatus.OK).body(body);
	}

	// --- provision

	@GetMapping("/assignments")
	@PreAuthorize(READ)
	@Operation(summary = "Provider assignments (ended ones included)")
	List<Assignment> assignments() {
		return providers.all();
	}

	record AssignmentRequest(Long organisationId, String organisationCode, String itemCode, LocalDate validFrom,
			String note) {
	}

	@PostMapping("/assignments")
	@PreAuthorize(WRITE)
	@Operation(summary = "Assign an organisation to provide an item")
	ResponseEntity<Assignment> assign(@RequestBody AssignmentRequest r, Authentication auth) {
		Assignment a = provision.assign(organisationId(r.organisationId(), r.organisationCode()), r.itemCode(),
				r.validFrom(), r.note(), Actors.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(a);
	}

	record EndRequest(LocalDate endedOn, String reason) {
	}

	@PostMapping("/assignments/{id}/end")
	@PreAuthorize(WRITE)
	@Operation(summary = "End an assignment from a date (kept)")
	Assignment end(@PathVariable long id, @RequestBody EndRequest r, Authentication auth) {
		return provision.endAssignment(id, r.endedOn(), r.reason(), Actors.of(auth));
	}

	@GetMapping("/agreements")
	@PreAuthorize(READ)
	@Operation(summary = "Collector agreements (art. 29)")
	List<Agreement> agreements() {
		return agreements.all();
	}

	record AgreementRequest(Long organisationId, String organisationCode, String agreementNumber, LocalDate validFrom,
			LocalDate validTo, List<String> itemCodes, String note) {
	}

	@PostMapping("/agreements")
	@PreAuthorize(WRITE)
	@Operation(summary = "Register a collector agreement")
	ResponseEntity<Agreement> register(@RequestBody AgreementRequest r, Authentication auth) {
		Agreement a = provision.register(new Provision.NewAgreement(organisationId(r.organisationId(),
				r.organisationCode()), r.agreementNumber(), r.validFrom(), r.validTo(), r.itemCodes(), r.note()),
				Actors.of(auth));
		return ResponseEntity.status(HttpStatus.CREATED).body(a);
	}

	record TerminationRequest(LocalDate terminatedOn, String reason) {
	}

	@PostMapping("/agreements/{id}/termination")
	@PreAuthorize(WRITE)
	@Operation(summary = "Terminate an agreement from a date (kept)")
	Agreement terminate(@PathVariable long id, @RequestBody TerminationRequest r, Authentication auth) {
		return provision.terminate(id, r.terminatedOn(), r.reason(), Actors.of(auth));
	}

	@GetMapping("/provision")
	@PreAuthorize(READ)
	@Operation(summary = "Whether an organisation may provide an item on a date (today by default)")
	ProvisionDecision mayProvide(@RequestParam(required = false) Long organisationId,
			@RequestParam(required = false) String organisationCode, @RequestParam String itemCode,
			@RequestParam(required = false) LocalDate on) {
		return catalogs.mayProvide(organisationId(organisationId, organisationCode), itemCode,
				on == null ? LocalDate.now(org.xinyong.platform.Zones.DISPLAY) : on);
	}

	/** Refusals of content carry the broken rule ({@code reason}) and where ({@code path}). */
	@ExceptionHandler(CatalogContentInvalidException.class)
	ResponseEntity<ProblemDetail> invalid(CatalogContentInvalidException e, HttpServletRequest request) {
		ProblemDetail problem = problems.of(e, request);
		problem.setProperty("reason", e.reason().name());
		problem.setProperty("path", e.path());
		return problems.response(problem);
	}

	private long organisationId(Long id, String code) {
		if (id != null) {
			return id;
		}
		if (code == null || code.isBlank()) {
			throw DomainException.badRequest("CATALOG_ORGANISATION_UNKNOWN", "");
		}
		return organisations.byCode(code.strip())
			.map(Organisation::id)
			.orElseThrow(() -> DomainException.badRequest("CATALOG_ORGANISATION_UNKNOWN", code));
	}

	private CatalogVersion requireVersion(long id) {
		return versions.version(id).orElseThrow(() -> DomainException.notFound("CATALOG_VERSION_UNKNOWN", id));
	}

	private CatalogViews.VersionView detail(CatalogVersion v) {
		return CatalogViews.detail(v, versions.items(v.id()), versions.comments(v.id()), catalogs);
	}

}
