package org.xinyong.subject;

import org.springframework.context.MessageSourceResolvable;

/**
 * Identity documents other than the 居民身份证, whose numbers identify persons without a 公民身份号码 (art. 25).
 * Names are in the bundles under {@code subject.documentType.<NAME>}.
 */
public enum DocumentType implements MessageSourceResolvable {

	/** 护照. */
	PASSPORT(IdentifierKind.PASSPORT),
	/** 港澳居民来往内地通行证. */
	HK_MACAO_RESIDENT_PERMIT(IdentifierKind.HK_MACAO_PERMIT),
	/** 台湾居民来往大陆通行证. */
	TAIWAN_RESIDENT_PERMIT(IdentifierKind.TAIWAN_PERMIT),
	/** 外国人永久居留身份证. */
	FOREIGNER_PERMANENT_RESIDENCE_ID(IdentifierKind.FOREIGN_PERMANENT_RESIDENCE);

	private final IdentifierKind kind;

	DocumentType(IdentifierKind kind) {
		this.kind = kind;
	}

	public IdentifierKind kind() {
		return kind;
	}

	public LabelledCode label() {
		return new LabelledCode(name(), "subject.documentType." + name());
	}

	@Override
	public String[] getCodes() {
		return new String[] { label().labelKey() };
	}

	@Override
	public String getDefaultMessage() {
		return name();
	}
}
