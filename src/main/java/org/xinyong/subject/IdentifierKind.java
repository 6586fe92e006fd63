package org.xinyong.subject;

import org.springframework.context.MessageSourceResolvable;

/**
 * What an identifier is. The names are stable: clients receive them in JSON. Names for people are in the
 * bundles under {@code subject.kind.<NAME>}.
 */
public enum IdentifierKind implements MessageSourceResolvable {

	/** 统一社会信用代码 (GB 32100). */
	USCC,
	/** 公民身份号码 (GB 11643), including 15-digit numbers converted to 18 digits. */
	RESIDENT_ID,
	/** 护照. */
	PASSPORT,
	/** 港澳居民来往内地通行证. */
	HK_MACAO_PERMIT,
	/** 台湾居民来往大陆通行证. */
	TAIWAN_PERMIT,
	/** 外国人永久居留身份证. */
	FOREIGN_PERMANENT_RESIDENCE,
	/** Not recognised as any of the above. */
	UNKNOWN;

	@Override
	public String[] getCodes() {
		return new String[] { "subject.kind." + name() };
	}

	@Override
	public String getDefaultMessage() {
		return name();
	}
}
