package org.xinyong.catalog.internal;

import java.time.Instant;

import org.xinyong.catalog.CatalogKind;

/** A catalog: the national base catalog, the region's supplementary catalog, or a city's (owned by its organisation). */
public record StoredCatalog(long id, String code, CatalogKind kind, Long ownerOrganisationId, Instant createdAt,
		String createdBy) {
}
