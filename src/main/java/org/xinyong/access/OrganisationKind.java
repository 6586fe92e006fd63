package org.xinyong.access;

/** The kinds of organisations that take part in the platform. */
public enum OrganisationKind {
	/** 信用中心 / 发展改革部门: operates the platform. */
	CREDIT_CENTRE,
	/** 自治区级部门: a regional department (market regulation, tax, …). */
	DEPARTMENT,
	/** 设区的市: a city's government or credit body. */
	CITY,
	/** 县（市、区）. */
	COUNTY,
	/** 人民法院. */
	COURT,
	/** 非公共信用信息归集单位: credit agency, association or enterprise submitting by agreement. */
	COLLECTOR,
	OTHER
}
