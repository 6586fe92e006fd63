package org.xinyong.disclosure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldType;
import org.xinyong.catalog.Masking;
import org.xinyong.subject.SubjectType;

/**
 * Masks personal data for the public website and public API, following each field's masking rule in the catalog.
 * A natural person's masked fields are all masked; for organisations only identity document numbers of people
 * (e.g. the legal representative's) are masked — an organisation's own code, name and address are public.
 */
public final class PublicMasking {

	private static final String STARS = "*";

	private PublicMasking() {
	}

	/** The record's values as the public sees them (fields absent from the schema are not shown). */
	public static Map<String, Object> mask(CatalogItem item, SubjectType subjectType, Map<String, Object> values) {
		Map<String, Object> shown = new LinkedHashMap<>();
		for (FieldSchema field : item.fields()) {
			Object value = values.get(field.key());
			if (value == null) {
				continue;
			}
			shown.put(field.key(), masked(field, subjectType) ? mask(field.masking(), String.valueOf(value)) : value);
		}
		return shown;
	}

	static boolean masked(FieldSchema field, SubjectType subjectType) {
		if (field.masking() == Masking.NONE) {
			return false;
		}
		if (subjectType == SubjectType.NATURAL_PERSON) {
			return true;
		}
		return field.masking() == Masking.ID_NUMBER && field.type() != FieldType.SUBJECT_CODE;
	}

	/** Masks one value by the rule. */
	public static String mask(Masking rule, String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (rule) {
			case NONE -> value;
			case ID_NUMBER -> keepEnds(value, 6, 4);
			case PHONE -> keepEnds(value.replaceAll("[\\s-]", ""), 3, 4);
			case ADDRESS -> address(value);
			case PERSON_NAME -> keepEnds(value, 1, 0);
		};
	}

	/**
	 * Keeps up to {@code head} and {@code tail} code points, but always hides at least a third of the value (short
	 * values keep less, never the whole).
	 */
	static String keepEnds(String value, int head, int tail) {
		int[] cps = value.codePoints().toArray();
		int n = cps.length;
		if (n <= 1) {
			return STARS;
		}
		int hidden = Math.max(n - head - tail, (n + 2) / 3);
		int kept = n - hidden;
		head = Math.min(head, kept);
		tail = kept - head;
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < head; i++) {
			out.appendCodePoint(cps[i]);
		}
		out.append(STARS.repeat(n - head - tail));
		for (int i = n - tail; i < n; i++) {
			out.appendCodePoint(cps[i]);
		}
		return out.toString();
	}

	/** Keeps the address up to the county level (县/区/旗/县级市), masks the rest. */
	static String address(String value) {
		int cut = -1;
		for (int i = 1; i < value.length() && cut < 0; i++) {
			char c = value.charAt(i);
			boolean autonomousRegion = c == '区' && value.startsWith("自治区", i - 2);
			if ((c == '县' || c == '区' || c == '旗') && !autonomousRegion) {
				cut = i;
			}
		}
		if (cut < 0) {
			int city = value.lastIndexOf('市');
			cut = city >= 1 ? city : Math.max(0, Math.min(2, value.length() - 2));
		}
		return value.substring(0, cut + 1) + "****";
	}
}
