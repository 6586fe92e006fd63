package org.xinyong.ingest.internal;

import java.time.LocalDate;

import org.xinyong.subject.Identifier;

/**
 * A row that passed every rule of its catalog item, with its values normalised.
 *
 * @param canonicalJson the normalised values as JSON, keys in schema order (what is stored and hashed)
 * @param contentHash   SHA-256 of {@code canonicalJson}
 * @param copyColumns   the history-independent columns, escaped for {@code COPY}
 */
record ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
		byte[] contentHash, LocalDate decisionDate, String severity, String copyColumns) {

	ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
			byte[] contentHash, LocalDate decisionDate, String severity) {
		this(rowNo, subject, subjectName, naturalKey, canonicalJson, contentHash, decisionDate, severity,
				copyColumns(naturalKey, canonicalJson, contentHash, decisionDate, severity));
	}

	/**
	 * The columns that do not depend on the record's history (natural key, payload, hash, decision date, severity),
	 * escaped for COPY — prepared while validating, off the writer thread.
	 */
	private static final char[] HEX = "0123456789abcdef".toCharArray();

	static String copyColumns(String naturalKey, String canonicalJson, byte[] contentHash, LocalDate decisionDate,
			String severity) {
		StringBuilder out = new StringBuilder(canonicalJson.length() + naturalKey.length() + 120);
		RecordStore.text(out, naturalKey);
		out.append('\t');
		// the canonical JSON never holds a raw tab, newline or CR (they are escaped), only backslashes to double
		out.append(canonicalJson.indexOf('\\') < 0 ? canonicalJson : canonicalJson.replace("\\", "\\\\"));
		out.append("\t\\\\x");
		for (byte b : contentHash) {
			out.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
		}
		out.append('\t');
		out.append(decisionDate == null ? "\\N" : decisionDate.toString()).append('\t');
		if (severity == null) {
			out.append("\\N");
		}
		else {
			RecordStore.text(out, severity);
		}
		return out.toString();
	}
}
