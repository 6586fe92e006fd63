package org.xinyong.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The canonical bytes of a record version's ledger leaf (documented in {@code docs/ledger.md} so that anyone can
 * recompute a leaf): UTF-8 text, one field per line in this fixed order, {@code -} for an absent value, times in
 * UTC as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (always six fraction digits), hashes in lower-case hex.
 *
 * <pre>
 * xinyong-record-version/v1
 * record id · version · kind · catalog item · provider id · subject id · SHA-256 of the payload JSON text ·
 * catalog version id · submission id · agreement id · self-declared (true/false) · recorded by · recorded at · reason
 * </pre>
 */
final class LeafEncoding {

	static final String HEADER = "xinyong-record-version/v1";
	static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);
	static final java.time.format.DateTimeFormatter MILLIS = java.time.format.DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private LeafEncoding() {
	}

	/** A record version's stored facts, as the ledger encodes them. */
	record VersionFacts(UUID recordId, int versionNo, String kind, String catalogItem, long providerId,
			long subjectId, byte[] contentHash, long catalogVersionId, Long submissionId, Long agreementId,
			boolean selfDeclared, String recordedBy, Instant recordedAt, String reason) {
	}

	static byte[] encode(VersionFacts v) {
		StringBuilder s = new StringBuilder(320);
		line(s, HEADER);
		line(s, v.recordId().toString());
		line(s, Integer.toString(v.versionNo()));
		line(s, v.kind());
		line(s, v.catalogItem());
		line(s, Long.toString(v.providerId()));
		line(s, Long.toString(v.subjectId()));
		line(s, HexFormat.of().formatHex(v.contentHash()));
		line(s, Long.toString(v.catalogVersionId()));
		line(s, v.submissionId() == null ? "-" : v.submissionId().toString());
		line(s, v.agreementId() == null ? "-" : v.agreementId().toString());
		line(s, Boolean.toString(v.selfDeclared()));
		line(s, oneLine(v.recordedBy()));
		line(s, TIME.format(v.recordedAt().truncatedTo(ChronoUnit.MICROS)));
		line(s, v.reason() == null ? "-" : oneLine(v.reason()));
		return s.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void line(StringBuilder s, String value) {
		s.append(value).append('\n');
	}

	/** Line breaks inside a value are written as the two characters {@code \n}, backslashes as {@code \\}. */
	static String oneLine(String value) {
		return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}
}
