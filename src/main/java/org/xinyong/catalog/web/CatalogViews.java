package org.xinyong.catalog.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.xinyong.access.Organisation;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.VersionStatus;
import org.xinyong.catalog.internal.CatalogService;
import org.xinyong.catalog.internal.CatalogVersion;
import org.xinyong.catalog.internal.Comment;
import org.xinyong.catalog.internal.StoredCatalog;
import org.xinyong.catalog.internal.VersionEvent;

/** JSON views of catalogs and versions for the administration API. */
final class CatalogViews {

	private CatalogViews() {
	}

	record CatalogView(String code, CatalogKind kind, Long ownerOrganisationId, String ownerName,
			List<VersionView> versions) {
	}

	/** A version; {@code items}, {@code events} and {@code comments} only in the detail view. */
	record VersionView(long id, String catalogCode, CatalogKind kind, int version, String origin, VersionStatus status,
			boolean inForce, Long copiedFromVersionId, String edition, String title, String issuer, String document,
			LocalDate issuedOn, Provenance provenance, String sourceName, String sha256, Instant createdAt,
			String createdBy, Approval approval, Filing filing, List<VersionEvent> events, List<Comment> comments,
			List<CatalogItem> items) {
	}

	record Approval(String document, LocalDate documentDate, Instant recordedAt, String recordedBy) {
	}

	/** Filing (备案) of a city's version with the region: number and date. */
	record Filing(String filingNumber, LocalDate filingDate, Instant recordedAt, String recordedBy) {
	}

	record ImportView(boolean loaded, int items, VersionView version) {
	}

	static CatalogView catalog(StoredCatalog c, List<CatalogVersion> versions, CatalogService catalogs,
			Organisations organisations) {
		String owner = c.ownerOrganisationId() == null ? null
				: organisations.byId(c.ownerOrganisationId()).map(Organisation::name).orElse(null);
		return new CatalogView(c.code(), c.kind(), c.ownerOrganisationId(), owner,
				versions.stream().map(v -> summary(v, catalogs)).toList());
	}

	static VersionView summary(CatalogVersion v, CatalogService catalogs) {
		return view(v, catalogs, null, null, null);
	}

	static VersionView detail(CatalogVersion v, List<CatalogItem> items, List<Comment> comments,
			CatalogService catalogs) {
		return view(v, catalogs, v.events(), comments, items);
	}

	private static VersionView view(CatalogVersion v, CatalogService catalogs, List<VersionEvent> events,
			List<Comment> comments, List<CatalogItem> items) {
		boolean inForce = catalogs.versionsInForce().stream().anyMatch(x -> x.id() == v.id());
		Approval approval = v.approval()
			.map(a -> new Approval(a.document(), a.documentDate(), a.occurredAt(), a.actor()))
			.orElse(null);
		Filing filing = v.filing()
			.map(f -> new Filing(f.document(), f.documentDate(), f.occurredAt(), f.actor()))
			.orElse(null);
		return new VersionView(v.id(), v.catalog().code(), v.catalog().kind(), v.version(), v.origin(), v.status(),
				inForce, v.copiedFromVersionId(), v.edition(), v.title(), v.issuer(), v.document(), v.issuedOn(),
				v.provenance(), v.sourceName(), v.sha256(), v.createdAt(), v.createdBy(), approval, filing, events,
				comments, items);
	}
}
