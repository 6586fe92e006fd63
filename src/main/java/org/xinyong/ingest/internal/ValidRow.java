package org.xinyong.ingest.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.xinyong.subject.Identifier;

/**
 * A row that passed every rule of its catalog item, with its values normalised. The canonical JSON (the normalised
 * values, keys in schema order: what is stored and hashed) is kept only inside {@code copyColumns}, so that a batch
 * waiting to be written holds it once.
 *
 * @param contentHash SHA-256 of the canonical JSON in UTF-8
 * @param copyColumns the history-independent columns (natural key, payload, hash, decision date, severity), escaped
 *                    for {@code COPY}, in UTF-8
 */
record ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, byte[] contentHash,
		LocalDate decisionDate, String severity, byte[] copyColumns) {

	ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, String canonicalJson,
			byte[] contentHash, LocalDate decisionDate, String severity) {
		this(rowNo, subject, subjectName, naturalKey, canonicalJson.getBytes(StandardCharsets.UTF_8), contentHash,
				decisionDate, severity);
	}

	ValidRow(long rowNo, Identifier subject, String subjectName, String naturalKey, byte[] json, byte[] contentHash,
			LocalDate decisionDate, String severity) {
		this(rowNo, subject, subjectName, naturalKey, contentHash, decisionDate, severity,
				copyColumns(naturalKey, json, json.length, contentHash, decisionDate, severity));
	}

	/** The canonical JSON as text: the second column of {@link #copyColumns}, its backslashes undoubled. */
	String canonicalJson() {
		int start = 0;
		while (copyColumns[start] != '\t') {
			start += copyColumns[start] == '\\' ? 2 : 1;
		}
		start++;
		CopyBuffer json = new CopyBuffer(copyColumns.length);
		for (int i = start; copyColumns[i] != '\t'; i++) {
			json.put(copyColumns[i]);
			if (copyColumns[i] == '\\') {
				i++; // a doubled backslash
			}
		}
		return new String(json.array(), 0, json.size(), StandardCharsets.UTF_8);
	}

	private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

	/** Each validating thread builds its rows' columns in one buffer and keeps only an exact copy. */
	private static final ThreadLocal<CopyBuffer> SCRATCH = ThreadLocal.withInitial(() -> new CopyBuffer(8192));

	/**
	 * The columns that do not depend on the record's history (natural key, payload, hash, decision date, severity),
	 * escaped for COPY's text format and encoded as UTF-8 — prepared while validating, off the writer thread.
	 *
	 * @param json the canonical JSON in UTF-8; it never holds a raw tab, newline or CR (they are escaped), only
	 *             backslashes to double (a byte that never occurs inside a multi-byte UTF-8 sequence)
	 */
	static byte[] copyColumns(String naturalKey, byte[] json, byte[] contentHash, LocalDate decisionDate,
			String severity) {
		return copyColumns(naturalKey, json, json.length, contentHash, decisionDate, severity);
	}

	/** {@link #copyColumns(String, byte[], byte[], LocalDate, String)} from the first {@code length} bytes of json. */
	static byte[] copyColumns(String naturalKey, byte[] json, int length, byte[] contentHash, LocalDate decisionDate,
			String severity) {
		CopyBuffer out = SCRATCH.get();
		out.clear();
		out.text(naturalKey).put('\t');
		for (int i = 0; i < length; i++) {
			byte b = json[i];
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
