package org.xinyong.ingest.internal;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.FieldSchema;
import org.xinyong.catalog.FieldType;
import org.xinyong.ingest.RowError;
import org.xinyong.subject.IdentifierCheck;
import org.xinyong.subject.IdentifierIssue;
import org.xinyong.subject.Identifiers;
import org.xinyong.subject.InvalidIdentifierException;
import org.xinyong.subject.SubjectType;
import org.xinyong.subject.UnifiedCode;

/**
 * Checks one row against its catalog item's schema, independently of every other row, and normalises its values:
 * dates to ISO, numbers to plain notation, enumerations to their codes, identifiers to their canonical form.
 * One instance serves one item (and is safe to share between threads).
 */
final class RowValidator {

	static final int DEFAULT_MAX_LENGTH = 4000;
	static final String SUBJECT_NAME_FIELD = "subjectName";

	private static final Pattern DATE = Pattern.compile(
			"(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
	private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);

	private final CatalogItem item;
	private final Map<String, FieldSchema> fields = new HashMap<>();
	private final Map<String, Map<String, String>> enumLookup = new HashMap<>();
	private final Set<String> allowedSubjectTypes;
	private final Clock clock;
	private final Map<String, CodeCheck> organisationCodes = new java.util.concurrent.ConcurrentHashMap<>();

	/** The outcome of checking an organisation's code: its normalised value, or the rule it breaks. */
	private record CodeCheck(String value, String code, List<String> args) {
	}

	private static CodeCheck checkUnifiedCode(String raw) {
		try {
			return new CodeCheck(UnifiedCode.of(raw).value(), null, List.of());
		}
		catch (InvalidIdentifierException e) {
			return new CodeCheck(null, e.code(), java.util.Arrays.stream(e.args()).map(String::valueOf).toList());
		}
	}

	RowValidator(CatalogItem item, Clock clock) {
		this.item = item;
		this.clock = clock;
		for (FieldSchema f : item.fields()) {
			fields.put(f.key(), f);
			if (f.type() == FieldType.ENUM) {
				Map<String, String> lookup = new HashMap<>();
				for (FieldSchema.AllowedValue v : f.allowedValues()) {
					lookup.put(v.value(), v.value());
					lookup.put(v.value().toUpperCase(Locale.ROOT), v.value());
					if (v.label() != null) {
						lookup.put(v.label(), v.value());
					}
					if (v.labelEn() != null) {
						lookup.put(v.labelEn().toUpperCase(Locale.ROOT), v.value());
					}
				}
				enumLookup.put(f.key(), lookup);
			}
		}
		this.allowedSubjectTypes = new java.util.HashSet<>();
		item.subjectTypes().forEach(t -> allowedSubjectTypes.add(t.name()));
	}

	CatalogItem item() {
		return item;
	}

	/** The result of checking one row: a valid row, or the rules it broke. */
	record Outcome(ValidRow row, List<RowError> errors) {
		boolean valid() {
			return row != null;
		}
	}

	/**
	 * @param values field key → raw text; blank means absent
	 */
	Outcome validate(long rowNo, Map<String, String> values) {
		List<RowError> errors = new ArrayList<>(2);
		for (String key : values.keySet()) {
			if (!fields.containsKey(key)) {
				errors.add(error(rowNo, key, "FIELD_UNKNOWN", key));
			}
		}
		Map<String, String> normalised = new HashMap<>(fields.size() * 2);
		org.xinyong.subject.Identifier subject = null;
		for (FieldSchema f : item.fields()) {
			String raw = clean(values.get(f.key()));
			if (raw == null) {
				if (f.required()) {
					errors.add(error(rowNo, f.key(), "FIELD_REQUIRED", f.label()));
				}
				continue;
			}
			int length = raw.codePointCount(0, raw.length());
			int max = f.maxLength() == null ? DEFAULT_MAX_LENGTH : f.maxLength();
			if (length > max) {
				errors.add(error(rowNo, f.key(), "FIELD_TOO_LONG", f.label(), String.valueOf(max)));
				continue;
			}
			switch (f.type()) {
				case SUBJECT_CODE -> {
					IdentifierCheck check = Identifiers.parse(raw, clock);
					if (!check.valid()) {
						for (IdentifierIssue issue : check.errors()) {
							errors.add(new RowError(rowNo, f.key(), issue.code(),
									issue.args().stream().map(String::valueOf).toList()));
						}
					}
					else if (!allowedSubjectTypes.contains(SubjectType.of(check.kind()).name())) {
						errors.add(error(rowNo, f.key(), "SUBJECT_TYPE_NOT_ALLOWED", item.name()));
					}
					else {
						subject = check.identifier().orElseThrow();
						normalised.put(f.key(), subject.value());
					}
				}
				case UNIFIED_CODE -> {
					// authority and source-unit codes repeat on almost every row: check each distinct value once
					CodeCheck check = organisationCodes.get(raw);
					if (check == null) {
						check = checkUnifiedCode(raw);
						if (organisationCodes.size() < 10_000) {
							organisationCodes.put(raw, check);
						}
					}
					if (check.value() != null) {
						normalised.put(f.key(), check.value());
					}
					else {
						errors.add(new RowError(rowNo, f.key(), check.code(), check.args()));
					}
				}
				case DATE -> {
					LocalDate date = parseDate(raw);
					if (date == null) {
						errors.add(error(rowNo, f.key(), "DATE_INVALID", f.label(), raw));
					}
					else if (f.key().equals(item.decisionDateField()) && date.isAfter(LocalDate.now(clock))) {
						errors.add(error(rowNo, f.key(), "DATE_IN_FUTURE", f.label(), date.toString()));
					}
					else {
						normalised.put(f.key(), date.toString());
					}
				}
				case DECIMAL, INTEGER -> {
					String number = parseNumber(raw, f.type() == FieldType.INTEGER);
					if (number == null) {
						errors.add(error(rowNo, f.key(), "NUMBER_INVALID", f.label(), raw));
					}
					else if (number.startsWith("-")) {
						errors.add(error(rowNo, f.key(), "NUMBER_NEGATIVE", f.label(), raw));
					}
					else {
						normalised.put(f.key(), number);
					}
				}
				case ENUM -> {
					Map<String, String> lookup = enumLookup.get(f.key());
					String code = lookup.get(raw);
					if (code == null) {
						code = lookup.get(raw.toUpperCase(Locale.ROOT));
					}
					if (code == null) {
						errors.add(error(rowNo, f.key(), "VALUE_NOT_ALLOWED", f.label(), raw, allowedText(f)));
					}
					else {
						normalised.put(f.key(), code);
					}
				}
				case BOOLEAN -> {
					Boolean b = parseBoolean(raw);
					if (b == null) {
						errors.add(error(rowNo, f.key(), "BOOLEAN_INVALID", f.label(), raw));
					}
					else {
						normalised.put(f.key(), b.toString());
					}
				}
				case TEXT -> normalised.put(f.key(), raw);
			}
		}
		if (item.dishonesty() && item.basisDocumentField() != null
				&& clean(values.get(item.basisDocumentField())) == null) {
			errors.add(error(rowNo, item.basisDocumentField(), "BASIS_DOCUMENT_MISSING", item.name()));
		}
		if (subject == null && errors.isEmpty()) {
			FieldSchema code = item.subjectCodeField();
			errors.add(error(rowNo, code.key(), "FIELD_REQUIRED", code.label()));
		}
		if (!errors.isEmpty()) {
			return new Outcome(null, errors);
		}
		String naturalKey = naturalKey(normalised, subject.value());
		// Strings cache their hash: computed here, while the text is in the CPU's cache, the writers' lookups by
		// record and by subject do not read it again from memory.
		naturalKey.hashCode();
		subject.value().hashCode();
		CopyBuffer json = canonicalBuffer(normalised); // the thread's scratch buffer: hashed and copied, not kept
		LocalDate decisionDate = item.decisionDateField() == null || normalised.get(item.decisionDateField()) == null
				? null : LocalDate.parse(normalised.get(item.decisionDateField()));
		String severity = item.severityField() == null ? null : normalised.get(item.severityField());
		byte[] hash = sha256(json.array(), json.size());
		return new Outcome(new ValidRow(rowNo, subject, normalised.get(SUBJECT_NAME_FIELD), naturalKey, hash,
				decisionDate, severity, ValidRow.copyColumns(naturalKey, json.array(), json.size(), hash, decisionDate,
						severity)), List.of());
	}

	/**
	 * The values of the item's natural-key fields; an item without one identifies a record by its subject and
	 * full content (so every distinct row is its own record).
	 */
	private String naturalKey(Map<String, String> normalised, String subjectCode) {
		if (item.naturalKey().isEmpty()) {
			return subjectCode + '\u001f' + canonicalJson(normalised);
		}
		StringBuilder key = new StringBuilder();
		for (String k : item.naturalKey()) {
			if (key.length() > 0) {
				key.append('\u001f');
			}
			key.append(normalised.getOrDefault(k, ""));
		}
		return key.toString();
	}

	/** Values in schema order; numbers and booleans as JSON literals, everything else as strings. */
	String canonicalJson(Map<String, String> normalised) {
		return new String(canonicalBytes(normalised), StandardCharsets.UTF_8);
	}

	private static final ThreadLocal<CopyBuffer> JSON = ThreadLocal.withInitial(() -> new CopyBuffer(4096));

	/**
	 * {@link #canonicalJson} encoded as UTF-8 (exactly {@code canonicalJson(normalised).getBytes(UTF_8)}), built
	 * without the intermediate text.
	 */
	byte[] canonicalBytes(Map<String, String> normalised) {
		return canonicalBuffer(normalised).toByteArray();
	}

	/** {@link #canonicalBytes} in the calling thread's scratch buffer (valid until its next call). */
	private CopyBuffer canonicalBuffer(Map<String, String> normalised) {
		CopyBuffer json = JSON.get();
		json.clear();
		json.put('{');
		boolean first = true;
		for (FieldSchema f : item.fields()) {
			String v = normalised.get(f.key());
			if (v == null) {
				continue;
			}
			if (!first) {
				json.put(',');
			}
			first = false;
			json.jsonString(f.key());
			json.put(':');
			if (f.type() == FieldType.DECIMAL || f.type() == FieldType.INTEGER || f.type() == FieldType.BOOLEAN) {
				json.raw(v); // plain ASCII literals
			}
			else {
				json.jsonString(v);
			}
		}
		return json.put('}');
	}

	static void appendString(StringBuilder out, String s) {
		out.append('"');
		int plain = 0;
		while (plain < s.length()) {
			char c = s.charAt(plain);
			if (c < 0x20 || c == '"' || c == '\\') {
				break;
			}
			plain++;
		}
		if (plain == s.length()) { // the common case: nothing to escape
			out.append(s).append('"');
			return;
		}
		out.append(s, 0, plain);
		for (int i = plain; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** Trims ASCII and ideographic whitespace; blank becomes null. */
	static String clean(String raw) {
		if (raw == null) {
			return null;
		}
		int start = 0;
		int end = raw.length();
		while (start < end && isSpace(raw.charAt(start))) {
			start++;
		}
		while (end > start && isSpace(raw.charAt(end - 1))) {
			end--;
		}
		return start == end ? null : raw.substring(start, end);
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0';
	}

	static LocalDate parseDate(String raw) {
		try {
			Matcher m = DATE.matcher(raw);
			if (m.matches()) {
				return plausible(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3))));
			}
			m = COMPACT_DATE.matcher(raw);
			if (m.matches()) {
				return plausible(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3))));
			}
		}
		catch (DateTimeException | NumberFormatException e) {
			return null;
		}
		return null;
	}

	private static LocalDate plausible(LocalDate d) {
		return d.isBefore(EARLIEST) || d.getYear() > 2200 ? null : d;
	}

	static String parseNumber(String raw, boolean integer) {
		String s = raw.replace(",", "").replace("，", "");
		try {
			BigDecimal value = new BigDecimal(s);
			if (integer) {
				return value.stripTrailingZeros().scale() > 0 ? null : value.toBigIntegerExact().toString();
			}
			value = value.stripTrailingZeros();
			return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
		}
		catch (NumberFormatException | ArithmeticException e) {
			return null;
		}
	}

	static Boolean parseBoolean(String raw) {
		return switch (raw.toLowerCase(Locale.ROOT)) {
			case "true", "是", "1", "y", "yes" -> Boolean.TRUE;
			case "false", "否", "0", "n", "no" -> Boolean.FALSE;
			default -> null;
		};
	}

	private static String allowedText(FieldSchema f) {
		StringBuilder s = new StringBuilder();
		for (FieldSchema.AllowedValue v : f.allowedValues()) {
			if (s.length() > 0) {
				s.append(", ");
			}
			s.append(v.value());
			if (v.label() != null) {
				s.append('(').append(v.label()).append(')');
			}
		}
		return s.toString();
	}

	private static RowError error(long row, String field, String code, String... args) {
		return new RowError(row, field, code, List.of(args));
	}

	static byte[] sha256(String s) {
		return sha256(s.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] sha256(byte[] utf8) {
		return sha256(utf8, utf8.length);
	}

	static byte[] sha256(byte[] utf8, int length) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(utf8, 0, length);
			return digest.digest();
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
