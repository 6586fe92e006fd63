package org.xinyong.subject;

import java.util.Optional;

import org.xinyong.subject.internal.Digits;

/**
 * A six-digit administrative region code (GB/T 2260) as carried by a USCC (登记管理机关行政区划码) or a
 * 公民身份号码 (地址码). Only the province-level prefix is interpreted; the county part is not checked against
 * the (yearly changing) county list.
 */
public record RegionCode(String code) {

	/** Prefix of registrations at national level (e.g. 100000 for central state organs and national bodies). */
	public static final String NATIONAL_PREFIX = "10";

	/** Prefix used by the 公民身份号码 on 台湾居民居住证 (830000), which is not a GB/T 2260 province code. */
	public static final String TAIWAN_RESIDENCE_PERMIT_PREFIX = "83";

	public RegionCode {
		if (code == null || code.length() != 6 || !Digits.only(code)) {
			throw new IllegalArgumentException("A region code is six digits");
		}
	}

	/** The first two digits. */
	public String prefix() {
		return code.substring(0, 2);
	}

	/** The province-level division; the Taiwan residence-permit prefix 83 counts as Taiwan. */
	public Optional<Province> province() {
		if (TAIWAN_RESIDENCE_PERMIT_PREFIX.equals(prefix())) {
			return Optional.of(Province.TAIWAN);
		}
		return Province.fromCode(prefix());
	}

	/** True for the national-level prefix 10. */
	public boolean nationalLevel() {
		return NATIONAL_PREFIX.equals(prefix());
	}

	/** The prefix with its translatable name ({@code subject.province.<prefix>}). */
	public LabelledCode provinceLabel() {
		return new LabelledCode(prefix(), "subject.province." + prefix());
	}

	@Override
	public String toString() {
		return code;
	}
}
