package org.xinyong.catalog;

/**
 * The 13 information categories of the national base catalog (2024 edition). The first five are verbatim from
 * the published explanation; the other eight follow the 2021/2022 editions and are marked unverified in the data.
 */
public enum InfoCategory {
	/** 登记注册基本信息. */
	REGISTRATION,
	/** 司法裁判及执行信息. */
	JUDICIAL,
	/** 行政管理信息 (licences, penalties, …). */
	ADMINISTRATIVE,
	/** 职称和职业信息. */
	PROFESSIONAL,
	/** 经营（活动）异常名录（状态）信息. */
	ABNORMAL_OPERATION,
	/** 严重失信主体名单信息. */
	SERIOUS_DISHONESTY,
	/** 合同履行信息. */
	CONTRACT_PERFORMANCE,
	/** 信用承诺及履行情况信息. */
	COMMITMENT,
	/** 信用评价结果信息. */
	EVALUATION,
	/** 遵守法律法规情况信息. */
	LAW_COMPLIANCE,
	/** 诚实守信相关荣誉信息. */
	HONOURS,
	/** 知识产权信息. */
	INTELLECTUAL_PROPERTY,
	/** 经营主体自愿提供的信用信息 (self-declarations). */
	VOLUNTARY
}
