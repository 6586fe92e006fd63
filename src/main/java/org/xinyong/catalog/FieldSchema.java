package org.xinyong.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One field of a catalog item's schema.
 *
 * @param key           stable field key used in API payloads (e.g. {@code decisionNumber})
 * @param label         Chinese label, also the spreadsheet column header
 * @param labelEn       English label
 * @param maxLength     for text fields, the most characters accepted; null for no limit beyond the platform's
 * @param allowedValues for {@link FieldType#ENUM}, the accepted values
 */
public record FieldSchema(String key, String label, String labelEn, FieldType type, boolean required,
		Integer maxLength, List<AllowedValue> allowedValues, Masking masking) {

	public FieldSchema {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(type, "type");
		allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
		masking = masking == null ? Masking.NONE : masking;
	}

	/** An accepted value of an enumerated field, with its labels. */
	public record AllowedValue(String value, String label, String labelEn) {
	}
}
