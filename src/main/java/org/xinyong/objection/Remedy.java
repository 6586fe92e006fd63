package org.xinyong.objection;

/** The remedy applied when an objection is upheld; the last three only for non-public information (art. 54). */
public enum Remedy {
	/** 更正: a corrected version of the record. */
	CORRECT,
	/** 删除 (from sharing). */
	DELETE_FROM_SHARING,
	/** 终止公示. */
	STOP_DISCLOSURE,
	/** 出具证明. */
	ISSUE_CERTIFICATE
}
