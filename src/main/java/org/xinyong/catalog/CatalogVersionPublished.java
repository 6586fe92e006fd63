package org.xinyong.catalog;

/**
 * A catalog version was published (or an official national edition loaded): from now on it is in force for its
 * catalog.
 */
public record CatalogVersionPublished(long catalogVersionId, String catalogCode, CatalogKind kind, int version) {
}
