package org.xinyong.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditEntry.Outcome;
import org.xinyong.audit.AuditLog;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.CatalogKind;
import org.xinyong.catalog.CatalogVersionPublished;
import org.xinyong.catalog.VersionStatus;
import org.xinyong.platform.DomainException;

/**
 * Loads catalog files: the national base catalog shipped with the application (version 1, if absent) and
 * editions uploaded by platform administrators. An edition of the national base catalog is published as it comes
 * (it is the official text); a file for the region's or a city's catalog becomes a new draft that goes through
 * the lifecycle. A file equal to the latest version of its catalog changes nothing; otherwise a new version is
 * added — nothing is ever overwritten.
 */
@Service
public class EditionImports {

	public static final String AUDIT_ACTION = "CATALOG_EDITION_IMPORTED";

	private static final Logger log = LoggerFactory.getLogger(EditionImports.class);

	private final Versions versions;
	private final SupplementaryCatalogs supplementary;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final Clock clock;

	EditionImports(Versions versions, SupplementaryCatalogs supplementary, AuditLog audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactionManager, Clock clock) {
		this.versions = versions;
		this.supplementary = supplementary;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** What an import did: the version it added, or the equal version it found ({@code loaded} false). */
	public record ImportResult(CatalogVersion version, boolean loaded, int items) {
	}

	/** Imports a file a platform administrator uploaded; refusals are audited too. */
	public ImportResult upload(byte[] content, String fileName, Actor actor) {
		CatalogFile file;
		try {
			file = CatalogFile.parse(content);
		}
		catch (DomainException e) {
			Map<String, Object> detail = new LinkedHashMap<>();
			if (fileName != null) {
				detail.put("file", fileName);
			}
			detail.put("code", e.code());
			if (e instanceof CatalogContentInvalidException invalid) {
				detail.put("reason", invalid.reason().name());
				detail.put("path", invalid.path());
			}
			audit.record(AuditEntry.of(AUDIT_ACTION, Outcome.FAILURE, detail));
			throw e;
		}
		return load(file, content, "IMPORT", fileName, actor);
	}

	/** Loads the shipped national base catalog as version 1 unless the catalog already exists. */
	public Optional<ImportResult> loadBundledIfAbsent(String resourceName, byte[] content) {
		if (versions.catalog(CatalogKind.NATIONAL_BASE.name()).isPresent()) {
			return Optional.empty();
		}
		CatalogFile file = CatalogFile.parse(content);
		if (!file.nationalBase()) {
			throw new IllegalStateException(resourceName + " is not a national base catalog");
		}
		return Optional.of(load(file, content, "BUNDLED", resourceName, Actor.SYSTEM));
	}

	private ImportResult load(CatalogFile file, byte[] content, String origin, String fileName, Actor actor) {
		String sha256 = sha256(CatalogFile.text(content));
		ImportResult result = transactions.execute(status -> {
			versions.lock();
			return file.nationalBase() ? loadBase(file, origin, fileName, sha256, actor)
					: loadSupplementary(file, fileName, sha256, actor);
		});
		if (result.loaded()) {
			CatalogVersion v = result.version();
			log.info("Catalog {} version {} loaded from {} ({} items, sha256 {})", v.catalog().code(), v.version(),
					fileName == null ? "(request body)" : fileName, result.items(), sha256);
		}
		return result;
	}

	private ImportResult loadBase(CatalogFile file, String origin, String fileName, String sha256, Actor actor) {
		StoredCatalog catalog = versions.catalog(CatalogKind.NATIONAL_BASE.name())
			.orElseGet(() -> versions.createCatalog(CatalogKind.NATIONAL_BASE.name(), CatalogKind.NATIONAL_BASE, null,
					now(), actor.name()));
		Optional<CatalogVersion> latest = versions.latest(catalog.id());
		if (latest.isPresent() && same(latest.get(), file, sha256)) {
			return new ImportResult(latest.get(), false, file.items().size());
		}
		long id = addVersion(catalog, file, origin, fileName, sha256, null, actor);
		versions.addEvent(id, VersionEvent.PUBLISHED, VersionStatus.PUBLISHED, file.document(), file.issuedOn(),
				file.edition() == null ? null : "edition " + file.edition(), actor.organisationId(), now(),
				actor.name());
		CatalogVersion added = versions.version(id).orElseThrow();
		audited(added, file, fileName, sha256, actor);
		events.publishEvent(new CatalogVersionPublished(added.id(), added.catalog().code(), added.catalog().kind(),
				added.version()));
		return new ImportResult(added, true, file.items().size());
	}

	private ImportResult loadSupplementary(CatalogFile file, String fileName, String sha256, Actor actor) {
		StoredCatalog catalog = supplementary.catalogFor(file.catalog(), actor);
		CatalogVersion base = supplementary.openOrLatestPublished(catalog);
		if (base != null && same(base, file, sha256)) {
			return new ImportResult(base, false, file.items().size());
		}
		long id = addVersion(catalog, file, "IMPORT", fileName, sha256, base == null ? null : base.id(), actor);
		versions.addEvent(id, VersionEvent.CREATED, VersionStatus.DRAFT, null, null, null, actor.organisationId(),
				now(), actor.name());
		CatalogVersion added = versions.version(id).orElseThrow();
		for (CatalogItem item : file.items()) {
			supplementary.checkCodeFree(added, item.code());
		}
		audited(added, file, fileName, sha256, actor);
		return new ImportResult(added, true, file.items().size());
	}

	private long addVersion(StoredCatalog catalog, CatalogFile file, String origin, String fileName, String sha256,
			Long copiedFrom, Actor actor) {
		long id = versions.addVersion(catalog.id(),
				new Versions.NewVersion(origin, copiedFrom, file.edition(), file.title(), file.titleEn(), file.issuer(),
						file.document(), file.issuedOn(), file.provenance(), file.categories(), fileName, sha256),
				now(), actor.name());
		for (CatalogItem item : file.items()) {
			versions.putItem(id, item, now(), actor.name());
		}
		return id;
	}

	private boolean same(CatalogVersion version, CatalogFile file, String sha256) {
		if (sha256.equals(version.sha256())) {
			return true;
		}
		return versions.items(version.id()).equals(file.items())
				&& (!file.nationalBase() || versions.categories(version.id()).equals(file.categories()))
				&& java.util.Objects.equals(version.edition(), file.edition())
				&& java.util.Objects.equals(version.document(), file.document());
	}

	private void audited(CatalogVersion v, CatalogFile file, String fileName, String sha256, Actor actor) {
		Map<String, Object> detail = SupplementaryCatalogs.detail(v);
		detail.put("origin", v.origin());
		if (fileName != null) {
			detail.put("file", fileName);
		}
		if (file.edition() != null) {
			detail.put("edition", file.edition());
		}
		detail.put("items", file.items().size());
		detail.put("sha256", sha256);
		AuditEntry entry = AuditEntry.of(AUDIT_ACTION, Outcome.SUCCESS, detail);
		audit.record(actor == Actor.SYSTEM ? entry.withActor(Actor.SYSTEM.name(), null, null) : entry);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
