package org.xinyong.repair;

/** What a granted repair does to the record (the three repair modes). */
public enum RepairOutcome {
	/** 终止公示行政处罚信息 */
	END_DISCLOSURE,
	/** 移出严重失信主体名单 */
	REMOVE_FROM_LIST,
	/** 修复其他失信信息 */
	REPAIR_OTHER
}
