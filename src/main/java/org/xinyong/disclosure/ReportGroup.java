package org.xinyong.disclosure;

import org.xinyong.catalog.CatalogItem;

/**
 * The groups in which the national public credit report standard (2022) presents a subject's information, in its
 * order. The website's subject page, the public API and the credit report use the same grouping.
 */
public enum ReportGroup {
	/** 基本信息 (registration). */
	BASIC,
	/** 行政管理信息 · 行政许可. */
	LICENCE,
	/** 行政管理信息 · 行政处罚. */
	PENALTY,
	/** 严重失信主体名单信息. */
	SERIOUS_DISHONESTY,
	/** 经营异常名录信息. */
	ABNORMAL_OPERATION,
	/** 信用承诺及履行情况. */
	COMMITMENT,
	/** 信用评价结果. */
	EVALUATION,
	/** 司法裁判及执行信息. */
	JUDICIAL,
	/** 诚实守信相关荣誉. */
	HONOURS,
	/** 其他信息. */
	OTHER;

	/** The group of an item: licences and penalties by code, everything else by category. */
	public static ReportGroup of(CatalogItem item) {
		if (item.code().equals("ADMIN_LICENCE")) {
			return LICENCE;
		}
		if (item.code().equals("ADMIN_PENALTY")) {
			return PENALTY;
		}
		return switch (item.category()) {
			case REGISTRATION -> BASIC;
			case SERIOUS_DISHONESTY -> SERIOUS_DISHONESTY;
			case ABNORMAL_OPERATION -> ABNORMAL_OPERATION;
			case COMMITMENT -> COMMITMENT;
			case EVALUATION -> EVALUATION;
			case JUDICIAL -> JUDICIAL;
			case HONOURS -> HONOURS;
			default -> OTHER;
		};
	}
}
