package org.xinyong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.catalog.internal.Actor;
import org.xinyong.catalog.internal.Agreement;
import org.xinyong.catalog.internal.Assignment;
import org.xinyong.catalog.internal.Provision;
import org.xinyong.platform.DomainException;
import org.xinyong.testing.AuditRows;

/** Who may provide what: responsible providers, collectors under agreements, the demo organisation. */
@SpringBootTest
class ProvisionIT {

	static final Actor ADMIN = new Actor("admin", null);
	static final LocalDate TODAY = LocalDate.now(org.xinyong.platform.Zones.DISPLAY);

	@Autowired
	Catalogs catalogs;

	@Autowired
	Provision provision;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	long org(String code) {
		return organisations.byCode(code).orElseThrow().id();
	}

	@Test
	void demoAssignmentsLetTheResponsibleProvidersProvideTheirItems() {
		long market = org("11640000MB1900027Y");
		long court = org("11640000MB1900043L");
		for (String item : List.of("ADMIN_PENALTY", "ADMIN_LICENCE", "ABNORMAL_OPERATION_LIST", "HONOUR",
				"CREDIT_EVALUATION")) {
			assertThat(catalogs.mayProvide(market, item, TODAY)).as(item).isEqualTo(ProvisionDecision.allow());
		}
		assertThat(catalogs.mayProvide(court, "DISHONEST_JUDGMENT_DEBTOR", TODAY).allowed()).isTrue();
		assertThat(catalogs.mayProvide(market, "DISHONEST_JUDGMENT_DEBTOR", TODAY))
			.isEqualTo(ProvisionDecision.refuse("PROVIDER_NOT_RESPONSIBLE"));
		assertThat(catalogs.mayProvide(court, "ADMIN_PENALTY", TODAY).code()).isEqualTo("PROVIDER_NOT_RESPONSIBLE");
		// Before the assignment began, the regulator was not responsible.
		assertThat(catalogs.mayProvide(market, "ADMIN_PENALTY", LocalDate.of(TODAY.getYear() - 1, 12, 31)).code())
			.isEqualTo("PROVIDER_NOT_RESPONSIBLE");
		assertThat(catalogs.mayProvide(market, "NO_SUCH_ITEM", TODAY).code()).isEqualTo("CATALOG_ITEM_UNKNOWN");
	}

	@Test
	void theDemoOrganisationMayProvideEveryItemButSelfDeclarations() {
		long demo = org("12640000MB1900051C");
		for (PublishedItem p : catalogs.publishedItems()) {
			ProvisionDecision d = catalogs.mayProvide(demo, p.item().code(), TODAY);
			if (p.item().category() == InfoCategory.VOLUNTARY) {
				assertThat(d.code()).isEqualTo("SELF_DECLARATION_ONLY");
			}
			else {
				assertThat(d.allowed()).as(p.item().code()).isTrue();
			}
		}
		assertThat(catalogs.mayProvide(org("11640000MB1900027Y"), "SELF_DECLARATION", TODAY).code())
			.isEqualTo("SELF_DECLARATION_ONLY");
	}

	@Test
	void collectorsProvideOnlyUnderAValidAgreement() {
		long demoCollector = org("91640100MA7D2C4K4E");
		ProvisionDecision underAgreement = catalogs.mayProvide(demoCollector, "CONTRACT_PERFORMANCE", TODAY);
		assertThat(underAgreement.allowed()).isTrue();
		assertThat(underAgreement.agreementId()).isNotNull();
		assertThat(catalogs.mayProvide(demoCollector, "ADMIN_PENALTY", TODAY).code())
			.isEqualTo("COLLECTOR_AGREEMENT_MISSING");

		Organisation agency = organisations.register(new NewOrganisation("91640100MA7D2C5L9L", "测试信用评级有限公司", null,
				OrganisationKind.COLLECTOR, null, false));
		assertThat(catalogs.mayProvide(agency.id(), "CONTRACT_PERFORMANCE", TODAY).code())
			.isEqualTo("COLLECTOR_AGREEMENT_MISSING");
		Agreement expired = provision.register(new Provision.NewAgreement(agency.id(), "XY-2024-007",
				LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), List.of("CONTRACT_PERFORMANCE"), null), ADMIN);
		assertThat(catalogs.mayProvide(agency.id(), "CONTRACT_PERFORMANCE", LocalDate.of(2024, 12, 31)))
			.isEqualTo(ProvisionDecision.allowUnder(expired.id()));
		assertThat(catalogs.mayProvide(agency.id(), "CONTRACT_PERFORMANCE", TODAY).code())
			.isEqualTo("COLLECTOR_AGREEMENT_EXPIRED");
		assertThat(catalogs.mayProvide(agency.id(), "CONTRACT_PERFORMANCE", LocalDate.of(2023, 12, 31)).code())
			.isEqualTo("COLLECTOR_AGREEMENT_NOT_YET_VALID");

		Agreement current = provision.register(new Provision.NewAgreement(agency.id(), "XY-2026-001",
				TODAY.minusDays(10), TODAY.plusYears(1), List.of("CONTRACT_PERFORMANCE", "CREDIT_EVALUATION"), null),
				ADMIN);
		assertThat(catalogs.mayProvide(agency.id(), "CREDIT_EVALUATION", TODAY))
			.isEqualTo(ProvisionDecision.allowUnder(current.id()));
		provision.terminate(current.id(), TODAY, "协议解除", ADMIN);
		assertThat(catalogs.mayProvide(agency.id(), "CREDIT_EVALUATION", TODAY).code())
			.isEqualTo("COLLECTOR_AGREEMENT_EXPIRED");
		assertThat(catalogs.mayProvide(agency.id(), "CREDIT_EVALUATION", TODAY.minusDays(1)).allowed()).isTrue();

		assertThatThrownBy(() -> provision.register(new Provision.NewAgreement(org("11640000MB1900027Y"), "X-1",
				TODAY, TODAY, List.of("CONTRACT_PERFORMANCE"), null), ADMIN))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("CATALOG_COLLECTOR_REQUIRED"));
		assertThatThrownBy(() -> provision.register(new Provision.NewAgreement(agency.id(), "XY-2026-001", TODAY,
				TODAY, List.of("CONTRACT_PERFORMANCE"), null), ADMIN))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("CATALOG_AGREEMENT_NUMBER_TAKEN"));
	}

	@Test
	void assignmentsEndWithoutBeingDeletedAndEveryChangeIsAudited() {
		long before = new AuditRows(jdbc).maxId();
		long reform = org("11640000MB1900035R");
		assertThat(catalogs.mayProvide(reform, "SERIOUS_DISHONESTY_LIST", TODAY).allowed()).isFalse();
		Assignment a = provision.assign(reform, "SERIOUS_DISHONESTY_LIST", TODAY.minusDays(30), null, ADMIN);
		assertThat(catalogs.mayProvide(reform, "SERIOUS_DISHONESTY_LIST", TODAY).allowed()).isTrue();
		assertThatThrownBy(() -> provision.assign(reform, "SERIOUS_DISHONESTY_LIST", null, null, ADMIN))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("CATALOG_ASSIGNMENT_EXISTS"));
		assertThatThrownBy(() -> provision.assign(reform, "SELF_DECLARATION", null, null, ADMIN))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("SELF_DECLARATION_ONLY"));
		Assignment ended = provision.endAssignment(a.id(), TODAY, "职责调整", ADMIN);
		assertThat(ended.endedOn()).isEqualTo(TODAY);
		assertThat(catalogs.mayProvide(reform, "SERIOUS_DISHONESTY_LIST", TODAY).code())
			.isEqualTo("PROVIDER_NOT_RESPONSIBLE");
		assertThat(catalogs.mayProvide(reform, "SERIOUS_DISHONESTY_LIST", TODAY.minusDays(1)).allowed()).isTrue();
		assertThatThrownBy(() -> provision.endAssignment(a.id(), TODAY, "again", ADMIN))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("CATALOG_ASSIGNMENT_ENDED"));
		// A new assignment may follow; the ended one is kept.
		provision.assign(reform, "SERIOUS_DISHONESTY_LIST", TODAY.plusDays(1), null, ADMIN);
		assertThat(jdbc.sql("select count(*) from item_provider where organisation_id = ? and item_code = ?")
			.params(reform, "SERIOUS_DISHONESTY_LIST").query(Integer.class).single()).isEqualTo(2);
		assertThatThrownBy(() -> jdbc.sql("update item_provider set ended_on = null where id = ?").param(a.id()).update())
			.rootCause().hasMessageContaining("only ended");
		assertThatThrownBy(() -> jdbc.sql("delete from item_provider where id = ?").param(a.id()).update())
			.rootCause().hasMessageContaining("append-only");
		assertThat(new AuditRows(jdbc).since(before)).extracting(r -> r.get("action"))
			.containsSubsequence("CATALOG_PROVIDER_ASSIGNED", "CATALOG_PROVIDER_ENDED", "CATALOG_PROVIDER_ASSIGNED");
	}
}
