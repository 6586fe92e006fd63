package org.xinyong.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * 登记管理部门: position 1 of a USCC. The table of GB 32100-2015 Annex A as extended since (see
 * docs/identifiers.md). Names are in the bundles under {@code subject.authority.<code>}.
 */
public enum RegistrationAuthority {

	/** 机构编制. */
	ESTABLISHMENT('1'),
	/** 外交. */
	FOREIGN_AFFAIRS('2'),
	/** 司法行政. */
	JUSTICE('3'),
	/** 文化. */
	CULTURE('4'),
	/** 民政. */
	CIVIL_AFFAIRS('5'),
	/** 旅游. */
	TOURISM('6'),
	/** 宗教. */
	RELIGIOUS_AFFAIRS('7'),
	/** 工会. */
	TRADE_UNIONS('8'),
	/** 工商 / 市场监管. */
	MARKET_REGULATION('9'),
	/** 中央军委改革和编制办公室. */
	MILITARY_ESTABLISHMENT('A'),
	/** 公安. */
	PUBLIC_SECURITY('G'),
	/** 住房城乡建设. */
	HOUSING('J'),
	/** 农业农村. */
	AGRICULTURE('N'),
	/** 侨联. */
	OVERSEAS_CHINESE('Q'),
	/** 其他. */
	OTHER('Y');

	private final char code;

	RegistrationAuthority(char code) {
		this.code = code;
	}

	public char code() {
		return code;
	}

	public LabelledCode label() {
		return new LabelledCode(String.valueOf(code), "subject.authority." + code);
	}

	private static final java.util.Map<Character, RegistrationAuthority> BY_CODE = java.util.Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(a -> a.code, a -> a));

	public static Optional<RegistrationAuthority> fromCode(char code) {
		return Optional.ofNullable(BY_CODE.get(code));
	}
}
