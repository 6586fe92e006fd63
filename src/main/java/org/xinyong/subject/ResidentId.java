package org.xinyong.subject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.xinyong.platform.Zones;
import org.xinyong.subject.internal.BirthDates;
import org.xinyong.subject.internal.Digits;
import org.xinyong.subject.internal.Gb11643;
import org.xinyong.subject.internal.IdentifierText;

/**
 * 公民身份号码 (GB 11643-1999): 地址码 (6 digits) + 出生日期码 (YYYYMMDD) + 顺序码 (3 digits, the last odd for
 * men) + 校验码 (ISO 7064 MOD 11-2, 0-9 or X).
 * <p>
 * Rules: the first two digits are a province-level code (or 83, used by 台湾居民居住证); the birth date is a
 * real date from 1880-01-01 to today (Asia/Shanghai); the check digit matches. A lower-case x is accepted. A
 * 15-digit number of the first generation (地址码 + YYMMDD of the 1900s + 顺序码, no check digit) is converted to
 * 18 digits by inserting "19" and computing the check digit ({@link #convertedFrom15()}).
 * <p>
 * {@link #toString()} masks the birth date, because this is personal information.
 */
public final class ResidentId implements Identifier {

	public static final int LENGTH = 18;
	public static final int LEGACY_LENGTH = 15;

	private final String value;
	private final LocalDate birthDate;
	private final boolean convertedFrom15;

	private ResidentId(String value, LocalDate birthDate, boolean convertedFrom15) {
		this.value = value;
		this.birthDate = birthDate;
		this.convertedFrom15 = convertedFrom15;
	}

	/** Accepts only valid numbers; throws {@link InvalidIdentifierException} naming the first rule broken. */
	public static ResidentId of(String raw) {
		return of(raw, Clock.system(Zones.DISPLAY));
	}

	/** As {@link #of(String)}, with "today" (for the birth-date check) taken from {@code clock}. */
	public static ResidentId of(String raw, Clock clock) {
		return inspect(IdentifierText.normalise(raw), LocalDate.now(clock)).orThrow();
	}

	static Inspection<ResidentId> inspect(String number, LocalDate today) {
		Inspection<ResidentId> inspection = Inspection.of(number, IdentifierKind.RESIDENT_ID);
		if (number.isEmpty()) {
			return inspection.error(IdentifierRule.IDENTIFIER_EMPTY);
		}
		if (number.length() == LEGACY_LENGTH) {
			return inspectLegacy(number, today, inspection);
		}
		if (number.length() != LENGTH) {
			return inspection.error(IdentifierRule.RESIDENT_ID_LENGTH, number.length());
		}
		if (!Gb11643.isWellFormed(number)) {
			return inspection.error(IdentifierRule.RESIDENT_ID_FORMAT);
		}
		checkRegion(number, inspection);
		Optional<LocalDate> birthDate = checkBirthDate(number.substring(6, 14), today, inspection);
		if (Gb11643.checkDigit(number.substring(0, 17)) != number.charAt(17)) {
			inspection.error(IdentifierRule.RESIDENT_ID_CHECK_DIGIT);
		}
		if (inspection.hasErrors()) {
			return inspection;
		}
		return inspection.result(new ResidentId(number, birthDate.orElseThrow(), false));
	}

	private static Inspection<ResidentId> inspectLegacy(String number, LocalDate today,
			Inspection<ResidentId> inspection) {
		if (!Digits.only(number)) {
			return inspection.error(IdentifierRule.RESIDENT_ID_FORMAT);
		}
		checkRegion(number, inspection);
		Optional<LocalDate> birthDate = checkBirthDate("19" + number.substring(6, 12), today, inspection);
		if (inspection.hasErrors()) {
			return inspection;
		}
		String first17 = number.substring(0, 6) + "19" + number.substring(6);
		return inspection.result(new ResidentId(first17 + Gb11643.checkDigit(first17), birthDate.orElseThrow(), true));
	}

	private static void checkRegion(String number, Inspection<ResidentId> inspection) {
		RegionCode region = new RegionCode(number.substring(0, 6));
		if (region.province().isEmpty()) {
			inspection.error(IdentifierRule.RESIDENT_ID_REGION, region.code());
		}
	}

	private static Optional<LocalDate> checkBirthDate(String yyyymmdd, LocalDate today,
			Inspection<ResidentId> inspection) {
		Optional<LocalDate> date = BirthDates.plausible(yyyymmdd, today);
		if (date.isEmpty()) {
			inspection.error(IdentifierRule.RESIDENT_ID_BIRTH_DATE, yyyymmdd);
		}
		return date;
	}

	/** The 18-digit number (also for numbers converted from 15 digits). */
	@Override
	public String value() {
		return value;
	}

	@Override
	public IdentifierKind kind() {
		return IdentifierKind.RESIDENT_ID;
	}

	/** 地址码: where the number was first issued (not necessarily where the person lives). */
	public RegionCode region() {
		return new RegionCode(value.substring(0, 6));
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	public Sex sex() {
		return Sex.fromSequenceDigit(value.charAt(16));
	}

	/** True when the number was given in the 15-digit format and converted. */
	public boolean convertedFrom15() {
		return convertedFrom15;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof ResidentId r && r.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	/** The number with the birth date masked, e.g. {@code 110105********002X}; safe for logs. */
	@Override
	public String toString() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}
}
