package org.xinyong.catalog.internal;

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
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.platform.DemoMode;

/**
 * Demo provision data, loaded once when {@link DemoMode} is on and no assignment exists: the market regulator and
 * the higher court provide their items, a demo credit agency (made-up, valid GB 32100 code) collects contract
 * performance under an agreement, and a demo city exists for a city catalog.
 */
@Component
@Order(20)
class DemoCatalogData implements ApplicationRunner {

	static final String MARKET_REGULATOR = "11640000MB1900027Y";
	static final String HIGHER_COURT = "11640000MB1900043L";
	static final String DEMO_COLLECTOR = "91640100MA7D2C4K4E";
	static final String DEMO_CITY = "11640100MB19000867";
	static final String DEMO_AGREEMENT = "DEMO-AGREEMENT-001";

	private static final Logger log = LoggerFactory.getLogger(DemoCatalogData.class);

	private final DemoMode demo;
	private final Organisations organisations;
	private final ItemProviders providers;
	private final Provision provision;
	private final TransactionTemplate tx;
	private final Clock clock;

	DemoCatalogData(DemoMode demo, Organisations organisations, ItemProviders providers, Provision provision,
			TransactionTemplate tx, Clock clock) {
		this.demo = demo;
		this.organisations = organisations;
		this.providers = providers;
		this.provision = provision;
		this.tx = tx;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || providers.count() > 0 || organisations.byCode(MARKET_REGULATOR).isEmpty()) {
			return;
		}
		tx.executeWithoutResult(status -> load());
	}

	private void load() {
		Actor actor = new Actor("demo", null);
		LocalDate from = LocalDate.of(LocalDate.now(clock).getYear(), 1, 1);
		long market = organisations.byCode(MARKET_REGULATOR).orElseThrow().id();
		for (String item : List.of("ADMIN_PENALTY", "ADMIN_LICENCE", "ABNORMAL_OPERATION_LIST", "HONOUR",
				"CREDIT_EVALUATION")) {
			provision.assign(market, item, from, "演示数据", actor);
		}
		organisations.byCode(HIGHER_COURT)
			.ifPresent(court -> provision.assign(court.id(), "DISHONEST_JUDGMENT_DEBTOR", from, "演示数据", actor));
		Organisation collector = organisations.byCode(DEMO_COLLECTOR)
			.orElseGet(() -> organisations.register(new NewOrganisation(DEMO_COLLECTOR, "演示征信服务有限公司",
					"Demo Credit Services Co., Ltd.", OrganisationKind.COLLECTOR, null, false)));
		provision.register(new Provision.NewAgreement(collector.id(), DEMO_AGREEMENT, from, from.plusYears(3).minusDays(1),
				List.of("CONTRACT_PERFORMANCE"), "演示数据：合同履行信息归集协议"), actor);
		if (organisations.byCode(DEMO_CITY).isEmpty()) {
			organisations.register(new NewOrganisation(DEMO_CITY, "演示市发展和改革委员会",
					"Demo City Development and Reform Commission", OrganisationKind.CITY, null, false));
		}
		log.info("Demo catalog data loaded: provider assignments, collector {} with agreement {}", DEMO_COLLECTOR,
				DEMO_AGREEMENT);
	}
}
