package org.xinyong.measures;

/** The administrative matter a department checks a subject for (art. 34): what a measure applies to. */
public enum Matter {
	/** 政府采购. */
	PROCUREMENT,
	/** 招标投标. */
	BIDDING,
	/** 行政许可、资质审核. */
	LICENSING,
	/** 财政资金安排、政策支持. */
	FUNDING,
	/** 评优评先、表彰奖励. */
	HONOURS,
	/** 公职人员录用. */
	PUBLIC_EMPLOYMENT,
	/** 其他行政管理事项. */
	OTHER
}
