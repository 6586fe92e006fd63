package org.xinyong.catalog;

/** 主体性质: who an item's records are about. */
public enum SubjectType {
	/** 法人和非法人组织, identified by unified social credit code. */
	ORGANISATION,
	/** 自然人, identified by citizen ID number or another identity document number. */
	NATURAL_PERSON
}
