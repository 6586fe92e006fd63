/**
 * Ingestion (归集, art. 24, 28–30, 53): submissions of credit records by API and by file, row-level validation
 * against the catalog, records and their versions (never deleted or overwritten), corrections and revocations,
 * and provider accountability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ingest")
package org.xinyong.ingest;
