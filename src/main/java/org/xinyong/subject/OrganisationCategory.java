package org.xinyong.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * 机构类别: positions 1-2 of a USCC (the registration authority followed by the category within it). Names are
 * in the bundles under {@code subject.category.<code>}. Categories 32-35 come from the 2015 text of GB 32100
 * and are kept because codes issued under them remain in use.
 */
public enum OrganisationCategory {

	GOVERNMENT_ORGAN("11"), PUBLIC_INSTITUTION("12"), ESTABLISHMENT_MASS_ORGANISATION("13"), OTHER_ESTABLISHMENT("19"),
	FOREIGN_NEWS_AGENCY("21"), OTHER_FOREIGN_AFFAIRS("29"),
	LAW_FIRM("31"), NOTARY_OFFICE("32"), GRASSROOTS_LEGAL_SERVICE("33"), FORENSIC_APPRAISAL("34"),
	ARBITRATION_COMMISSION("35"), COMMERCIAL_MEDIATION("36"), OTHER_JUSTICE("39"),
	FOREIGN_CULTURAL_CENTRE("41"), OTHER_CULTURE("49"),
	SOCIAL_ASSOCIATION("51"), PRIVATE_NON_ENTERPRISE_UNIT("52"), FOUNDATION("53"), VILLAGERS_COMMITTEE("54"),
	RESIDENTS_COMMITTEE("55"), OTHER_CIVIL_AFFAIRS("59"),
	FOREIGN_TOURISM_OFFICE("61"), HK_MACAO_TAIWAN_TOURISM_OFFICE("62"), OTHER_TOURISM("69"),
	RELIGIOUS_VENUE("71"), RELIGIOUS_COLLEGE("72"), OTHER_RELIGIOUS("79"),
	GRASSROOTS_TRADE_UNION("81"), UNINCORPORATED_TRADE_UNION("82"), OTHER_TRADE_UNION("89"),
	ENTERPRISE("91"), INDIVIDUAL_BUSINESS("92"), FARMERS_COOPERATIVE("93"), OTHER_MARKET("99"),
	MILITARY_EMPLOYER("A1"), OTHER_MILITARY("A9"),
	OVERSEAS_NGO_OFFICE("G1"), OTHER_PUBLIC_SECURITY("G9"),
	OWNERS_ASSEMBLY("J1"), OTHER_HOUSING("J9"),
	GROUP_COLLECTIVE_ECONOMIC_ORGANISATION("N1"), VILLAGE_COLLECTIVE_ECONOMIC_ORGANISATION("N2"),
	TOWNSHIP_COLLECTIVE_ECONOMIC_ORGANISATION("N3"), OTHER_AGRICULTURE("N9"),
	COUNTY_OVERSEAS_CHINESE_FEDERATION("Q1"), TOWNSHIP_OVERSEAS_CHINESE_FEDERATION("Q2"),
	VILLAGE_OVERSEAS_CHINESE_FEDERATION("Q3"), OTHER_OVERSEAS_CHINESE("Q9"),
	OTHER("Y1");

	private final String code;

	OrganisationCategory(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public RegistrationAuthority authority() {
		return RegistrationAuthority.fromCode(code.charAt(0)).orElseThrow();
	}

	public LabelledCode label() {
		return new LabelledCode(code, "subject.category." + code);
	}

	private static final java.util.Map<String, OrganisationCategory> BY_CODE = java.util.Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(c -> c.code, c -> c));

	public static Optional<OrganisationCategory> fromCode(String twoCharacters) {
		return Optional.ofNullable(BY_CODE.get(twoCharacters));
	}
}
