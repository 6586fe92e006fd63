package org.xinyong.objection;

/** Why the subject objects (art. 52). */
public enum Grounds {
	/** 错误. */
	ERROR,
	/** 遗漏. */
	OMISSION,
	/** 侵犯合法权益. */
	INFRINGEMENT
}
