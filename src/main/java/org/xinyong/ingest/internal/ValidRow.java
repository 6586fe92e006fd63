package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.xinyong.subject.Identifier;

/**
 * A row that passed every rule of its catalog item, with its values normalised.
 *
 * @param canonicalJson the normalised values as JSON, keys in schema order (what is stored and hashed)
 * @param contentHash   SHA-256 of {@code canonicalJson}
 * @param copyColumns   the history-independent columns, escaped for {@code COPY}, in UTF-8
 */
record ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
		byte[] contentHash, LocalDate decisionDate, String severity, byte[] copyColumns) {

	ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
			byte[] contentHash, LocalDate decisionDate, String severity) {
		this(rowNo, subject, subjectName, naturalKey, canonicalJson, contentHash, decisionDate, severity,
				copyColumns(naturalKey, canonicalJson.getBytes(StandardCharsets.UTF_8), contentHash, decisionDate,
						severity));
	}

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The columns that do not depend on the record's history (natural key, payload, hash, decision date, severity),
	 * escaped for COPY's text format and encoded as UTF-8 — prepared while validating, off the writer thread.
	 *
	 * @param json the canonical JSON in UTF-8; it never holds a raw tab, newline or CR (they are escaped), only
	 *             backslashes to double (a byte that never occurs inside a multi-byte UTF-8 sequence)
	 */
	static byte[] copyColumns(String naturalKey, byte[] json, byte[] contentHash, LocalDate decisionDate,
			String severity) {
		CopyBuffer out = new CopyBuffer(json.length + 3 * naturalKey.length() + 120);
		out.text(naturalKey).put('\t');
		for (byte b : json) {
			if (b == '\\') {
				out.put('\\');
			}
			out.put(b);
		}
		out.put('\t').put('\\').put('\\').put('x');
		for (byte b : contentHash) {
			out.put(HEX[(b >> 4) & 0xF]).put(HEX[b & 0xF]);
		}
		out.put('\t');
		if (decisionDate == null) {
			out.put('\\').put('N');
		}
		else {
			out.ascii(decisionDate.toString());
		}
		out.put('\t');
		if (severity == null) {
			out.put('\\').put('N');
		}
		else {
			out.text(severity);
		}
		return out.toByteArray();
	}
}
