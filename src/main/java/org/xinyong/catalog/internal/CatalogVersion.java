package org.xinyong.catalog.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.xinyong.catalog.Provenance;
import org.xinyong.catalog.VersionStatus;

/**
 * A kept version of a catalog with its lifecycle events, oldest first. Its status is that after its latest event.
 *
 * @param origin BUNDLED (shipped with the application), IMPORT (an uploaded edition) or DRAFT (made in the platform)
 */
public record CatalogVersion(long id, StoredCatalog catalog, int version, String origin, Long copiedFromVersionId,
		String edition, String title, String titleEn, String issuer, String document, LocalDate issuedOn,
		Provenance provenance, String sourceName, String sha256, Instant createdAt, String createdBy,
		List<VersionEvent> events) {

	public CatalogVersion {
		events = List.copyOf(events);
	}

	public VersionStatus status() {
		return events.isEmpty() ? VersionStatus.DRAFT : events.get(events.size() - 1).statusAfter();
	}

	public Optional<VersionEvent> event(String name) {
		return events.stream().filter(e -> e.event().equals(name)).reduce((a, b) -> b);
	}

	public Optional<VersionEvent> approval() {
		return event(VersionEvent.APPROVED);
	}

	public Optional<VersionEvent> publication() {
		return event(VersionEvent.PUBLISHED);
	}

	public Optional<VersionEvent> filing() {
		return event(VersionEvent.FILED);
	}

	/** The end of the public consultation period, while or after it was open. */
	public Optional<VersionEvent> consultation() {
		return event(VersionEvent.CONSULTATION_OPENED);
	}

	public String label() {
		return catalog.code() + " v" + version;
	}
}
