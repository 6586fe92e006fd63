package org.xinyong.subject;

import java.util.Optional;

import org.xinyong.subject.internal.Digits;
import org.xinyong.subject.internal.Gb11714;
import org.xinyong.subject.internal.Gb32100;
import org.xinyong.subject.internal.IdentifierText;

/**
 * 统一社会信用代码 (GB 32100-2015): 登记管理部门 (1) + 机构类别 (2) + 登记管理机关行政区划码 (3-8) +
 * 主体标识码 / 组织机构代码 (9-17) + 校验码 (18).
 * <p>
 * Rules: 18 characters from {@code 0123456789ABCDEFGHJKLMNPQRTUWXY}; positions 3-8 are digits whose first two
 * are a province-level code or 10 (national level); the 18th character is the GB 32100 check character. The
 * organisation code in positions 9-17 is checked with GB 11714 but only reported
 * ({@link #organisationCodeValid()}): codes of 个体工商户 and some others carry bodies that were allocated
 * without a GB 11714 check. An authority or category missing from the known table is reported, not rejected,
 * because the table has grown since 2015.
 */
public final class UnifiedCode implements Identifier {

	public static final int LENGTH = 18;

	private final String value;
	private final boolean legacy;

	private UnifiedCode(String value, boolean legacy) {
		this.value = value;
		this.legacy = legacy;
	}

	/** Accepts only valid codes; throws {@link InvalidIdentifierException} naming the first rule broken. */
	public static UnifiedCode of(String raw) {
		return inspect(IdentifierText.normalise(raw), false).orThrow();
	}

	/**
	 * For the authoritative registry feed only: also accepts well-formed codes whose check character fails, such
	 * as early pilot codes (e.g. 91350100M0001TGQXM), marking them {@link #legacy()}.
	 */
	public static UnifiedCode fromRegistryFeed(String raw) {
		return inspect(IdentifierText.normalise(raw), true).orThrow();
	}

	static Inspection<UnifiedCode> inspect(String code, boolean acceptFailedCheck) {
		Inspection<UnifiedCode> inspection = Inspection.of(code, IdentifierKind.USCC);
		if (code.isEmpty()) {
			return inspection.error(IdentifierRule.IDENTIFIER_EMPTY);
		}
		if (code.length() != LENGTH) {
			return inspection.error(IdentifierRule.USCC_LENGTH, code.length());
		}
		for (int i = 0; i < LENGTH; i++) {
			if (!Gb32100.isCodeCharacter(code.charAt(i))) {
				return inspection.error(IdentifierRule.USCC_CHARSET, i + 1, String.valueOf(code.charAt(i)));
			}
		}
		String region = code.substring(2, 8);
		if (!isKnownRegion(region)) {
			inspection.error(IdentifierRule.USCC_REGION, region);
		}
		char expected = Gb32100.checkCharacter(code.substring(0, 17));
		char actual = code.charAt(17);
		boolean checkFails = expected != actual;
		if (checkFails && acceptFailedCheck) {
			inspection.warning(IdentifierRule.USCC_LEGACY_CHECK_CHARACTER, String.valueOf(expected), String.valueOf(actual));
		}
		else if (checkFails) {
			inspection.error(IdentifierRule.USCC_CHECK_CHARACTER, String.valueOf(expected), String.valueOf(actual));
		}
		if (inspection.hasErrors()) {
			return inspection;
		}
		UnifiedCode unified = new UnifiedCode(code, checkFails);
		if (unified.category().isEmpty()) {
			inspection.warning(IdentifierRule.USCC_CATEGORY_UNKNOWN, code.substring(0, 2));
		}
		if (!unified.organisationCodeValid()) {
			String body = unified.subjectIdentificationCode();
			inspection.warning(IdentifierRule.ORG_CODE_CHECK_CHARACTER,
					String.valueOf(Gb11714.checkCharacter(body.substring(0, 8))), String.valueOf(body.charAt(8)));
		}
		return inspection.result(unified);
	}

	private static boolean isKnownRegion(String region) {
		if (!Digits.only(region)) {
			return false;
		}
		String prefix = region.substring(0, 2);
		return RegionCode.NATIONAL_PREFIX.equals(prefix) || Province.fromCode(prefix).isPresent();
	}

	@Override
	public String value() {
		return value;
	}

	@Override
	public IdentifierKind kind() {
		return IdentifierKind.USCC;
	}

	/** True when accepted from the registry feed although its check character fails. */
	public boolean legacy() {
		return legacy;
	}

	/** 登记管理部门 (position 1), if it is in the known table. */
	public Optional<RegistrationAuthority> registrationAuthority() {
		return RegistrationAuthority.fromCode(value.charAt(0));
	}

	/** 机构类别 (positions 1-2), if it is in the known table. */
	public Optional<OrganisationCategory> category() {
		return OrganisationCategory.fromCode(value.substring(0, 2));
	}

	/** 登记管理机关行政区划码 (positions 3-8). */
	public RegionCode region() {
		return new RegionCode(value.substring(2, 8));
	}

	/** 主体标识码 (positions 9-17), which is the organisation code, whether or not its GB 11714 check passes. */
	public String subjectIdentificationCode() {
		return value.substring(8, 17);
	}

	/** True when positions 9-17 pass the GB 11714 check. */
	public boolean organisationCodeValid() {
		return OrganisationCode.checks(subjectIdentificationCode());
	}

	/** The embedded organisation code, if it passes the GB 11714 check. */
	public Optional<OrganisationCode> organisationCode() {
		return organisationCodeValid() ? Optional.of(OrganisationCode.of(subjectIdentificationCode())) : Optional.empty();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof UnifiedCode u && u.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
