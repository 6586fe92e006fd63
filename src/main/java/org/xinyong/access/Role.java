package org.xinyong.access;

/** What a staff user or a department system may do. Authorities are {@code ROLE_<name>}. */
public enum Role {

	/** 平台管理员: the credit centre's operators — catalogs, lists, organisations, users, keys. */
	PLATFORM_ADMIN,
	/** 提供单位经办人: submits and corrects records for a provider. */
	PROVIDER_OPERATOR,
	/** 审核人员: reviews objections, repairs and list decisions. */
	REVIEWER,
	/** 部门用户: a state body's staff querying shared information and joint checks. */
	DEPARTMENT_USER,
	/** 审计人员: reads the audit log and verification results. */
	AUDITOR,
	/** 对接系统: a department system calling the API with an API key (never a person). */
	DEPARTMENT_SYSTEM;

	public String authority() {
		return "ROLE_" + name();
	}

	/** Roles a person can hold. */
	public static Role[] staffRoles() {
		return new Role[] { PLATFORM_ADMIN, PROVIDER_OPERATOR, REVIEWER, DEPARTMENT_USER, AUDITOR };
	}
}
