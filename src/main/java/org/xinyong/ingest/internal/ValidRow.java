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
 * @param copyColumns the history-independent columns (natural key, payload, hash, decision date, severity) as binary
 *                    {@code COPY} fields
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

	/** The canonical JSON as text: the second field of {@link #copyColumns}. */
	String canonicalJson() {
		int json = 4 + length(copyColumns, 0) + 4;
		return new String(copyColumns, json, length(copyColumns, json - 4), StandardCharsets.UTF_8);
	}

	private static int length(byte[] b, int at) {
		return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
	}

	/** Each validating thread builds its rows' columns in one buffer and keeps only an exact copy. */
	private static final ThreadLocal<CopyBuffer> SCRATCH = ThreadLocal.withInitial(() -> new CopyBuffer(8192));

	/**
	 * The columns that do not depend on the record's history (natural key, payload, hash, decision date, severity)
	 * as binary {@code COPY} fields — prepared while validating, off the writer thread.
	 *
	 * @param json the canonical JSON in UTF-8
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
		out.textField(naturalKey)
			.bytesField(json, length)
			.bytesField(contentHash, contentHash.length)
			.dateField(decisionDate)
			.textField(severity);
		return out.toByteArray();
	}
}
