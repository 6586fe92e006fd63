package org.xinyong.access.internal;

import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffUsers;
import org.xinyong.access.StaffUsers.NewStaffUser;
import org.xinyong.platform.DemoMode;

/**
 * Demo organisations, one user per role and a demo department system, loaded into an empty database when
 * {@link DemoMode} is on. Credentials are in the README and are for local trial only.
 */
@Component
@Order(10)
class DemoAccessData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoAccessData.class);

	/** The codes are valid GB 32100 codes made up for the demo (region 640000). */
	static final String CREDIT_CENTRE = "12640000MB19000191";
	static final String DEMO_SYSTEM = "12640000MB1900051C";

	private final DemoMode demo;
	private final Organisations organisations;
	private final StaffUsers users;
	private final ApiKeys apiKeys;
	private final Environment environment;
	private final TransactionTemplate tx;

	DemoAccessData(DemoMode demo, Organisations organisations, StaffUsers users, ApiKeys apiKeys,
			Environment environment, TransactionTemplate tx) {
		this.demo = demo;
		this.organisations = organisations;
		this.users = users;
		this.apiKeys = apiKeys;
		this.environment = environment;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled()) {
			return;
		}
		String configuredKey = environment.getProperty("xinyong.demo.api-key");
		if (organisations.count() == 0) {
			tx.executeWithoutResult(status -> load(configuredKey));
		}
		else if (configuredKey != null && !configuredKey.isBlank()
				&& apiKeys.authenticate(configuredKey).isEmpty()) {
			organisations.byCode(DEMO_SYSTEM)
				.ifPresent(o -> apiKeys.register(o.id(), "演示对接系统密钥", configuredKey.strip(), "demo"));
		}
	}

	private void load(String configuredKey) {
		Organisation centre = org(CREDIT_CENTRE, "自治区公共信用信息中心", "Regional Public Credit Information Centre",
				OrganisationKind.CREDIT_CENTRE, null, false);
		Organisation market = org("11640000MB1900027Y", "自治区市场监督管理局", "Regional Administration for Market Regulation",
				OrganisationKind.DEPARTMENT, null, false);
		Organisation reform = org("11640000MB1900035R", "自治区发展和改革委员会", "Regional Development and Reform Commission",
				OrganisationKind.DEPARTMENT, null, false);
		org("11640000MB1900043L", "自治区高级人民法院", "Regional Higher People's Court", OrganisationKind.COURT, null,
				false);
		org("11640000MB190006X7", "国家税务总局自治区税务局", "Regional Tax Service", OrganisationKind.DEPARTMENT, null, false);
		Organisation system = org(DEMO_SYSTEM, "演示对接系统", "Demo department system", OrganisationKind.DEPARTMENT,
				reform.id(), true);

		user("admin", "平台管理员", centre, Role.PLATFORM_ADMIN);
		user("provider", "市场监管经办人", market, Role.PROVIDER_OPERATOR);
		user("reviewer", "审核人员", centre, Role.REVIEWER);
		user("department", "发改委部门用户", reform, Role.DEPARTMENT_USER);
		user("auditor", "审计人员", centre, Role.AUDITOR);

		if (configuredKey != null && !configuredKey.isBlank()) {
			apiKeys.register(system.id(), "演示对接系统密钥", configuredKey.strip(), "demo");
			log.info("Demo department system registered with the API key given by xinyong.demo.api-key");
		}
		else {
			var issued = apiKeys.issue(system.id(), "演示对接系统密钥", "demo");
			log.warn("""

					Demo department system API key (shown once; set xinyong.demo.api-key to choose one):
					    X-Api-Key: {}
					""", issued.plainKey());
		}
		log.info("Demo data loaded: {} organisations, users {}", organisations.count(),
				List.of("admin", "provider", "reviewer", "department", "auditor"));
	}

	private Organisation org(String code, String name, String nameEn, OrganisationKind kind, Long parent, boolean demo) {
		return organisations.register(new NewOrganisation(code, name, nameEn, kind, parent, demo));
	}

	private void user(String username, String displayName, Organisation organisation, Role role) {
		users.create(new NewStaffUser(username, displayName, demoPassword(username), organisation.id(), Set.of(role),
				"demo"));
	}

	/** Demo passwords follow one pattern, documented in the README: {@code <username>@Demo2026}. */
	static String demoPassword(String username) {
		return username + "@Demo2026";
	}
}
