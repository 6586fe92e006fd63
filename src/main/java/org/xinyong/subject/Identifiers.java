package org.xinyong.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.xinyong.platform.Zones;
import org.xinyong.subject.internal.BirthDates;
import org.xinyong.subject.internal.Digits;
import org.xinyong.subject.internal.Gb11643;
import org.xinyong.subject.internal.IdentifierText;

/**
 * Recognises and checks an identifier typed or pasted by someone, without being told what it is. Never throws
 * for bad input: the {@link IdentifierCheck} names the most plausible kind and every rule broken.
 * <p>
 * Detection order (after normalisation), see docs/identifiers.md:
 * <ol>
 * <li>empty: {@code IDENTIFIER_EMPTY}; longer than {@value #MAX_LENGTH}: {@code IDENTIFIER_TOO_LONG};</li>
 * <li>18 characters, 17 digits plus a digit or X: a 公民身份号码 (or, starting with 9, a 2023 外国人永久居留身份证)
 * if that check passes, else a USCC if that check passes (if both pass, the person kind wins with the warning
 * {@code IDENTIFIER_AMBIGUOUS}); if neither passes, the person kind when positions 7-14 look like a date,
 * otherwise USCC;</li>
 * <li>any other 18 characters: USCC;</li>
 * <li>15 digits: a first-generation 公民身份号码;</li>
 * <li>港澳通行证, 台湾通行证, Chinese passport, 15-character 永久居留身份证 by their distinctive shapes;</li>
 * <li>near misses: 14-20 digits (optionally ending in X) are a 公民身份号码 of the wrong length, 16-20
 * characters starting like a USCC are a USCC of the wrong length;</li>
 * <li>anything else: {@code UNKNOWN} / {@code IDENTIFIER_UNRECOGNISED}, hinting at {@code PASSPORT} when the
 * value could be a foreign passport (check those with {@link #parseAs}).</li>
 * </ol>
 */
public final class Identifiers {

	/** Longer normalised input is refused without being echoed. */
	public static final int MAX_LENGTH = 32;

	private static final Pattern DIGITS_MAYBE_X = Pattern.compile("[0-9]{13,19}[0-9X]");
	private static final Pattern USCC_START = Pattern.compile("[0-9A-Z]{2}[0-9]{6}[0-9A-Z]{8,12}");

	private Identifiers() {
	}

	/** Detects and checks, taking "today" (for birth dates) in Asia/Shanghai. */
	public static IdentifierCheck parse(String raw) {
		return parse(raw, Clock.system(Zones.DISPLAY));
	}

	public static IdentifierCheck parse(String raw, Clock clock) {
		String value = IdentifierText.normalise(raw);
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return unusable(value, IdentifierKind.UNKNOWN);
		}
		return detect(value, LocalDate.now(clock));
	}

	/** Checks {@code raw} as the given kind ({@link IdentifierKind#UNKNOWN}: detect, as {@link #parse}). */
	public static IdentifierCheck parseAs(String raw, IdentifierKind kind, Clock clock) {
		if (kind == IdentifierKind.UNKNOWN) {
			return parse(raw, clock);
		}
		String value = IdentifierText.normalise(raw);
		if (value.isEmpty() || value.length() > MAX_LENGTH) {
			return unusable(value, kind);
		}
		LocalDate today = LocalDate.now(clock);
		return switch (kind) {
			case USCC -> IdentifierCheck.of(UnifiedCode.inspect(value, false));
			case RESIDENT_ID -> IdentifierCheck.of(ResidentId.inspect(value, today));
			default -> IdentifierCheck.of(DocumentNumber.inspect(documentType(kind), value, today));
		};
	}

	private static IdentifierCheck unusable(String value, IdentifierKind kind) {
		IdentifierIssue issue = value.isEmpty() ? IdentifierIssue.of(IdentifierRule.IDENTIFIER_EMPTY)
				: IdentifierIssue.of(IdentifierRule.IDENTIFIER_TOO_LONG, MAX_LENGTH);
		return IdentifierCheck.failed("", kind, issue, Map.of());
	}

	private static IdentifierCheck detect(String value, LocalDate today) {
		if (value.length() == UnifiedCode.LENGTH) {
			return detectEighteen(value, today);
		}
		if (value.length() == ResidentId.LEGACY_LENGTH && Digits.only(value)) {
			return IdentifierCheck.of(ResidentId.inspect(value, today));
		}
		var document = DocumentNumber.recognise(value);
		if (document.isPresent()) {
			return IdentifierCheck.of(DocumentNumber.inspect(document.get(), value, today));
		}
		if (DIGITS_MAYBE_X.matcher(value).matches()) {
			return IdentifierCheck.of(ResidentId.inspect(value, today));
		}
		if (USCC_START.matcher(value).matches()) {
			return IdentifierCheck.of(UnifiedCode.inspect(value, false));
		}
		Map<String, Object> hints = DocumentNumber.couldBePassport(value)
				? Map.of("possibleKinds", List.of(IdentifierKind.PASSPORT.name())) : Map.of();
		return IdentifierCheck.failed(value, IdentifierKind.UNKNOWN,
				IdentifierIssue.of(IdentifierRule.IDENTIFIER_UNRECOGNISED), hints);
	}

	private static IdentifierCheck detectEighteen(String value, LocalDate today) {
		Inspection<UnifiedCode> uscc = UnifiedCode.inspect(value, false);
		if (!Gb11643.isWellFormed(value)) {
			return IdentifierCheck.of(uscc);
		}
		Inspection<?> person = value.charAt(0) == '9'
				? DocumentNumber.inspect(DocumentType.FOREIGNER_PERMANENT_RESIDENCE_ID, value, today)
				: ResidentId.inspect(value, today);
		if (person.valid()) {
			IdentifierCheck check = IdentifierCheck.of(person);
			return uscc.valid()
					? check.withWarning(IdentifierIssue.of(IdentifierRule.IDENTIFIER_AMBIGUOUS, IdentifierKind.USCC))
					: check;
		}
		if (uscc.valid()) {
			return IdentifierCheck.of(uscc);
		}
		return IdentifierCheck.of(BirthDates.looksLikeDate(value.substring(6, 14)) ? person : uscc);
	}

	private static DocumentType documentType(IdentifierKind kind) {
		return Arrays.stream(DocumentType.values())
			.filter(t -> t.kind() == kind)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No document type for " + kind));
	}
}
