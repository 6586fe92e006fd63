package org.xinyong.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.Organisation;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.Role;
import org.xinyong.access.StaffPrincipal;
import org.xinyong.access.StaffUsers;
import org.xinyong.access.StaffUsers.NewStaffUser;
import org.xinyong.audit.AuditEvent;
import org.xinyong.audit.AuditTrail;
import org.xinyong.catalog.CatalogItem;
import org.xinyong.catalog.Catalogs;
import org.xinyong.catalog.PublishedItem;
import org.xinyong.catalog.SharingLevel;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.subject.internal.Gb11643;
import org.xinyong.subject.internal.Gb32100;
import org.xinyong.testing.AuditRows;

import tools.jackson.databind.json.JsonMapper;

/**
 * State bodies' sharing queries end to end: grants and purposes, withheld items and why, natural persons'
 * authorisations, withdrawals, refusals, and the audit of every query. Each test works with departments of its
 * own, so that grants of one test do not help another.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SharingIT {

	static final String DEMO_KEY = "test-demo-key-0123456789";
	static final String DEMO_SYSTEM = "12640000MB1900051C";
	static final String NOT_SHAREABLE_ITEM = "TEST_NOT_SHAREABLE";
	static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	StaffUsers users;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	AuditTrail trail;

	/** The catalog as published, plus one made-up item that is never shared (the base catalog has none). */
	@MockitoSpyBean
	Catalogs catalogs;

	/** A department of its own with a DEPARTMENT_USER and an API key. */
	record Department(Organisation organisation, StaffPrincipal user, String apiKey) {

		String code() {
			return organisation.code();
		}

		RequestPostProcessor session() {
			return SecurityMockMvcRequestPostProcessors.user(user);
		}
	}

	Department department() {
		int n = SEQUENCE.incrementAndGet();
		String first17 = "11640000MB19" + String.format("%05d", 40000 + n);
		String code = first17 + Gb32100.checkCharacter(first17);
		Organisation o = organisations.register(new NewOrganisation(code, "测试共享部门" + n, null,
				OrganisationKind.DEPARTMENT, null, false));
		StaffPrincipal user = users.create(new NewStaffUser("sharing-dept-" + n, "测试部门用户" + n,
				"Sharing-Test-Password-" + n, o.id(), Set.of(Role.DEPARTMENT_USER), "test"));
		String key = apiKeys.issue(o.id(), "测试对接系统" + n, "test").plainKey();
		return new Department(o, user, key);
	}

	static String company() {
		String first17 = "91640100MA" + String.format("%07d", 1000000 + SEQUENCE.incrementAndGet());
		return first17 + Gb32100.checkCharacter(first17);
	}

	static String person() {
		String first17 = "640104" + "19850312" + String.format("%03d", 100 + SEQUENCE.incrementAndGet() % 800);
		return first17 + Gb11643.checkDigit(first17);
	}

	RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername("admin").orElseThrow());
	}

	// --- records

	void submit(String item, List<Map<String, Object>> records) throws Exception {
		Map<String, Object> body = Map.of("catalogItem", item, "submissionKey", "sharing-" + SEQUENCE.incrementAndGet(),
				"records", records);
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(0));
	}

	static Map<String, Object> licence(String subjectCode, String name, String number) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", subjectCode);
		r.put("licenceDocumentName", "食品经营许可决定书");
		r.put("licenceDocumentNumber", number);
		r.put("licenceCategory", "GENERAL");
		r.put("licenceContent", "食品销售");
		r.put("decisionDate", "2026-02-01");
		r.put("validFrom", "2026-02-01");
		r.put("authority", "某市市场监督管理局");
		r.put("authorityCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	static Map<String, Object> evaluation(String subjectCode, String name) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", name);
		r.put("subjectCode", subjectCode);
		r.put("evaluationScheme", "SECTOR");
		r.put("evaluationName", "家政服务人员信用评价");
		r.put("evaluationPeriod", "2025");
		r.put("grade", "A");
		r.put("evaluationDate", "2026-01-20");
		r.put("evaluator", "自治区商务厅");
		r.put("evaluatorCode", "11640000MB1900027Y");
		r.put("sourceUnit", "自治区商务厅");
		r.put("sourceUnitCode", "11640000MB1900027Y");
		return r;
	}

	// --- grants and queries

	ResultActions grant(Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/sharing/grants").with(admin())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long grant(Department d, String item, List<String> purposes, String basis, boolean statutory) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("organisationCode", d.code());
		body.put("itemCode", item);
		if (purposes == null) {
			body.put("allPurposes", true);
		}
		else {
			body.put("purposes", purposes);
		}
		if (basis != null) {
			body.put("lawfulBasis", basis);
		}
		body.put("statutoryBasis", statutory);
		String response = grant(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return json.readTree(response).get("id").asLong();
	}

	ResultActions authorise(Map<String, Object> body) throws Exception {
		return mvc.perform(post("/api/v1/sharing/authorisations").with(admin())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long authorise(String subject, Department d, List<String> items, String purpose, LocalDate from, LocalDate until)
			throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("subjectCode", subject);
		body.put("organisationCode", d.code());
		body.put("itemCodes", items);
		body.put("purpose", purpose);
		body.put("validFrom", from.toString());
		body.put("validUntil", until.toString());
		body.put("documentReference", "授权书-" + SEQUENCE.incrementAndGet());
		String response = authorise(body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return json.readTree(response).get("id").asLong();
	}

	ResultActions withdraw(String what, long id, String reason) throws Exception {
		return mvc.perform(post("/api/v1/sharing/" + what + "/" + id + "/withdrawal").with(admin())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(reason == null ? Map.of() : Map.of("reason", reason))));
	}

	static MockHttpServletRequestBuilder query(String subject, String purpose) {
		MockHttpServletRequestBuilder get = get("/api/v1/sharing/subjects/" + subject);
		return purpose == null ? get : get.param("purpose", purpose);
	}

	static final String CONSENT = "《政府采购法》第二十二条";

	@Test
	void grantedItemsAreReturnedWithFullValuesAndTheOthersWithheldWithTheReason() throws Exception {
		Department d = department();
		String subject = company();
		var penalty = SubmissionApiIT.penalty(subject, "银川某某商贸有限公司", "银市监罚〔2026〕" + SEQUENCE.incrementAndGet() + "号");
		var revoked = SubmissionApiIT.penalty(subject, "银川某某商贸有限公司", "银市监罚〔2026〕" + SEQUENCE.incrementAndGet() + "号");
		submit("ADMIN_PENALTY", List.of(penalty, revoked));
		submit("ADMIN_LICENCE", List.of(licence(subject, "银川某某商贸有限公司", "JY1640" + SEQUENCE.incrementAndGet())));
		String revokedId = jdbc.sql("select record_id::text from record_version where natural_key = ?")
			.param(revoked.get("decisionNumber"))
			.query(String.class)
			.single();
		mvc.perform(post("/api/v1/records/" + revokedId + "/revocation").header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"复议撤销\"}")).andExpect(status().isOk());

		grant(d, "ADMIN_PENALTY", List.of("PROCUREMENT", "BIDDING"), null, false);
		grant(d, "ADMIN_LICENCE", List.of("LICENSING"), null, false);

		mvc.perform(query(subject, "PROCUREMENT").with(d.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject.code").value(subject))
			.andExpect(jsonPath("$.subject.name").value("银川某某商贸有限公司"))
			.andExpect(jsonPath("$.subject.type").value("ORGANISATION"))
			.andExpect(jsonPath("$.purpose").value("PROCUREMENT"))
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_PENALTY")))
			.andExpect(jsonPath("$.items[0].name").value("行政处罚信息"))
			.andExpect(jsonPath("$.items[0].records", hasSize(1)))
			.andExpect(jsonPath("$.items[0].records[0].values.decisionNumber").value(penalty.get("decisionNumber")))
			.andExpect(jsonPath("$.items[0].records[0].values.legalRepresentative").value("张三"))
			.andExpect(jsonPath("$.items[0].records[0].values.subjectCode").value(subject))
			.andExpect(jsonPath("$.items[0].records[0].provider.code").value(DEMO_SYSTEM))
			.andExpect(jsonPath("$.items[0].records[0].decisionDate").value("2026-03-15"))
			.andExpect(jsonPath("$.items[0].records[0].recordedAt").isNotEmpty())
			.andExpect(jsonPath("$.withheld[?(@.code == 'ADMIN_LICENCE')].reason").value(hasItem("PURPOSE_NOT_COVERED")))
			.andExpect(jsonPath("$.withheld[?(@.code == 'HONOUR')].reason").value(hasItem("NO_GRANT")))
			.andExpect(jsonPath("$.withheld[?(@.code == 'HONOUR')].message").value(hasItem(containsString("共享授权"))))
			.andExpect(jsonPath("$.withheld[*].code", not(hasItem("ADMIN_PENALTY"))));

		// The department system of the same organisation, by API key, for the other purpose: only the licence.
		mvc.perform(query(subject, "licensing").header("X-Api-Key", d.apiKey()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_LICENCE")))
			.andExpect(jsonPath("$.items[0].records[0].values.licenceContent").value("食品销售"))
			.andExpect(jsonPath("$.withheld[?(@.code == 'ADMIN_PENALTY')].reason").value(hasItem("PURPOSE_NOT_COVERED")));
	}

	@Test
	void aPurposeNoGrantCoversIsRefused() throws Exception {
		Department d = department();
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		grant(d, "ADMIN_PENALTY", List.of("PROCUREMENT"), null, false);
		mvc.perform(query(subject, "FUNDING").with(d.session()))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.code").value("SHARING_NOT_GRANTED"))
			.andExpect(jsonPath("$.title").value(containsString("资金安排")))
			.andExpect(content().string(not(containsString("某公司"))));
		// A department without any grant learns nothing either.
		mvc.perform(query(subject, "PROCUREMENT").with(department().session()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("SHARING_NOT_GRANTED"));
	}

	@Test
	void aMissingOrInvalidPurposeOrCodeIsAClearBadRequest() throws Exception {
		Department d = department();
		grant(d, "ADMIN_PENALTY", null, null, false);
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));

		mvc.perform(query(subject, null).with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.code").value("SHARING_PURPOSE_REQUIRED"));
		mvc.perform(query(subject, " ").with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_PURPOSE_REQUIRED"));
		mvc.perform(query(subject, "CURIOSITY").with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_PURPOSE_INVALID"))
			.andExpect(jsonPath("$.title").value(containsString("CURIOSITY")));
		mvc.perform(query(subject, "OTHER").with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_PURPOSE_TEXT_REQUIRED"));
		mvc.perform(query(subject, "OTHER").param("purposeText", "信访事项核查").with(d.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.purposeText").value("信访事项核查"))
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_PENALTY")));

		String badCheck = subject.substring(0, 17) + (subject.charAt(17) == '0' ? '1' : '0');
		mvc.perform(query(badCheck, "PROCUREMENT").with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("USCC_CHECK_CHARACTER"));
		mvc.perform(query("not-a-code", "PROCUREMENT").with(d.session()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("IDENTIFIER_UNRECOGNISED"));
		mvc.perform(query(company(), "PROCUREMENT").with(d.session()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SUBJECT_UNKNOWN"));
	}

	@Test
	void itemsThatAreNeverSharedCannotBeGrantedAndConditionalItemsNeedABasis() throws Exception {
		CatalogItem penalty = catalogs.publishedItem("ADMIN_PENALTY").orElseThrow().item();
		CatalogItem secret = new CatalogItem(NOT_SHAREABLE_ITEM, penalty.category(), "不予共享的测试条目", "Not shared",
				penalty.subjectTypes(), penalty.responsibleUnit(), penalty.legalBasis(), penalty.openness(),
				SharingLevel.NONE, penalty.dishonesty(), penalty.severityField(), penalty.naturalKey(),
				penalty.basisDocumentField(), penalty.decisionDateField(), penalty.provenance(), penalty.fields());
		doReturn(Optional.of(new PublishedItem(1, "REGION", secret))).when(catalogs).publishedItem(NOT_SHAREABLE_ITEM);
		Department d = department();
		long before = grantCount();

		Map<String, Object> body = new LinkedHashMap<>(Map.of("organisationCode", d.code(), "itemCode",
				NOT_SHAREABLE_ITEM, "allPurposes", true, "lawfulBasis", CONSENT, "statutoryBasis", true));
		grant(body).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("SHARING_ITEM_NOT_SHAREABLE"));

		body.put("itemCode", "CREDIT_EVALUATION");
		body.remove("lawfulBasis");
		body.put("statutoryBasis", false);
		grant(body).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("SHARING_LAWFUL_BASIS_REQUIRED"));
		body.put("itemCode", "NO_SUCH_ITEM");
		grant(body).andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("SHARING_ITEM_UNKNOWN"));
		body.put("itemCode", "ADMIN_PENALTY");
		body.put("allPurposes", false);
		grant(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SHARING_PURPOSES_REQUIRED"));
		body.put("purposes", List.of("PROCUREMENT", "GOSSIP"));
		grant(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SHARING_PURPOSE_INVALID"));
		body.put("purposes", List.of("PROCUREMENT"));
		body.put("validFrom", "2026-03-01");
		body.put("validUntil", "2026-02-01");
		grant(body).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("SHARING_PERIOD_INVALID"));
		body.put("organisationCode", company());
		body.remove("validUntil");
		grant(body).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("SHARING_ORGANISATION_UNKNOWN"));
		assertThat(grantCount()).isEqualTo(before);
	}

	long grantCount() {
		return jdbc.sql("select count(*) from sharing_grant").query(Long.class).single();
	}

	@Test
	void aNaturalPersonsNonPublicItemNeedsTheirAuthorisationValidTodayOrAStatutoryBasis() throws Exception {
		Department d = department();
		String person = person();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(person, "王某某", "宁罚" + SEQUENCE.incrementAndGet())));
		submit("CREDIT_EVALUATION", List.of(evaluation(person, "王某某")));
		grant(d, "ADMIN_PENALTY", null, null, false);
		grant(d, "CREDIT_EVALUATION", null, "《家政服务信用信息共享协议》", false);

		// Without authorisation: the public penalty is shared, the conditionally open evaluation withheld.
		mvc.perform(query(person, "PUBLIC_EMPLOYMENT").with(d.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject.type").value("NATURAL_PERSON"))
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_PENALTY")))
			.andExpect(jsonPath("$.withheld[?(@.code == 'CREDIT_EVALUATION')].reason")
				.value(hasItem("AUTHORISATION_REQUIRED")));

		// An authorisation that ended yesterday, or one for another purpose, does not help.
		LocalDate today = LocalDate.now(org.xinyong.platform.Zones.DISPLAY);
		authorise(person, d, List.of("CREDIT_EVALUATION"), "PUBLIC_EMPLOYMENT", today.minusDays(30), today.minusDays(1));
		authorise(person, d, List.of("CREDIT_EVALUATION"), "HONOURS", today, today.plusDays(30));
		assertWithheld(person, d, "PUBLIC_EMPLOYMENT");

		// The person's authorisation valid today for this organisation and purpose: shared, with full values.
		long id = authorise(person, d, List.of("CREDIT_EVALUATION"), "PUBLIC_EMPLOYMENT", today, today.plusDays(30));
		mvc.perform(query(person, "PUBLIC_EMPLOYMENT").with(d.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_PENALTY", "CREDIT_EVALUATION")))
			.andExpect(jsonPath("$.items[1].records[0].values.grade").value("A"))
			.andExpect(jsonPath("$.items[1].records[0].values.subjectCode").value(person))
			.andExpect(jsonPath("$.items[1].records[0].values.subjectName").value("王某某"));
		// ... but not to another organisation holding the same grants.
		Department other = department();
		grant(other, "CREDIT_EVALUATION", null, "《家政服务信用信息共享协议》", false);
		assertWithheld(person, other, "PUBLIC_EMPLOYMENT");

		// Withdrawn: withheld again.
		withdraw("authorisations", id, "本人撤回授权").andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawal.reason").value("本人撤回授权"));
		assertWithheld(person, d, "PUBLIC_EMPLOYMENT");
		mvc.perform(get("/api/v1/sharing/authorisations").param("subject", person).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(3)))
			.andExpect(jsonPath("$[0].id").value((int) id))
			.andExpect(jsonPath("$[0].purpose").value("PUBLIC_EMPLOYMENT"))
			.andExpect(jsonPath("$[0].itemCodes", contains("CREDIT_EVALUATION")))
			.andExpect(jsonPath("$[0].organisationCode").value(d.code()))
			.andExpect(jsonPath("$[0].withdrawal.reason").value("本人撤回授权"))
			.andExpect(jsonPath("$[1].withdrawal").doesNotExist());
		mvc.perform(get("/api/v1/sharing/authorisations").param("subject", "12345").with(admin()))
			.andExpect(status().isBadRequest());
		assertThatThrownBy(() -> jdbc.sql("delete from sharing_authorisation_withdrawal where authorisation_id = ?")
			.param(id)
			.update()).hasStackTraceContaining("append-only");

		// A grant on a statutory basis needs no authorisation.
		grant(other, "CREDIT_EVALUATION", List.of("PUBLIC_EMPLOYMENT"), "《公务员法》第二十六条", true);
		mvc.perform(query(person, "PUBLIC_EMPLOYMENT").with(other.session()))
			.andExpect(jsonPath("$.items[*].code", contains("CREDIT_EVALUATION")));

		// Only natural persons authorise; the document and the end date are required.
		authorise(Map.of("subjectCode", company(), "organisationCode", d.code(), "allItems", true, "purpose",
				"PROCUREMENT", "validUntil", today.toString(), "documentReference", "x"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("SUBJECT_UNKNOWN"));
		authorise(Map.of("subjectCode", person, "organisationCode", d.code(), "allItems", true, "purpose",
				"PROCUREMENT", "validUntil", today.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_DOCUMENT_REQUIRED"));
		authorise(Map.of("subjectCode", person, "organisationCode", d.code(), "allItems", true, "purpose",
				"PROCUREMENT", "documentReference", "x"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_VALID_UNTIL_REQUIRED"));
	}

	@Test
	void authorisationsAreOnlyForNaturalPersons() throws Exception {
		Department d = department();
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		authorise(Map.of("subjectCode", subject, "organisationCode", d.code(), "allItems", true, "purpose",
				"PROCUREMENT", "validUntil", "2099-12-31", "documentReference", "x"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("SHARING_AUTHORISATION_PERSONS_ONLY"));
	}

	void assertWithheld(String person, Department d, String purpose) throws Exception {
		mvc.perform(query(person, purpose).with(d.session()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", not(hasItem("CREDIT_EVALUATION"))))
			.andExpect(jsonPath("$.withheld[?(@.code == 'CREDIT_EVALUATION')].reason")
				.value(hasItem("AUTHORISATION_REQUIRED")));
	}

	@Test
	void aWithdrawnGrantNoLongerWorksAndStaysOnRecord() throws Exception {
		Department d = department();
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		long id = grant(d, "ADMIN_PENALTY", null, null, false);
		mvc.perform(query(subject, "SUPERVISION").with(d.session()))
			.andExpect(jsonPath("$.items[*].code", contains("ADMIN_PENALTY")));

		withdraw("grants", id, null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("SHARING_REASON_REQUIRED"));
		withdraw("grants", id, "履职事项已结束").andExpect(status().isOk())
			.andExpect(jsonPath("$.withdrawal.reason").value("履职事项已结束"))
			.andExpect(jsonPath("$.withdrawal.withdrawnBy").value("admin"));
		withdraw("grants", id, "again").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("SHARING_GRANT_ALREADY_WITHDRAWN"));
		withdraw("grants", 999_999, "x").andExpect(status().isNotFound());

		mvc.perform(query(subject, "SUPERVISION").with(d.session()))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("SHARING_NOT_GRANTED"));
		mvc.perform(get("/api/v1/sharing/grants").param("organisation", d.code()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].itemCode").value("ADMIN_PENALTY"))
			.andExpect(jsonPath("$[0].withdrawal.reason").value("履职事项已结束"));

		// The tables are append-only.
		assertThatThrownBy(() -> jdbc.sql("update sharing_grant set item_code = 'HONOUR' where id = ?").param(id).update())
			.hasStackTraceContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from sharing_grant_withdrawal where grant_id = ?").param(id).update())
			.hasStackTraceContaining("append-only");
	}

	@Test
	void everyQueryAnsweredOrRefusedIsAuditedWithPurposeAndSubjectAndShownToTheSubject() throws Exception {
		Department d = department();
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		long beforeGrant = new AuditRows(jdbc).maxId();
		long grantId = grant(d, "ADMIN_PENALTY", List.of("BIDDING"), null, false);
		assertThat(new AuditRows(jdbc).since(beforeGrant)).extracting(r -> r.get("action"))
			.contains("SHARING_GRANT_CREATED");
		assertThat(trail.readsAbout(subject)).isEmpty();

		long before = new AuditRows(jdbc).maxId();
		mvc.perform(query(subject, "BIDDING").with(d.session())).andExpect(status().isOk());
		mvc.perform(query(subject, "HONOURS").header("X-Api-Key", d.apiKey())).andExpect(status().isForbidden());
		mvc.perform(query(subject, "OTHER").param("purposeText", "专项检查").with(d.session()))
			.andExpect(status().isForbidden());
		mvc.perform(query(subject, "NOPE").with(d.session())).andExpect(status().isBadRequest());

		List<Map<String, Object>> rows = jdbc.sql("""
				select action, outcome, actor, organisation_code, subject_ref, purpose, detail::text as detail
				from audit_event where id > ? and action = 'SHARING_READ' order by id""")
			.param(before)
			.query()
			.listOfRows();
		assertThat(rows).hasSize(4);
		assertThat(rows.get(0)).containsEntry("outcome", "SUCCESS")
			.containsEntry("actor", d.user().username())
			.containsEntry("organisation_code", d.code())
			.containsEntry("subject_ref", subject)
			.containsEntry("purpose", "BIDDING");
		assertThat((String) rows.get(0).get("detail")).contains("\"items\":[\"ADMIN_PENALTY\"]").contains("HONOUR");
		assertThat(rows.get(1)).containsEntry("outcome", "DENIED")
			.containsEntry("subject_ref", subject)
			.containsEntry("purpose", "HONOURS");
		assertThat((String) rows.get(1).get("actor")).startsWith("api-key:");
		assertThat((String) rows.get(1).get("detail")).contains("SHARING_NOT_GRANTED");
		assertThat(rows.get(2)).containsEntry("purpose", "OTHER: 专项检查").containsEntry("outcome", "DENIED");
		assertThat(rows.get(3)).containsEntry("outcome", "FAILURE").containsEntry("purpose", null);
		assertThat((String) rows.get(3).get("detail")).contains("SHARING_PURPOSE_INVALID");

		// The subject sees who asked, from which organisation and why (art. 50).
		List<AuditEvent> reads = trail.readsAbout(subject);
		assertThat(reads).extracting(AuditEvent::purpose).contains("BIDDING", "HONOURS", "OTHER: 专项检查");
		assertThat(reads).filteredOn(e -> "BIDDING".equals(e.purpose()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.organisationCode()).isEqualTo(d.code());
				assertThat(e.action()).isEqualTo("SHARING_READ");
				assertThat(e.detail()).contains("ADMIN_PENALTY");
			});

		long beforeWithdrawal = new AuditRows(jdbc).maxId();
		withdraw("grants", grantId, "测试").andExpect(status().isOk());
		assertThat(new AuditRows(jdbc).since(beforeWithdrawal)).extracting(r -> r.get("action"))
			.containsExactly("SHARING_GRANT_WITHDRAWN");
	}

	@Test
	void onlyDepartmentsQueryAndOnlyAdministratorsGrant() throws Exception {
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		mvc.perform(query(subject, "PROCUREMENT")).andExpect(status().isUnauthorized());
		mvc.perform(query(subject, "PROCUREMENT").with(SecurityMockMvcRequestPostProcessors
			.user(users.byUsername("provider").orElseThrow()))).andExpect(status().isForbidden());
		mvc.perform(query(subject, "PROCUREMENT").with(admin())).andExpect(status().isForbidden());

		Department d = department();
		mvc.perform(get("/api/v1/sharing/grants").with(d.session())).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/sharing/grants").header("X-Api-Key", d.apiKey())).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/sharing/grants").header("X-Api-Key", d.apiKey())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("organisationCode", d.code(), "itemCode", "ADMIN_PENALTY",
					"allPurposes", true))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/sharing").with(SecurityMockMvcRequestPostProcessors
			.user(users.byUsername("provider").orElseThrow()))).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from sharing_grant where organisation_id = ?")
			.param(d.organisation().id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theDemoDepartmentIsGrantedFourItemsForAllPurposes() throws Exception {
		mvc.perform(get("/api/v1/sharing/grants").param("organisation", "11640000MB1900035R").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].itemCode", org.hamcrest.Matchers.containsInAnyOrder("ADMIN_PENALTY",
					"ADMIN_LICENCE", "CREDIT_EVALUATION", "CONTRACT_PERFORMANCE")))
			.andExpect(jsonPath("$[*].allPurposes", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));
		String subject = company();
		submit("ADMIN_PENALTY", List.of(SubmissionApiIT.penalty(subject, "某公司", "宁罚" + SEQUENCE.incrementAndGet())));
		mvc.perform(query(subject, "LICENSING").with(SecurityMockMvcRequestPostProcessors
			.user(users.byUsername("department").orElseThrow())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", hasItem("ADMIN_PENALTY")))
			.andExpect(jsonPath("$.items[?(@.code == 'ADMIN_PENALTY')].records[*]", hasSize(1)));
	}

	@Test
	void theConsolePageListsGrantsAndAddsAndWithdrawsThem() throws Exception {
		Department d = department();
		mvc.perform(post("/console/sharing/grants").with(admin())
			.with(csrf())
			.param("organisationCode", d.code())
			.param("itemCode", "ADMIN_LICENCE")
			.param("purposes", "PROCUREMENT", "BIDDING")
			.param("validFrom", "2026-01-01"))
			.andExpect(status().is3xxRedirection());
		Map<String, Object> row = jdbc.sql("select id, purposes::text as purposes from sharing_grant where organisation_id = ?")
			.param(d.organisation().id())
			.query()
			.singleRow();
		assertThat(row.get("purposes")).isEqualTo("{BIDDING,PROCUREMENT}");
		mvc.perform(get("/api/v1/sharing/grants").param("organisation", d.code()).with(admin()))
			.andExpect(jsonPath("$[0].purposes", org.hamcrest.Matchers.containsInAnyOrder("PROCUREMENT", "BIDDING")))
			.andExpect(jsonPath("$[0].allPurposes").value(false))
			.andExpect(jsonPath("$[0].organisationName").value(d.organisation().name()))
			.andExpect(jsonPath("$[0].grantedBy").value("admin"));
		mvc.perform(post("/console/sharing/grants").with(admin())
			.with(csrf())
			.param("organisationCode", d.code())
			.param("itemCode", "CREDIT_EVALUATION")
			.param("purposes", "ALL"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("failure", containsString("SHARING_LAWFUL_BASIS_REQUIRED")));
		mvc.perform(get("/console/sharing").with(admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(d.organisation().name())))
			.andExpect(content().string(containsString("政府采购")))
			.andExpect(content().string(containsString("/console/sharing/grants/" + row.get("id") + "/withdrawal")));
		mvc.perform(post("/console/sharing/grants/" + row.get("id") + "/withdrawal").with(admin())
			.with(csrf())
			.param("reason", "不再需要"))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get("/console/sharing").with(admin()))
			.andExpect(content().string(containsString("已撤回：不再需要")))
			.andExpect(content().string(not(containsString("/console/sharing/grants/" + row.get("id") + "/withdrawal"))));
		mvc.perform(get("/console/sharing").with(SecurityMockMvcRequestPostProcessors
			.user(users.byUsername("auditor").orElseThrow()))).andExpect(status().isOk());
		mvc.perform(post("/console/sharing/grants").with(SecurityMockMvcRequestPostProcessors
			.user(users.byUsername("auditor").orElseThrow()))
			.with(csrf())
			.param("organisationCode", d.code())
			.param("itemCode", "ADMIN_LICENCE")
			.param("purposes", "ALL")).andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from sharing_grant where organisation_id = ?")
			.param(d.organisation().id()).query(Long.class).single()).isEqualTo(1);
	}
}
