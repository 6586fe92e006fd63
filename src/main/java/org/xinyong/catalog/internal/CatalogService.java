package org.xinyong.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.CatalogArchive;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.CategoryInfo;
import org.xinyong.catalog.InfoCategory;
import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.ProvisionDecision;
import org.xinyong.catalog.PublishedItem;

/**
 * The catalogs in force and the provision rules. The items in force are held in memory and rebuilt whenever a
 * version has been published anywhere (checked with one small query per call).
 */
@Service
public class CatalogService implements Catalogs, CatalogArchive {

	public static final String ITEM_UNKNOWN = "CATALOG_ITEM_UNKNOWN";
	public static final String PROVIDER_NOT_RESPONSIBLE = "PROVIDER_NOT_RESPONSIBLE";
	public static final String AGREEMENT_MISSING = "COLLECTOR_AGREEMENT_MISSING";
	public static final String AGREEMENT_EXPIRED = "COLLECTOR_AGREEMENT_EXPIRED";
	public static final String AGREEMENT_NOT_YET_VALID = "COLLECTOR_AGREEMENT_NOT_YET_VALID";
	public static final String SELF_DECLARATION_ONLY = "SELF_DECLARATION_ONLY";

	private final Versions versions;
	private final ItemProviders providers;
	private final CollectorAgreements agreements;
	private final Organisations organisations;

	private volatile Snapshot snapshot;
	/** Items of published versions, which never change. */
	private final Map<Long, Map<String, CatalogItem>> publishedVersions = new ConcurrentHashMap<>();

	CatalogService(Versions versions, ItemProviders providers, CollectorAgreements agreements,
			Organisations organisations) {
		this.versions = versions;
		this.providers = providers;
		this.agreements = agreements;
		this.organisations = organisations;
	}

	/** What is in force. */
	record Snapshot(long stamp, List<CatalogVersion> versions, List<PublishedItem> items,
			Map<String, PublishedItem> byCode, List<CategoryInfo> categories) {
	}

	@Override
	public Optional<PublishedItem> publishedItem(String itemCode) {
		return Optional.ofNullable(itemCode == null ? null : snapshot().byCode().get(itemCode));
	}

	@Override
	public List<PublishedItem> publishedItems() {
		return snapshot().items();
	}

	/** The versions in force: national base first, then the region's, then the cities'. */
	public List<CatalogVersion> versionsInForce() {
		return snapshot().versions();
	}

	public Optional<CatalogVersion> versionInForce(String catalogCode) {
		return versionsInForce().stream().filter(v -> v.catalog().code().equals(catalogCode)).findFirst();
	}

	@Override
	public List<CategoryInfo> categories() {
		return snapshot().categories();
	}

	public Optional<CategoryInfo> category(InfoCategory code) {
		return categories().stream().filter(c -> c.code() == code).findFirst();
	}

	@Override
	public Optional<PublishedItem> itemOfVersion(long catalogVersionId, String itemCode) {
		Map<String, CatalogItem> items = publishedVersions.get(catalogVersionId);
		CatalogVersion version = null;
		if (items == null) {
			version = versions.version(catalogVersionId).orElse(null);
			if (version == null || version.publication().isEmpty()) {
				return Optional.empty();
			}
			items = Versions.byCode(versions.items(catalogVersionId));
			publishedVersions.put(catalogVersionId, items);
		}
		CatalogItem item = items.get(itemCode);
		if (item == null) {
			return Optional.empty();
		}
		if (version == null) {
			version = versions.version(catalogVersionId).orElseThrow();
		}
		return Optional.of(published(version, item));
	}

	@Override
	public ProvisionDecision mayProvide(long organisationId, String itemCode, LocalDate on) {
		PublishedItem published = publishedItem(itemCode).orElse(null);
		if (published == null) {
			return ProvisionDecision.refuse(ITEM_UNKNOWN);
		}
		if (published.item().category() == InfoCategory.VOLUNTARY) {
			return ProvisionDecision.refuse(SELF_DECLARATION_ONLY);
		}
		Organisation organisation = organisations.byId(organisationId).orElse(null);
		if (organisation == null) {
			return ProvisionDecision.refuse(PROVIDER_NOT_RESPONSIBLE);
		}
		if (organisation.demo()) {
			return ProvisionDecision.allow();
		}
		if (providers.of(organisationId, itemCode).stream().anyMatch(a -> a.appliesOn(on))) {
			return ProvisionDecision.allow();
		}
		List<Agreement> covering = agreements.covering(organisationId, itemCode);
		Optional<Agreement> valid = covering.stream().filter(a -> a.validOn(on)).findFirst();
		if (valid.isPresent()) {
			return ProvisionDecision.allowUnder(valid.get().id());
		}
		if (organisation.kind() != OrganisationKind.COLLECTOR && covering.isEmpty()) {
			return ProvisionDecision.refuse(PROVIDER_NOT_RESPONSIBLE);
		}
		if (covering.isEmpty()) {
			return ProvisionDecision.refuse(AGREEMENT_MISSING);
		}
		boolean ended = covering.stream().anyMatch(a -> !on.isBefore(a.endsOn()));
		return ProvisionDecision.refuse(ended ? AGREEMENT_EXPIRED : AGREEMENT_NOT_YET_VALID);
	}

	private Snapshot snapshot() {
		long stamp = versions.publicationStamp();
		Snapshot current = snapshot;
		if (current == null || current.stamp() != stamp) {
			current = build(stamp);
			snapshot = current;
		}
		return current;
	}

	private Snapshot build(long stamp) {
		List<CatalogVersion> inForce = new ArrayList<>();
		for (long id : versions.inForce()) {
			versions.version(id).ifPresent(inForce::add);
		}
		inForce.sort(Comparator.comparingInt((CatalogVersion v) -> v.catalog().kind().ordinal())
			.thenComparing(v -> v.catalog().code()));
		List<PublishedItem> items = new ArrayList<>();
		Map<String, PublishedItem> byCode = new LinkedHashMap<>();
		List<CategoryInfo> categories = List.of();
		for (CatalogVersion v : inForce) {
			List<CatalogItem> defined = versions.items(v.id());
			publishedVersions.putIfAbsent(v.id(), Versions.byCode(defined));
			for (CatalogItem item : defined) {
				PublishedItem p = published(v, item);
				items.add(p);
				byCode.putIfAbsent(item.code(), p);
			}
			if (v.catalog().kind() == CatalogKind.NATIONAL_BASE) {
				categories = versions.categories(v.id())
					.stream()
					.sorted(Comparator.comparingInt(CategoryInfo::number))
					.toList();
			}
		}
		return new Snapshot(stamp, List.copyOf(inForce), List.copyOf(items), Map.copyOf(byCode), categories);
	}

	/**
	 * An item as published. A supplementary item that states no provenance of its own is vouched for by the
	 * document that approved its catalog version.
	 */
	static PublishedItem published(CatalogVersion version, CatalogItem item) {
		CatalogItem shown = item;
		if (item.provenance() == null) {
			String source = version.approval()
				.map(a -> a.document() + (a.documentDate() == null ? "" : " (" + a.documentDate() + ")"))
				.orElse(version.document());
			shown = new CatalogItem(item.code(), item.category(), item.name(), item.nameEn(), item.subjectTypes(),
					item.responsibleUnit(), item.legalBasis(), item.openness(), item.sharing(), item.dishonesty(),
					item.severityField(), item.naturalKey(), item.basisDocumentField(), item.decisionDateField(),
					source == null ? Provenance.unverified(version.label()) : new Provenance(true, source),
					item.fields());
		}
		return new PublishedItem(version.id(), version.catalog().code(), shown);
	}
}
