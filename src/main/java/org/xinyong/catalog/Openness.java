package org.xinyong.catalog;

/** 公开属性 of an item: whether its records may be disclosed on the credit website. */
public enum Openness {
	/** 公开. */
	PUBLIC,
	/** 有条件公开 (e.g. to the subject itself, on request with a lawful basis). */
	CONDITIONAL,
	/** 不公开: never disclosed, only shared. */
	NON_PUBLIC
}
