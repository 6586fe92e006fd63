package org.xinyong.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

import org.xinyong.platform.Zones;
import org.xinyong.subject.internal.BirthDates;
import org.xinyong.subject.internal.Gb11643;
import org.xinyong.subject.internal.IdentifierText;

/**
 * The number of an identity document other than the 居民身份证. Rules (after normalisation: no spaces or
 * hyphens, upper case):
 * <ul>
 * <li>{@link DocumentType#PASSPORT}: a Chinese passport is E or G followed by 8 letters or digits
 * ({@link Format#CHINESE}); any other passport is accepted leniently as 5-20 letters and digits containing at
 * least one digit ({@link Format#OTHER}).</li>
 * <li>{@link DocumentType#HK_MACAO_RESIDENT_PERMIT}: H (Hong Kong) or M (Macao) followed by 8 or 10 digits.</li>
 * <li>{@link DocumentType#TAIWAN_RESIDENT_PERMIT}: 8 digits ({@link Format#CURRENT}); legacy permits: 10
 * characters, 8 digits followed by 2 letters or digits ({@link Format#LEGACY}).</li>
 * <li>{@link DocumentType#FOREIGNER_PERMANENT_RESIDENCE_ID}: the 2023 format is 18 characters, 9 followed by 16
 * digits and a GB 11643 check digit (0-9 or X), with a real birth date in positions 7-14
 * ({@link Format#CURRENT}); the earlier format is 3 letters (nationality) and 12 digits, whose check digit is
 * not verified ({@link Format#LEGACY}).</li>
 * </ul>
 * {@link #toString()} masks the middle of the number, because this is personal information.
 */
public final class DocumentNumber implements Identifier {

	/** The variant of a document number; which values occur depends on the {@link DocumentType}. */
	public enum Format {
		/** Passport issued by the People's Republic of China. */
		CHINESE,
		/** Any other passport. */
		OTHER,
		/** 港澳通行证 of a Hong Kong resident (H). */
		HONG_KONG,
		/** 港澳通行证 of a Macao resident (M). */
		MACAO,
		/** The format issued today. */
		CURRENT,
		/** An older format still found on valid documents and in old records. */
		LEGACY
	}

	private static final Pattern CHINESE_PASSPORT = Pattern.compile("[EG][0-9A-Z]{8}");
	private static final Pattern ANY_PASSPORT = Pattern.compile("(?=.*[0-9])[0-9A-Z]{5,20}");
	private static final Pattern HK_MACAO = Pattern.compile("[HM]([0-9]{8}|[0-9]{10})");
	private static final Pattern TAIWAN = Pattern.compile("[0-9]{8}");
	private static final Pattern TAIWAN_LEGACY = Pattern.compile("[0-9]{8}[0-9A-Z]{2}");
	private static final Pattern FOREIGN_RESIDENCE = Pattern.compile("9[0-9]{16}[0-9X]");
	private static final Pattern FOREIGN_RESIDENCE_LEGACY = Pattern.compile("[A-Z]{3}[0-9]{12}");

	private final DocumentType type;
	private final String value;
	private final Format format;

	private DocumentNumber(DocumentType type, String value, Format format) {
		this.type = type;
		this.value = value;
		this.format = format;
	}

	/** Accepts only valid numbers; throws {@link InvalidIdentifierException} naming the first rule broken. */
	public static DocumentNumber of(DocumentType type, String raw) {
		return of(type, raw, Clock.system(Zones.DISPLAY));
	}

	/** As {@link #of(DocumentType, String)}, with "today" (for birth-date checks) taken from {@code clock}. */
	public static DocumentNumber of(DocumentType type, String raw, Clock clock) {
		return inspect(type, IdentifierText.normalise(raw), LocalDate.now(clock)).orThrow();
	}

	static Inspection<DocumentNumber> inspect(DocumentType type, String number, LocalDate today) {
		Inspection<DocumentNumber> inspection = Inspection.of(number, type.kind());
		if (number.isEmpty()) {
			return inspection.error(IdentifierRule.IDENTIFIER_EMPTY);
		}
		Format format = switch (type) {
			case PASSPORT -> passportFormat(number);
			case HK_MACAO_RESIDENT_PERMIT -> hkMacaoFormat(number);
			case TAIWAN_RESIDENT_PERMIT -> taiwanFormat(number);
			case FOREIGNER_PERMANENT_RESIDENCE_ID -> foreignResidenceFormat(number);
		};
		if (format == null) {
			return inspection.error(IdentifierRule.DOCUMENT_FORMAT, type);
		}
		if (type == DocumentType.FOREIGNER_PERMANENT_RESIDENCE_ID && format == Format.CURRENT) {
			checkForeignResidence(number, today, inspection);
		}
		if (inspection.hasErrors()) {
			return inspection;
		}
		return inspection.result(new DocumentNumber(type, number, format));
	}

	private static Format passportFormat(String number) {
		if (CHINESE_PASSPORT.matcher(number).matches()) {
			return Format.CHINESE;
		}
		return ANY_PASSPORT.matcher(number).matches() ? Format.OTHER : null;
	}

	private static Format hkMacaoFormat(String number) {
		if (!HK_MACAO.matcher(number).matches()) {
			return null;
		}
		return number.charAt(0) == 'H' ? Format.HONG_KONG : Format.MACAO;
	}

	private static Format taiwanFormat(String number) {
		if (TAIWAN.matcher(number).matches()) {
			return Format.CURRENT;
		}
		return TAIWAN_LEGACY.matcher(number).matches() ? Format.LEGACY : null;
	}

	private static Format foreignResidenceFormat(String number) {
		if (FOREIGN_RESIDENCE.matcher(number).matches()) {
			return Format.CURRENT;
		}
		return FOREIGN_RESIDENCE_LEGACY.matcher(number).matches() ? Format.LEGACY : null;
	}

	private static void checkForeignResidence(String number, LocalDate today, Inspection<DocumentNumber> inspection) {
		DocumentType type = DocumentType.FOREIGNER_PERMANENT_RESIDENCE_ID;
		if (BirthDates.plausible(number.substring(6, 14), today).isEmpty()) {
			inspection.error(IdentifierRule.DOCUMENT_BIRTH_DATE, type);
		}
		if (Gb11643.checkDigit(number.substring(0, 17)) != number.charAt(17)) {
			inspection.error(IdentifierRule.DOCUMENT_CHECK_DIGIT, type);
		}
	}

	/**
	 * The document type whose distinctive shape {@code number} has, for detection without a declared type:
	 * 港澳通行证, 台湾通行证, a Chinese passport or a 15-character 永久居留身份证. Foreign passports have no
	 * distinctive shape and are never guessed.
	 */
	static Optional<DocumentType> recognise(String number) {
		if (HK_MACAO.matcher(number).matches()) {
			return Optional.of(DocumentType.HK_MACAO_RESIDENT_PERMIT);
		}
		if (TAIWAN.matcher(number).matches() || TAIWAN_LEGACY.matcher(number).matches()) {
			return Optional.of(DocumentType.TAIWAN_RESIDENT_PERMIT);
		}
		if (CHINESE_PASSPORT.matcher(number).matches()) {
			return Optional.of(DocumentType.PASSPORT);
		}
		if (FOREIGN_RESIDENCE_LEGACY.matcher(number).matches()) {
			return Optional.of(DocumentType.FOREIGNER_PERMANENT_RESIDENCE_ID);
		}
		return Optional.empty();
	}

	/** True when {@code number} has the shape of some passport (used to hint at it for unrecognised input). */
	static boolean couldBePassport(String number) {
		return passportFormat(number) != null;
	}

	@Override
	public String value() {
		return value;
	}

	@Override
	public IdentifierKind kind() {
		return type.kind();
	}

	public DocumentType type() {
		return type;
	}

	public Format format() {
		return format;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof DocumentNumber d && d.type == type && d.value.equals(value);
	}

	@Override
	public int hashCode() {
		return 31 * type.hashCode() + value.hashCode();
	}

	/** The type and the number with its middle masked; safe for logs. */
	@Override
	public String toString() {
		int shown = Math.min(2, value.length() / 4);
		return type + ":" + value.substring(0, shown) + "*".repeat(value.length() - 2 * shown)
				+ value.substring(value.length() - shown);
	}
}
