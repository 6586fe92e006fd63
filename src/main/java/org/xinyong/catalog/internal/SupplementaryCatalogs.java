package org.xinyong.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEntry.Outcome;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.CatalogVersionPublished;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.VersionStatus;
import org.xinyong.platform.DomainException;

/**
 * The lifecycle of supplementary catalogs (art. 27): draft → public consultation (comments recorded) → approved by
 * the government at the same level (with its document) → published; a city's catalog is filed (备案) with the
 * region. Every step is an event row; every version and every item revision is kept; every change is audited.
 */
@Service
public class SupplementaryCatalogs {

	public static final String TRANSITION_ILLEGAL = "CATALOG_TRANSITION_ILLEGAL";
	public static final String REGION = "REGION";

	private final Versions versions;
	private final CatalogService catalogs;
	private final Organisations organisations;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	SupplementaryCatalogs(Versions versions, CatalogService catalogs, Organisations organisations, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.versions = versions;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Starts a new draft of the region's ({@code REGION}) or a city's (its organisation's unified code) catalog,
	 * creating the catalog on first use. The draft copies the items of the latest published version.
	 */
	@Transactional
	public CatalogVersion createDraft(String catalogCode, Actor actor) {
		versions.lock();
		StoredCatalog catalog = catalogFor(catalogCode, actor);
		CatalogVersion base = openOrLatestPublished(catalog);
		long id = versions.addVersion(catalog.id(), Versions.NewVersion.draft(base == null ? null : base.id()), now(),
				actor.name());
		if (base != null) {
			for (CatalogItem item : versions.items(base.id())) {
				versions.putItem(id, item, now(), actor.name());
			}
		}
		versions.addEvent(id, VersionEvent.CREATED, VersionStatus.DRAFT, null, null, null, actor.organisationId(),
				now(), actor.name());
		CatalogVersion created = versions.version(id).orElseThrow();
		Map<String, Object> detail = detail(created);
		if (base != null) {
			detail.put("copiedFromVersionId", base.id());
			detail.put("copiedFromVersion", base.version());
		}
		audit.record(AuditEntry.of("CATALOG_DRAFT_CREATED", Outcome.SUCCESS, detail));
		return created;
	}

	/** Adds an item to a draft or replaces its definition (as a new revision). */
	@Transactional
	public CatalogItem putItem(long versionId, CatalogItem item, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.DRAFT), "EDIT");
		ItemRules.checkStructure(item, "", CatalogContentInvalidException.ITEM);
		checkCodeFree(version, item.code());
		boolean existed = versions.item(versionId, item.code()).isPresent();
		versions.putItem(versionId, item, now(), actor.name());
		Map<String, Object> detail = detail(version);
		detail.put("item", item.code());
		detail.put("revision", versions.revisionCounts(versionId).get(item.code()));
		audit.record(AuditEntry.of(existed ? "CATALOG_ITEM_CHANGED" : "CATALOG_ITEM_ADDED", Outcome.SUCCESS, detail));
		return item;
	}

	/** Takes an item out of a draft (recorded as a removal revision). */
	@Transactional
	public void removeItem(long versionId, String itemCode, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.DRAFT), "EDIT");
		if (versions.item(versionId, itemCode).isEmpty()) {
			throw DomainException.notFound("CATALOG_ITEM_NOT_IN_VERSION", itemCode, version.label());
		}
		versions.removeItem(versionId, itemCode, now(), actor.name());
		Map<String, Object> detail = detail(version);
		detail.put("item", itemCode);
		audit.record(AuditEntry.of("CATALOG_ITEM_REMOVED", Outcome.SUCCESS, detail));
	}

	/** Opens the public consultation on a draft, optionally until a date. */
	@Transactional
	public CatalogVersion openConsultation(long versionId, LocalDate until, String note, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.DRAFT), VersionStatus.CONSULTATION.name());
		if (versions.items(versionId).isEmpty()) {
			throw DomainException.unprocessable("CATALOG_VERSION_EMPTY", version.label());
		}
		if (until != null && until.isBefore(today())) {
			throw DomainException.badRequest("CATALOG_DATE_IN_PAST", until);
		}
		return step(version, VersionEvent.CONSULTATION_OPENED, VersionStatus.CONSULTATION, null, until, note, actor,
				"CATALOG_CONSULTATION_OPENED");
	}

	/** Takes a version under consultation back to draft, to revise it in the light of the comments. */
	@Transactional
	public CatalogVersion reopenDraft(long versionId, String note, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.CONSULTATION), VersionStatus.DRAFT.name());
		return step(version, VersionEvent.DRAFT_REOPENED, VersionStatus.DRAFT, null, null, note, actor,
				"CATALOG_DRAFT_REOPENED");
	}

	/** What a consultation comment says and who made it. */
	public record NewComment(String itemCode, String author, String authorOrganisation, Long organisationId,
			String text, Instant receivedAt) {
	}

	/** Records a comment received during the public consultation. */
	@Transactional
	public Comment recordComment(long versionId, NewComment c, Actor actor) {
		versions.lock();
		CatalogVersion version = versions.version(versionId)
			.orElseThrow(() -> DomainException.notFound("CATALOG_VERSION_UNKNOWN", versionId));
		if (version.status() != VersionStatus.CONSULTATION) {
			throw DomainException.conflict("CATALOG_NOT_IN_CONSULTATION", version.label(), status(version.status()));
		}
		if (blank(c.author()) || blank(c.text())) {
			throw DomainException.badRequest("CATALOG_COMMENT_INCOMPLETE");
		}
		String itemCode = blank(c.itemCode()) ? null : c.itemCode().strip();
		if (itemCode != null && versions.item(versionId, itemCode).isEmpty()) {
			throw DomainException.notFound("CATALOG_ITEM_NOT_IN_VERSION", itemCode, version.label());
		}
		if (c.organisationId() != null && organisations.byId(c.organisationId()).isEmpty()) {
			throw DomainException.badRequest("CATALOG_ORGANISATION_UNKNOWN", c.organisationId());
		}
		Instant now = now();
		Instant received = c.receivedAt() == null ? now : c.receivedAt().truncatedTo(ChronoUnit.MICROS);
		if (received.isAfter(now)) {
			throw DomainException.badRequest("CATALOG_DATE_IN_FUTURE", received);
		}
		long id = versions.addComment(versionId, itemCode, c.author().strip(), trimToNull(c.authorOrganisation()),
				c.organisationId(), c.text().strip(), received, now, actor.name());
		Map<String, Object> detail = detail(version);
		detail.put("commentId", id);
		if (itemCode != null) {
			detail.put("item", itemCode);
		}
		audit.record(AuditEntry.of("CATALOG_COMMENT_RECORDED", Outcome.SUCCESS, detail));
		return versions.comments(versionId).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
	}

	/** Records the approval by the government at the same level (本级人民政府同意), with its document. */
	@Transactional
	public CatalogVersion approve(long versionId, String document, LocalDate documentDate, String note, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.CONSULTATION),
				VersionStatus.APPROVED.name());
		if (blank(document) || documentDate == null) {
			throw DomainException.badRequest("CATALOG_APPROVAL_DOCUMENT_REQUIRED");
		}
		if (documentDate.isAfter(today())) {
			throw DomainException.badRequest("CATALOG_DATE_IN_FUTURE", documentDate);
		}
		checkPublishable(version);
		return step(version, VersionEvent.APPROVED, VersionStatus.APPROVED, document.strip(), documentDate, note,
				actor, "CATALOG_APPROVED");
	}

	/** Publishes an approved version: it is in force from now on. */
	@Transactional
	public CatalogVersion publish(long versionId, String notice, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId, EnumSet.of(VersionStatus.APPROVED), VersionStatus.PUBLISHED.name());
		checkPublishable(version);
		CatalogVersion published = step(version, VersionEvent.PUBLISHED, VersionStatus.PUBLISHED, trimToNull(notice),
				null, null, actor, "CATALOG_PUBLISHED");
		events.publishEvent(new CatalogVersionPublished(published.id(), published.catalog().code(),
				published.catalog().kind(), published.version()));
		return published;
	}

	/** Records that a city's approved or published catalog version was filed (备案) with the region. */
	@Transactional
	public CatalogVersion file(long versionId, String filingNumber, LocalDate filingDate, String note, Actor actor) {
		versions.lock();
		CatalogVersion version = versions.version(versionId)
			.orElseThrow(() -> DomainException.notFound("CATALOG_VERSION_UNKNOWN", versionId));
		if (version.catalog().kind() != CatalogKind.CITY) {
			throw DomainException.unprocessable("CATALOG_FILING_CITY_ONLY", version.label());
		}
		if (version.filing().isPresent()) {
			throw DomainException.conflict("CATALOG_ALREADY_FILED", version.label(), version.filing().get().document());
		}
		if (version.status() != VersionStatus.APPROVED && version.status() != VersionStatus.PUBLISHED) {
			throw DomainException.conflict("CATALOG_FILING_BEFORE_APPROVAL", version.label(), status(version.status()));
		}
		if (blank(filingNumber) || filingDate == null) {
			throw DomainException.badRequest("CATALOG_FILING_INCOMPLETE");
		}
		if (filingDate.isAfter(today())) {
			throw DomainException.badRequest("CATALOG_DATE_IN_FUTURE", filingDate);
		}
		return step(version, VersionEvent.FILED, version.status(), filingNumber.strip(), filingDate, note, actor,
				"CATALOG_FILED");
	}

	/** Gives up an unpublished version, which is kept. */
	@Transactional
	public CatalogVersion abandon(long versionId, String reason, Actor actor) {
		versions.lock();
		CatalogVersion version = require(versionId,
				EnumSet.of(VersionStatus.DRAFT, VersionStatus.CONSULTATION, VersionStatus.APPROVED),
				VersionStatus.ABANDONED.name());
		if (blank(reason)) {
			throw DomainException.badRequest("CATALOG_REASON_REQUIRED");
		}
		return step(version, VersionEvent.ABANDONED, VersionStatus.ABANDONED, null, null, reason.strip(), actor,
				"CATALOG_ABANDONED");
	}

	// --- rules

	StoredCatalog catalogFor(String catalogCode, Actor actor) {
		String code = catalogCode == null ? "" : catalogCode.strip().toUpperCase(java.util.Locale.ROOT);
		if (code.equals(CatalogKind.NATIONAL_BASE.name())) {
			throw DomainException.unprocessable("CATALOG_BASE_IMPORT_ONLY");
		}
		var existing = versions.catalog(code);
		if (existing.isPresent()) {
			return existing.get();
		}
		if (code.equals(REGION)) {
			return versions.createCatalog(REGION, CatalogKind.REGION, null, now(), actor.name());
		}
		Organisation city = organisations.byCode(code)
			.orElseThrow(() -> DomainException.notFound("CATALOG_CITY_UNKNOWN", code));
		if (city.kind() != OrganisationKind.CITY) {
			throw DomainException.unprocessable("CATALOG_CITY_ORGANISATION_REQUIRED", city.name(), code);
		}
		StoredCatalog created = versions.createCatalog(code, CatalogKind.CITY, city.id(), now(), actor.name());
		audit.record(AuditEntry.of("CATALOG_CREATED", Outcome.SUCCESS,
				Map.of("catalog", code, "kind", CatalogKind.CITY.name(), "organisationId", city.id())));
		return created;
	}

	/** The latest published version to copy, refusing when an unfinished version exists. */
	CatalogVersion openOrLatestPublished(StoredCatalog catalog) {
		for (CatalogVersion v : versions.versions(catalog.id())) {
			switch (v.status()) {
				case DRAFT, CONSULTATION, APPROVED -> throw DomainException.conflict("CATALOG_DRAFT_EXISTS",
						v.label(), status(v.status()));
				case PUBLISHED -> {
					return v;
				}
				case ABANDONED -> {
					// skipped: never in force
				}
			}
		}
		return null;
	}

	/** A supplementary item may not reuse a code of the national base catalog or of another catalog in force. */
	void checkCodeFree(CatalogVersion version, String code) {
		for (PublishedItem p : catalogs.publishedItems()) {
			if (!p.item().code().equals(code)) {
				continue;
			}
			if (p.catalogCode().equals(CatalogKind.NATIONAL_BASE.name())) {
				throw DomainException.conflict("CATALOG_ITEM_CODE_IN_BASE", code);
			}
			if (!p.catalogCode().equals(version.catalog().code())) {
				throw DomainException.conflict("CATALOG_ITEM_CODE_TAKEN", code, p.catalogCode());
			}
		}
	}

	void checkPublishable(CatalogVersion version) {
		List<CatalogItem> items = versions.items(version.id());
		if (items.isEmpty()) {
			throw DomainException.unprocessable("CATALOG_VERSION_EMPTY", version.label());
		}
		for (CatalogItem item : items) {
			ItemRules.checkComplete(item);
			checkCodeFree(version, item.code());
		}
	}

	private CatalogVersion require(long versionId, Set<VersionStatus> from, String target) {
		CatalogVersion version = versions.version(versionId)
			.orElseThrow(() -> DomainException.notFound("CATALOG_VERSION_UNKNOWN", versionId));
		if (!version.catalog().kind().supplementary()) {
			throw DomainException.unprocessable("CATALOG_BASE_IMPORT_ONLY");
		}
		if (!from.contains(version.status())) {
			throw DomainException.conflict(TRANSITION_ILLEGAL, version.label(), status(version.status()),
					new DefaultMessageSourceResolvable(new String[] { "catalog.transition." + target }, target));
		}
		return version;
	}

	private CatalogVersion step(CatalogVersion version, String event, VersionStatus after, String document,
			LocalDate date, String note, Actor actor, String auditAction) {
		versions.addEvent(version.id(), event, after, document, date, trimToNull(note), actor.organisationId(), now(),
				actor.name());
		CatalogVersion updated = versions.version(version.id()).orElseThrow();
		Map<String, Object> detail = detail(updated);
		if (document != null) {
			detail.put("document", document);
		}
		if (date != null) {
			detail.put("date", date.toString());
		}
		audit.record(AuditEntry.of(auditAction, Outcome.SUCCESS, detail));
		return updated;
	}

	static Map<String, Object> detail(CatalogVersion v) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("catalog", v.catalog().code());
		detail.put("version", v.version());
		detail.put("versionId", v.id());
		detail.put("status", v.status().name());
		return detail;
	}

	static DefaultMessageSourceResolvable status(VersionStatus status) {
		return new DefaultMessageSourceResolvable(new String[] { "catalog.status." + status.name() }, status.name());
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	static String trimToNull(String s) {
		return blank(s) ? null : s.strip();
	}
}
