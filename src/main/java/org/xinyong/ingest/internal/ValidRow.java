package org.xinyong.ingest.internal;

import java.time.LocalDate;

import org.xinyong.subject.Identifier;

/**
 * A row that passed every rule of its catalog item, with its values normalised.
 *
 * @param canonicalJson the normalised values as JSON, keys in schema order (what is stored and hashed)
 * @param contentHash   SHA-256 of {@code canonicalJson}
 */
record ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
		byte[] contentHash, LocalDate decisionDate, String severity) {
}
