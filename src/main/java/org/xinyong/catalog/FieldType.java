package org.xinyong.catalog;

/** The value types a catalog field can have; ingestion validates and normalises values by type. */
public enum FieldType {
	/** Free text up to {@code maxLength}. */
	TEXT,
	/** A date, {@code YYYY-MM-DD} (also accepted: {@code YYYY/MM/DD}, {@code YYYYMMDD}, {@code YYYY年M月D日}). */
	DATE,
	/** A decimal number (e.g. 万元 amounts), stored in plain notation without grouping. */
	DECIMAL,
	/** A whole number. */
	INTEGER,
	/** One of {@code allowedValues}. */
	ENUM,
	/** The credit subject's identifier: a unified social credit code, citizen ID or other document number. */
	SUBJECT_CODE,
	/** An organisation's unified social credit code (e.g. of the deciding authority). */
	UNIFIED_CODE,
	/** {@code true}/{@code false} (also 是/否). */
	BOOLEAN
}
