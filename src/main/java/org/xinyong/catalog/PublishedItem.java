package org.xinyong.catalog;

/**
 * An item as published in a catalog version — what records are validated against.
 *
 * @param catalogVersionId the id of the published catalog version (records name it)
 * @param catalogCode      the catalog ({@code NATIONAL_BASE}, {@code REGION}, or a city's code)
 */
public record PublishedItem(long catalogVersionId, String catalogCode, CatalogItem item) {
}
