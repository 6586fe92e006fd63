package org.xinyong.subject;

/** Whether a credit subject is an organisation (法人和非法人组织) or a natural person (自然人). */
public enum SubjectType {
	ORGANISATION, NATURAL_PERSON;

	/** Organisations carry unified social credit codes; everyone else is a natural person. */
	public static SubjectType of(IdentifierKind kind) {
		return kind == IdentifierKind.USCC ? ORGANISATION : NATURAL_PERSON;
	}
}
