package org.xinyong.subject;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 34 province-level divisions and their two-digit GB/T 2260 codes, the first two digits of every region
 * code. Names are in the bundles under {@code subject.province.<code>}.
 */
public enum Province {

	BEIJING("11"), TIANJIN("12"), HEBEI("13"), SHANXI("14"), INNER_MONGOLIA("15"),
	LIAONING("21"), JILIN("22"), HEILONGJIANG("23"),
	SHANGHAI("31"), JIANGSU("32"), ZHEJIANG("33"), ANHUI("34"), FUJIAN("35"), JIANGXI("36"), SHANDONG("37"),
	HENAN("41"), HUBEI("42"), HUNAN("43"), GUANGDONG("44"), GUANGXI("45"), HAINAN("46"),
	CHONGQING("50"), SICHUAN("51"), GUIZHOU("52"), YUNNAN("53"), XIZANG("54"),
	SHAANXI("61"), GANSU("62"), QINGHAI("63"), NINGXIA("64"), XINJIANG("65"),
	TAIWAN("71"), HONG_KONG("81"), MACAO("82");

	private final String code;

	Province(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	private static final java.util.Map<String, Province> BY_CODE = java.util.Arrays.stream(values())
		.collect(java.util.stream.Collectors.toUnmodifiableMap(p -> p.code, p -> p));

	public static Optional<Province> fromCode(String twoDigits) {
		return Optional.ofNullable(BY_CODE.get(twoDigits));
	}
}
