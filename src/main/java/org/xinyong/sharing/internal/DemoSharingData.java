package org.xinyong.sharing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.access.Organisations;
import org.xinyong.catalog.Catalogs;
import org.xinyong.platform.DemoMode;
import org.xinyong.sharing.internal.SharingAdmin.NewGrant;

/**
 * Demo grants, loaded once when {@link DemoMode} is on and no grant exists: the demo department (the regional
 * development and reform commission, whose staff user is {@code department}) and the demo department system
 * (the demo API key's organisation) receive four items for all purposes.
 */
@Component
@Order(40)
class DemoSharingData implements ApplicationRunner {

	static final String DEMO_DEPARTMENT = "11640000MB1900035R";
	static final String DEMO_SYSTEM = "12640000MB1900051C";
	static final List<String> ITEMS = List.of("ADMIN_PENALTY", "ADMIN_LICENCE", "CREDIT_EVALUATION",
			"CONTRACT_PERFORMANCE");
	static final String BASIS = "演示数据：《社会信用条例》第三十二条（履职需要共享公共信用信息）";

	private static final Logger log = LoggerFactory.getLogger(DemoSharingData.class);

	private final DemoMode demo;
	private final Organisations organisations;
	private final SharingStore store;
	private final SharingAdmin admin;
	private final Catalogs catalogs;
	private final TransactionTemplate tx;
	private final Clock clock;

	DemoSharingData(DemoMode demo, Organisations organisations, SharingStore store, SharingAdmin admin,
			Catalogs catalogs, TransactionTemplate tx, Clock clock) {
		this.demo = demo;
		this.organisations = organisations;
		this.store = store;
		this.admin = admin;
		this.catalogs = catalogs;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || store.countGrants() > 0 || organisations.byCode(DEMO_DEPARTMENT).isEmpty()) {
			return;
		}
		tx.executeWithoutResult(status -> load());
	}

	private void load() {
		LocalDate from = LocalDate.of(LocalDate.now(clock).getYear(), 1, 1);
		for (String organisation : List.of(DEMO_DEPARTMENT, DEMO_SYSTEM)) {
			if (organisations.byCode(organisation).isEmpty()) {
				continue;
			}
			for (String item : ITEMS) {
				if (catalogs.publishedItem(item).isEmpty()) {
					log.warn("Demo sharing grant skipped: item {} is not in the catalogs in force", item);
					continue;
				}
				admin.grant(new NewGrant(organisation, item, true, List.of(), BASIS, false, from, null, "演示数据"),
						"demo");
			}
		}
		log.info("Demo sharing grants loaded: {} to {} and {}", ITEMS, DEMO_DEPARTMENT, DEMO_SYSTEM);
	}
}
