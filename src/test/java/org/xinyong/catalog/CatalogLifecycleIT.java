package org.xinyong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.catalog.internal.Actor;
import org.xinyong.catalog.internal.CatalogVersion;
import org.xinyong.catalog.internal.Comment;
import org.xinyong.catalog.internal.ItemJson;
import org.xinyong.catalog.internal.SupplementaryCatalogs;
import org.xinyong.catalog.internal.SupplementaryCatalogs.NewComment;
import org.xinyong.catalog.internal.Versions;
import org.xinyong.platform.DomainException;
import org.xinyong.testing.AuditRows;

/**
 * The base catalog as loaded at startup, and supplementary catalogs through their lifecycle: legal and illegal
 * transitions, comments, city filing, every version kept, a new draft copying the latest.
 */
@SpringBootTest
class CatalogLifecycleIT {

	static final Actor ADMIN = new Actor("admin", null);

	@Autowired
	Catalogs catalogs;

	@Autowired
	CatalogArchive archive;

	@Autowired
	SupplementaryCatalogs lifecycle;

	@Autowired
	Versions versions;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNationalBaseCatalogIsLoadedAtStartupWithProvenance() {
		assertThat(archive.categories()).hasSize(13);
		assertThat(catalogs.publishedItems()).extracting(p -> p.item().code())
			.contains("ADMIN_LICENCE", "ADMIN_PENALTY", "SERIOUS_DISHONESTY_LIST", "ABNORMAL_OPERATION_LIST",
					"CREDIT_COMMITMENT", "CREDIT_EVALUATION", "DISHONEST_JUDGMENT_DEBTOR", "HONOUR", "SELF_DECLARATION");
		assertThat(catalogs.publishedItems()).allSatisfy(p -> {
			assertThat(p.item().provenance()).isNotNull();
			assertThat(p.item().fields().stream().filter(f -> f.type() == FieldType.SUBJECT_CODE)).hasSize(1);
		});
		PublishedItem penalty = catalogs.publishedItem("ADMIN_PENALTY").orElseThrow();
		assertThat(penalty.catalogCode()).isEqualTo("NATIONAL_BASE");
		assertThat(archive.itemOfVersion(penalty.catalogVersionId(), "ADMIN_PENALTY")).contains(penalty);
		assertThat(jdbc.sql("""
				select v.version from catalog_version v join catalog c on c.id = v.catalog_id
				where c.code = 'NATIONAL_BASE' and v.origin = 'BUNDLED'""").query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aRegionalCatalogGoesFromDraftToPublishedAndEveryVersionIsKept() {
		long before = new AuditRows(jdbc).maxId();
		CatalogVersion draft = lifecycle.createDraft("REGION", ADMIN);
		assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
		lifecycle.putItem(draft.id(), item("REGION_WATER_ARREARS", "拖欠水费信息"), ADMIN);

		// Publishing or approving a draft skips steps.
		assertCode(() -> lifecycle.publish(draft.id(), null, ADMIN), "CATALOG_TRANSITION_ILLEGAL");
		assertCode(() -> lifecycle.approve(draft.id(), "宁政函〔2026〕1号", LocalDate.of(2026, 1, 5), null, ADMIN),
				"CATALOG_TRANSITION_ILLEGAL");
		assertCode(() -> lifecycle.recordComment(draft.id(), comment("意见"), ADMIN), "CATALOG_NOT_IN_CONSULTATION");

		lifecycle.openConsultation(draft.id(), null, "征求意见30日", ADMIN);
		assertCode(() -> lifecycle.putItem(draft.id(), item("REGION_OTHER", "其他"), ADMIN),
				"CATALOG_TRANSITION_ILLEGAL");
		Comment c = lifecycle.recordComment(draft.id(),
				new NewComment("REGION_WATER_ARREARS", "王五", "某供水公司", null, "建议明确欠费金额标准",
						Instant.parse("2026-01-02T03:04:05Z")),
				ADMIN);
		assertThat(c.author()).isEqualTo("王五");
		assertThat(c.authorOrganisation()).isEqualTo("某供水公司");
		assertThat(c.receivedAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
		assertThat(c.recordedBy()).isEqualTo("admin");
		assertThat(versions.comments(draft.id())).hasSize(1);

		assertCode(() -> lifecycle.approve(draft.id(), " ", LocalDate.of(2026, 1, 5), null, ADMIN),
				"CATALOG_APPROVAL_DOCUMENT_REQUIRED");
		CatalogVersion approved = lifecycle.approve(draft.id(), "宁政函〔2026〕1号", LocalDate.of(2026, 1, 5), null,
				ADMIN);
		assertThat(approved.status()).isEqualTo(VersionStatus.APPROVED);
		assertThat(approved.approval().orElseThrow().document()).isEqualTo("宁政函〔2026〕1号");
		assertCode(() -> lifecycle.file(draft.id(), "备2026-1", LocalDate.of(2026, 1, 6), null, ADMIN),
				"CATALOG_FILING_CITY_ONLY");
		CatalogVersion published = lifecycle.publish(draft.id(), "自治区人民政府公告", ADMIN);
		assertThat(published.status()).isEqualTo(VersionStatus.PUBLISHED);
		assertCode(() -> lifecycle.publish(draft.id(), null, ADMIN), "CATALOG_TRANSITION_ILLEGAL");

		PublishedItem inForce = catalogs.publishedItem("REGION_WATER_ARREARS").orElseThrow();
		assertThat(inForce.catalogCode()).isEqualTo("REGION");
		assertThat(inForce.catalogVersionId()).isEqualTo(draft.id());
		assertThat(inForce.item().provenance().verified()).isTrue();
		assertThat(inForce.item().provenance().source()).contains("宁政函〔2026〕1号");
		assertThat(catalogs.publishedItems().get(0).catalogCode()).isEqualTo("NATIONAL_BASE");

		// A new draft copies the latest version; the published one stays in force until the next is published.
		CatalogVersion second = lifecycle.createDraft("REGION", ADMIN);
		assertThat(second.version()).isEqualTo(published.version() + 1);
		assertThat(second.copiedFromVersionId()).isEqualTo(published.id());
		assertThat(versions.items(second.id())).extracting(CatalogItem::code).containsExactly("REGION_WATER_ARREARS");
		assertCode(() -> lifecycle.createDraft("REGION", ADMIN), "CATALOG_DRAFT_EXISTS");
		lifecycle.putItem(second.id(), item("REGION_WATER_ARREARS", "拖欠水费信息（修订）"), ADMIN);
		lifecycle.putItem(second.id(), item("REGION_GAS_ARREARS", "拖欠燃气费信息"), ADMIN);
		lifecycle.removeItem(second.id(), "REGION_GAS_ARREARS", ADMIN);
		assertThat(versions.items(second.id())).extracting(CatalogItem::name).containsExactly("拖欠水费信息（修订）");
		assertThat(versions.revisionCounts(second.id())).containsEntry("REGION_WATER_ARREARS", 2)
			.containsEntry("REGION_GAS_ARREARS", 2);
		assertThat(catalogs.publishedItem("REGION_WATER_ARREARS").orElseThrow().item().name()).isEqualTo("拖欠水费信息");
		assertThat(versions.items(published.id())).extracting(CatalogItem::name).containsExactly("拖欠水费信息");

		// A draft may be abandoned; it is kept, and the next draft again copies the published version.
		lifecycle.abandon(second.id(), "重新起草", ADMIN);
		CatalogVersion third = lifecycle.createDraft("REGION", ADMIN);
		assertThat(third.copiedFromVersionId()).isEqualTo(published.id());
		assertThat(versions.versions(published.catalog().id())).extracting(CatalogVersion::status)
			.containsExactly(VersionStatus.DRAFT, VersionStatus.ABANDONED, VersionStatus.PUBLISHED);
		lifecycle.abandon(third.id(), "测试结束", ADMIN);

		assertThat(new AuditRows(jdbc).since(before)).extracting(r -> r.get("action"))
			.contains("CATALOG_DRAFT_CREATED", "CATALOG_ITEM_ADDED", "CATALOG_CONSULTATION_OPENED",
					"CATALOG_COMMENT_RECORDED", "CATALOG_APPROVED", "CATALOG_PUBLISHED", "CATALOG_ITEM_CHANGED",
					"CATALOG_ITEM_REMOVED", "CATALOG_ABANDONED");
	}

	@Test
	void aCityCatalogCannotBePublishedBeforeApprovalAndIsFiledWithTheRegion() {
		String cityCode = "11640200MB19000947";
		organisations.register(new NewOrganisation(cityCode, "石嘴山测试市发展和改革委员会", null, OrganisationKind.CITY, null,
				false));
		CatalogVersion draft = lifecycle.createDraft(cityCode, ADMIN);
		assertThat(draft.catalog().kind()).isEqualTo(CatalogKind.CITY);
		lifecycle.putItem(draft.id(), item("CITY_TEST_RENT_ARREARS", "公租房欠租信息"), ADMIN);
		assertCode(() -> lifecycle.publish(draft.id(), null, ADMIN), "CATALOG_TRANSITION_ILLEGAL");
		assertCode(() -> lifecycle.file(draft.id(), "宁发改备〔2026〕3号", LocalDate.of(2026, 2, 1), null, ADMIN),
				"CATALOG_FILING_BEFORE_APPROVAL");
		lifecycle.openConsultation(draft.id(), LocalDate.now().plusDays(30), null, ADMIN);
		assertCode(() -> lifecycle.publish(draft.id(), null, ADMIN), "CATALOG_TRANSITION_ILLEGAL");
		lifecycle.approve(draft.id(), "石政函〔2026〕8号", LocalDate.of(2026, 2, 1), null, ADMIN);
		assertThat(versions.version(draft.id()).orElseThrow().filing()).isEmpty();
		CatalogVersion filed = lifecycle.file(draft.id(), "宁发改备〔2026〕3号", LocalDate.of(2026, 2, 3), null, ADMIN);
		assertThat(filed.status()).isEqualTo(VersionStatus.APPROVED);
		assertThat(filed.filing().orElseThrow().document()).isEqualTo("宁发改备〔2026〕3号");
		assertThat(filed.filing().orElseThrow().documentDate()).isEqualTo(LocalDate.of(2026, 2, 3));
		assertCode(() -> lifecycle.file(draft.id(), "again", LocalDate.of(2026, 2, 3), null, ADMIN),
				"CATALOG_ALREADY_FILED");
		assertThat(lifecycle.publish(draft.id(), null, ADMIN).status()).isEqualTo(VersionStatus.PUBLISHED);
		assertThat(catalogs.publishedItem("CITY_TEST_RENT_ARREARS").orElseThrow().catalogCode()).isEqualTo(cityCode);
	}

	@Test
	void refusesWhatTheLawForbids() {
		assertCode(() -> lifecycle.createDraft("NATIONAL_BASE", ADMIN), "CATALOG_BASE_IMPORT_ONLY");
		assertCode(() -> lifecycle.createDraft("11640000MB1900027Y", ADMIN), "CATALOG_CITY_ORGANISATION_REQUIRED");
		assertCode(() -> lifecycle.createDraft("91999999MA0000000X", ADMIN), "CATALOG_CITY_UNKNOWN");
		String cityCode = "11640300MB19001072";
		organisations.register(new NewOrganisation(cityCode, "吴忠测试市发展和改革委员会", null, OrganisationKind.CITY, null,
				false));
		CatalogVersion draft = lifecycle.createDraft(cityCode, ADMIN);
		// A supplementary item may not reuse a base item's code.
		assertCode(() -> lifecycle.putItem(draft.id(), item("ADMIN_PENALTY", "处罚"), ADMIN), "CATALOG_ITEM_CODE_IN_BASE");
		// An item without responsible unit or legal basis cannot be approved (art. 27).
		CatalogItem incomplete = ItemJson.parse("""
				{"code": "CITY_INCOMPLETE", "name": "不完整条目", "category": "ADMINISTRATIVE",
				 "subjectTypes": ["ORGANISATION"], "openness": "PUBLIC", "sharing": "CONDITIONAL",
				 "naturalKey": ["documentNumber"],
				 "fields": [{"key": "subjectCode", "label": "统一社会信用代码", "type": "SUBJECT_CODE", "required": true},
				            {"key": "documentNumber", "label": "文书号", "type": "TEXT"}]}""", null);
		lifecycle.putItem(draft.id(), incomplete, ADMIN);
		lifecycle.openConsultation(draft.id(), null, null, ADMIN);
		assertThatThrownBy(() -> lifecycle.approve(draft.id(), "吴政函〔2026〕2号", LocalDate.of(2026, 3, 1), null, ADMIN))
			.isInstanceOfSatisfying(DomainException.class, e -> {
				assertThat(e.code()).isEqualTo("CATALOG_ITEM_INCOMPLETE");
				assertThat(e.args()[0]).isEqualTo("CITY_INCOMPLETE");
			});
		lifecycle.reopenDraft(draft.id(), "补充责任单位", ADMIN);
		assertThat(versions.version(draft.id()).orElseThrow().status()).isEqualTo(VersionStatus.DRAFT);
	}

	@Test
	void keptRowsCannotBeChangedOrRemoved() {
		assertThatThrownBy(() -> jdbc.sql("update catalog_version set title = 'x'").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from catalog_item_revision").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("update catalog_version_event set actor = 'x'").update()).rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("update item_provider set item_code = 'X'").update()).rootCause()
			.hasMessageContaining("only ended");
	}

	static CatalogItem item(String code, String name) {
		return ItemJson.parse("""
				{"code": "%s", "name": "%s", "category": "LAW_COMPLIANCE", "subjectTypes": ["ORGANISATION", "NATURAL_PERSON"],
				 "responsibleUnit": "供水企业主管部门", "legalBasis": "《某某条例》第十条", "openness": "CONDITIONAL",
				 "sharing": "CONDITIONAL", "dishonesty": true, "naturalKey": ["documentNumber"],
				 "basisDocumentField": "documentNumber", "decisionDateField": "decisionDate",
				 "fields": [{"key": "subjectName", "label": "主体名称", "type": "TEXT", "required": true, "masking": "PERSON_NAME"},
				            {"key": "subjectCode", "label": "统一社会信用代码", "type": "SUBJECT_CODE", "required": true, "masking": "ID_NUMBER"},
				            {"key": "documentNumber", "label": "认定文书号", "type": "TEXT", "required": true, "maxLength": 100},
				            {"key": "decisionDate", "label": "认定日期", "type": "DATE", "required": true}]}"""
			.formatted(code, name), null);
	}

	static NewComment comment(String text) {
		return new NewComment(null, "张三", null, null, text, null);
	}

	static void assertCode(Runnable action, String code) {
		assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class,
				e -> assertThat(e.code()).isEqualTo(code));
	}

}
