package org.xinyong.objection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.access.Organisations;
import org.xinyong.access.StaffUsers;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.platform.DomainException;
import org.xinyong.platform.Zones;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Objections and self-correction tasks end to end: filing by a signed-in subject (page and API, attachments
 * checked), working-day deadlines across the 2026 Spring Festival and National Day (make-up working days included),
 * the state machine, upheld (corrected version and ledger leaf) and rejected outcomes as the applicant sees them,
 * the overdue flag in the console, and "异议处理中" on the public subject page.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ObjectionIT.MovableClock.class)
class ObjectionIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String COMPANY = "91640100MA7AC0U13A";
	static final String OTHER = "91640100MA7AC0U215";
	static final String DEMO_CODE = "246810";
	static final String DEMO_ORG = "12640000MB1900051C";
	static final String CENTRE_USER = "reviewer";
	static final Instant NOW = Instant.parse("2026-11-26T04:00:00Z");
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
	static final byte[] PDF = "%PDF-1.4\n%demo\n".getBytes();

	/** A platform clock the test moves to the day it needs. */
	@TestConfiguration
	static class MovableClock {

		static final AtomicReference<Instant> INSTANT = new AtomicReference<>(NOW);

		@Bean
		@Primary
		Clock movableClock() {
			return new Clock() {
				@Override
				public ZoneId getZone() {
					return Zones.DISPLAY;
				}

				@Override
				public Clock withZone(ZoneId zone) {
					return this;
				}

				@Override
				public Instant instant() {
					return INSTANT.get();
				}
			};
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ObjectionService service;

	@Autowired
	StaffUsers users;

	@Autowired
	Organisations organisations;

	@AfterEach
	void resetClock() {
		MovableClock.INSTANT.set(NOW);
	}

	static void today(String date) {
		MovableClock.INSTANT.set(LocalDate.parse(date).atTime(10, 0).atZone(Zones.DISPLAY).toInstant());
	}

	/** Submits a penalty of the subject (with the clock at 2026-11-26) and returns its record id. */
	UUID penalty(String code, String number) throws Exception {
		Map<String, Object> record = SubmissionApiIT.penalty(code, "银川甲乙科技有限公司", number);
		return submit("ADMIN_PENALTY", record, number);
	}

	UUID submit(String item, Map<String, Object> record, String key) throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", item, "submissionKey", "objection-" + key,
					"records", List.of(record)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
		return jdbc.sql("select record_id from record_version where payload::jsonb ->> ? = ? limit 1")
			.params("ADMIN_PENALTY".equals(item) ? "decisionNumber" : "contractNumber", key)
			.query(UUID.class)
			.single();
	}

	MockHttpSession signedIn(String code) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", code)
			.param("verificationCode", DEMO_CODE)
			.with(csrf())).andExpect(redirectedUrl("/account"));
		return session;
	}

	long fileByApi(MockHttpSession session, UUID recordId, String grounds, String route) throws Exception {
		String body = mvc.perform(post("/api/v1/objections").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("recordId", recordId.toString(), "versionNo", 1, "grounds",
					grounds, "explanation", "罚款金额有误，应为伍仟元。", "route", route))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}

	Handler handler(String username) {
		var p = users.byUsername(username).orElseThrow();
		return new Handler(p.getUsername(), p.organisationId(),
				p.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
	}

	/** Posts an objection as JSON with the session (null: none) and the extra request settings. */
	ResultActions postJson(MockHttpSession session, String body, RequestPostProcessor extra) throws Exception {
		var request = post("/api/v1/objections").with(csrf()).with(extra)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(session == null ? request : request.session(session));
	}

	static String objection(UUID record, String more) {
		return "{\"recordId\":\"" + record + "\",\"grounds\":\"ERROR\",\"explanation\":\"有误\"" + more + "}";
	}

	@Test
	void anonymousObjectionsAreRefused() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕501号");
		postJson(null, objection(record, ""), r -> r)
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("OBJECTION_SIGN_IN_REQUIRED"));
		mvc.perform(get("/account/objections/new").param("recordId", record.toString()))
			.andExpect(redirectedUrl("/account/login"));
		// A staff key is no subject either.
		postJson(null, objection(record, ""), r -> {
			r.addHeader("X-Api-Key", KEY);
			return r;
		}).andExpect(status().isUnauthorized());
		assertThat(service.pendingAmong(List.of(record))).isEmpty();
	}

	@Test
	void aSubjectObjectsOnlyToItsOwnRecords() throws Exception {
		UUID others = penalty(OTHER, "银市监罚〔2026〕502号");
		MockHttpSession session = signedIn(COMPANY);
		postJson(session, objection(others, ""), r -> r)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("OBJECTION_RECORD_UNKNOWN"));
		UUID mine = penalty(COMPANY, "银市监罚〔2026〕503号");
		postJson(session, objection(mine, ",\"versionNo\":7"), r -> r)
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("OBJECTION_VERSION_UNKNOWN"));
		long id = fileByApi(session, mine, "ERROR", "PLATFORM");
		postJson(session, objection(mine, ""), r -> r)
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("OBJECTION_ALREADY_PENDING"));
		mvc.perform(get("/api/v1/objections/" + id).session(signedIn(OTHER))).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/objections").session(session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("RECEIVED"));
	}

	/** Files an objection with the given attachments through the multipart API. */
	ResultActions fileWith(MockHttpSession session, UUID record, MockMultipartFile... files) throws Exception {
		var request = multipart("/api/v1/objections");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return mvc.perform(request.session(session)
			.with(csrf())
			.param("recordId", record.toString())
			.param("grounds", "ERROR")
			.param("explanation", "附缴款凭证"));
	}

	@Test
	void attachmentsAreCheckedByTheirBytesAndSize() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕504号");
		MockHttpSession session = signedIn(COMPANY);
		fileWith(session, record,
				new MockMultipartFile("attachments", "evidence.pdf", "application/pdf", "MZ not a pdf".getBytes()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("OBJECTION_ATTACHMENT_TYPE"));
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, big, 0, PNG.length);
		fileWith(session, record, new MockMultipartFile("attachments", "big.png", "image/png", big))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("OBJECTION_ATTACHMENT_TOO_LARGE"));
		assertThat(service.pendingAmong(List.of(record))).isEmpty();

		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16 };
		String body = fileWith(session, record,
				new MockMultipartFile("attachments", "decision.pdf", "application/octet-stream", PDF),
				new MockMultipartFile("attachments", "../../photo.jpg", "image/jpeg", jpeg),
				new MockMultipartFile("attachments", "receipt.png", "image/png", PNG))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		JsonNode filed = json.readTree(body);
		assertThat(filed.get("attachments").findValuesAsString("contentType")).containsExactly("application/pdf",
				"image/jpeg", "image/png");
		assertThat(filed.get("attachments").findValuesAsString("fileName")).contains("photo.jpg");
		long id = filed.get("id").asLong();
		long attachment = filed.get("attachments").get(0).get("id").asLong();
		byte[] stored = mvc.perform(get("/console/objections/" + id + "/attachments/" + attachment).with(staff(CENTRE_USER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(stored).isEqualTo(PDF);
		assertThat(mvc.perform(get("/account/objections/" + id + "/attachments/" + attachment).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray()).isEqualTo(PDF);
		penalty(OTHER, "银市监罚〔2026〕513号");
		mvc.perform(get("/account/objections/" + id + "/attachments/" + attachment).session(signedIn(OTHER)))
			.andExpect(status().isNotFound());
	}

	@Test
	void deadlinesCountWorkingDaysAcrossTheSpringFestivalAndAssistanceStretchesThemToSeven() throws Exception {
		UUID assisted = penalty(COMPANY, "银市监罚〔2026〕505号");
		UUID late = penalty(COMPANY, "银市监罚〔2026〕506号");
		MockHttpSession session = signedIn(COMPANY);
		today("2026-02-13"); // Friday; 02-14 is a make-up working Saturday, 02-15…02-23 the holiday
		long id = fileByApi(session, assisted, "OMISSION", "PLATFORM");
		long lateId = fileByApi(session, late, "ERROR", "PLATFORM");
		Case c = service.byId(id).orElseThrow();
		assertThat(c.receivedOn()).isEqualTo("2026-02-13");
		assertThat(c.deadline()).isEqualTo("2026-02-25");
		assertThat(service.progress(c).remaining()).isEqualTo(3);

		Handler reviewer = handler(CENTRE_USER);
		long market = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		c = service.requestAssistance(id, market, "请市场监管局核查", reviewer);
		assertThat(c.deadline()).isEqualTo("2026-03-02");
		assertThat(c.assistDeadline()).isEqualTo("2026-02-25");

		today("2026-02-24");
		assertThat(service.progress(service.byId(id).orElseThrow()).assistRemaining()).isEqualTo(1);
		today("2026-02-26");
		c = service.byId(id).orElseThrow();
		assertThat(service.progress(c).assistOverdue()).isTrue();
		assertThat(service.progress(c).overdue()).isFalse();
		assertThat(service.progress(c).remaining()).isEqualTo(3); // 02-27, 02-28 (make-up Saturday), 03-02
		Case lateCase = service.byId(lateId).orElseThrow();
		assertThat(service.progress(lateCase).overdue()).isTrue();
		assertThat(service.progress(lateCase).remaining()).isEqualTo(-1);

		// Supervisors see both flagged, with the count and the filter.
		String page = mvc.perform(get("/console/objections").param("show", "overdue").with(staff(CENTRE_USER)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("id=\"case-" + id + "\"", "id=\"case-" + lateId + "\"", "overdue-count", "已超期");
		String open = mvc.perform(get("/api/v1/objections/" + lateId).session(session))
			.andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(open).get("overdue").asBoolean()).isTrue();

		c = service.answerAssistance(id, "经核查，处罚决定书记载无误。", handler("provider"));
		assertThat(c.status()).isEqualTo(CaseStatus.ASSISTANCE_ANSWERED);
		today("2026-02-27");
		c = service.reject(id, "经核查，处罚决定书记载的金额无误，不予更正。", reviewer);
		assertThat(c.status()).isEqualTo(CaseStatus.REJECTED);
		service.reject(lateId, "逾期后仍需作出决定：不予更正。", reviewer);

		// The applicant sees the reasons.
		String detail = mvc.perform(get("/account/objections/" + id).session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("异议不成立", "经核查，处罚决定书记载的金额无误，不予更正。", "2026-03-02");
		mvc.perform(get("/api/v1/objections/" + id).session(session))
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.history[3].note").value("经核查，处罚决定书记载的金额无误，不予更正。"));
	}

	@Test
	void illegalTransitionsAreRefused() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕507号");
		long id = fileByApi(signedIn(COMPANY), record, "ERROR", "PLATFORM");
		Handler reviewer = handler(CENTRE_USER);
		assertThatThrownBy(() -> service.answerAssistance(id, "无人请求", reviewer))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("OBJECTION_TRANSITION_ILLEGAL"));
		assertThatThrownBy(() -> service.completeTask(id, Map.of("x", "y"), null, reviewer))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("OBJECTION_TRANSITION_ILLEGAL"));
		// The provider does not decide what was routed to the platform.
		assertThatThrownBy(() -> service.reject(id, "不是我办", handler("provider")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_NOT_YOURS"));
		service.reject(id, "不予更正。", reviewer);
		for (var attempt : List.<Runnable>of(() -> service.reject(id, "again", reviewer),
				() -> service.uphold(id, Map.of("a", "b"), null, null, reviewer),
				() -> service.requestAssistance(id, 1, null, reviewer))) {
			assertThatThrownBy(attempt::run).isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("OBJECTION_TRANSITION_ILLEGAL"));
		}
		mvc.perform(post("/console/objections/" + id + "/reject").with(staff(CENTRE_USER)).with(csrf())
			.param("reasons", "again"))
			.andExpect(status().isConflict());
		assertThat(service.byId(id).orElseThrow().history()).extracting(Case.Event::status)
			.containsExactly(CaseStatus.RECEIVED, CaseStatus.REJECTED);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OBJECTION_TRANSITION_REFUSED'")
			.query(Long.class).single()).isPositive();
		// History is append-only.
		assertThatThrownBy(() -> jdbc.sql("update objection_event set status = 'UPHELD' where objection_id = ?")
			.param(id).update()).rootCause().hasMessageContaining("append-only");
		// The machine itself.
		assertThat(CaseStatus.RECEIVED.mayBecome(CaseStatus.ASSISTANCE_ANSWERED)).isFalse();
		assertThat(CaseStatus.ASSISTANCE_ANSWERED.mayBecome(CaseStatus.ASSISTANCE_REQUESTED)).isFalse();
		assertThat(CaseStatus.OPEN.mayBecome(CaseStatus.UPHELD)).isFalse();
		assertThat(Set.of(CaseStatus.UPHELD, CaseStatus.REJECTED, CaseStatus.CORRECTED, CaseStatus.CLOSED))
			.allMatch(s -> !s.open());
	}

	@Test
	void anUpheldObjectionCorrectsTheRecordWhichReachesTheLedgerAndThePublicMarkComesAndGoes() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕508号");
		MockHttpSession session = signedIn(COMPANY);
		awaitProjected();
		String before = mvc.perform(get("/subjects/" + COMPANY)).andReturn().getResponse().getContentAsString();
		assertThat(section(before, record)).doesNotContain("异议处理中");

		today("2026-09-30"); // National Day: 10-01…10-07 off, 10-10 a make-up working Saturday
		// Filed through the account page, routed to the providing unit.
		String location = mvc.perform(multipart("/account/objections")
			.file(new MockMultipartFile("attachments", "", "application/octet-stream", new byte[0]))
			.session(session)
			.with(csrf())
			.param("recordId", record.toString())
			.param("versionNo", "1")
			.param("grounds", "ERROR")
			.param("route", "PLATFORM")
			.param("explanation", "罚款金额有误。"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.replaceAll("\\D+(\\d+).*", "$1"));
		assertThat(service.byId(id).orElseThrow().deadline()).isEqualTo("2026-10-10");
		assertThat(service.pendingAmong(List.of(record, UUID.randomUUID()))).containsExactly(record);

		today("2026-11-26");
		String during = mvc.perform(get("/subjects/" + COMPANY)).andReturn().getResponse().getContentAsString();
		assertThat(section(during, record)).contains("异议处理中");
		mvc.perform(get("/api/v1/public/subjects/" + COMPANY))
			.andExpect(jsonPath("$.groups[*].records[?(@.recordId == '" + record + "')].objectionPending").value(true));

		Map<String, Object> corrected = new LinkedHashMap<>(SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司",
				"银市监罚〔2026〕508号"));
		corrected.put("penaltyContent", "罚款人民币伍仟元");
		var form = post("/console/objections/" + id + "/uphold").with(staff(CENTRE_USER)).with(csrf())
			.param("note", "金额核实有误");
		corrected.forEach((k, v) -> form.param("v." + k, String.valueOf(v)));
		mvc.perform(form).andExpect(redirectedUrl("/console/objections/" + id));

		Case c = service.byId(id).orElseThrow();
		assertThat(c.status()).isEqualTo(CaseStatus.UPHELD);
		assertThat(c.current().remedy()).isEqualTo(Remedy.CORRECT);
		assertThat(c.current().correctedVersion()).isEqualTo(2);
		var version = jdbc.sql("select kind, reason, payload::jsonb ->> 'penaltyContent' from record_version "
				+ "where record_id = ? and version_no = 2")
			.param(record)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
		assertThat(version.get(0)).isEqualTo("CORRECTED");
		assertThat(version.get(1)).contains("异议", String.valueOf(id));
		assertThat(version.get(2)).isEqualTo("罚款人民币伍仟元");
		awaitLedgerLeaf(record, 2);
		awaitProjected();

		String after = mvc.perform(get("/subjects/" + COMPANY)).andReturn().getResponse().getContentAsString();
		assertThat(section(after, record)).doesNotContain("异议处理中").contains("罚款人民币伍仟元");
		String told = mvc.perform(get("/account/objections/" + id).session(session))
			.andReturn().getResponse().getContentAsString();
		assertThat(told).contains("异议成立", "信息已更正（第 2 版）");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'OBJECTION_UPHELD'")
			.query(Long.class).single()).isPositive();
	}

	@Test
	void nonPublicInformationGetsTheRemediesOfArticle54AndPublicInformationOnlyCorrection() throws Exception {
		Map<String, Object> contract = new LinkedHashMap<>();
		contract.put("subjectName", "银川甲乙科技有限公司");
		contract.put("subjectCode", COMPANY);
		contract.put("contractNumber", "HT-OBJ-54");
		contract.put("contractName", "供热设备采购合同");
		contract.put("signedOn", "2025-06-01");
		contract.put("performanceStatus", "BREACH");
		contract.put("recordDate", "2026-01-10");
		contract.put("sourceUnit", "演示系统");
		contract.put("sourceUnitCode", DEMO_ORG);
		UUID nonPublic = submit("CONTRACT_PERFORMANCE", contract, "HT-OBJ-54");
		UUID open = penalty(COMPANY, "银市监罚〔2026〕509号");
		MockHttpSession session = signedIn(COMPANY);
		long id = fileByApi(session, nonPublic, "INFRINGEMENT", "PLATFORM");
		long publicId = fileByApi(session, open, "INFRINGEMENT", "PLATFORM");
		Handler reviewer = handler(CENTRE_USER);
		assertThatThrownBy(() -> service.uphold(publicId, null, Remedy.STOP_DISCLOSURE, null, reviewer))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("OBJECTION_REMEDY_NON_PUBLIC_ONLY"));
		Case c = service.uphold(id, null, Remedy.DELETE_FROM_SHARING, "已从共享中删除", reviewer);
		assertThat(c.nonPublic()).isTrue();
		assertThat(c.current().remedy()).isEqualTo(Remedy.DELETE_FROM_SHARING);
		assertThat(c.current().correctedVersion()).isNull();
		mvc.perform(get("/api/v1/objections/" + id).session(session))
			.andExpect(jsonPath("$.history[1].remedy").value("DELETE_FROM_SHARING"));
	}

	@Test
	void everyTimeLimitCrossesTheNationalDayBlockAndItsMakeUpSaturday() throws Exception {
		// 10-01…10-07 off, 10-10 (Saturday) a make-up working day; the day of receipt is not counted
		UUID record = penalty(COMPANY, "银市监罚〔2026〕520号");
		MockHttpSession session = signedIn(COMPANY);
		today("2026-09-30");
		long id = fileByApi(session, record, "ERROR", "PLATFORM");
		assertThat(service.byId(id).orElseThrow().deadline()).isEqualTo("2026-10-10"); // decide: 3
		long market = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		Case c = service.requestAssistance(id, market, "请协助核查", handler(CENTRE_USER));
		assertThat(c.deadline()).isEqualTo("2026-10-15"); // with assistance: 7 (10-08, 09, 10, 12, 13, 14, 15)
		assertThat(c.assistDeadline()).isEqualTo("2026-10-10"); // assisting unit: 3 from the request
		Case task = service.openTask(record, "处罚内容录入错误", handler(CENTRE_USER));
		assertThat(task.deadline()).isEqualTo("2026-10-10"); // self-correction: 3
	}

	@Test
	void providersCorrectWhatTheyFindWithinThreeWorkingDays() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕510号");
		today("2026-09-18"); // Friday; 09-20 is a make-up working Sunday
		String location = mvc.perform(post("/console/objections/tasks").with(staff(CENTRE_USER)).with(csrf())
			.param("recordId", record.toString())
			.param("description", "处罚内容录入错误"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Case task = service.byId(id).orElseThrow();
		assertThat(task.kind()).isEqualTo(CaseKind.SELF_CORRECTION);
		assertThat(task.status()).isEqualTo(CaseStatus.OPEN);
		assertThat(task.deadline()).isEqualTo("2026-09-22");
		assertThat(service.pendingAmong(List.of(record))).isEmpty(); // a task is no objection

		// A provider may not open tasks for records of another unit.
		assertThatThrownBy(() -> service.openTask(record, "x", handler("provider")))
			.isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("OBJECTION_NOT_YOURS"));

		today("2026-09-23");
		assertThat(service.progress(service.byId(id).orElseThrow()).flagged()).isTrue();
		String page = mvc.perform(get("/console/objections").param("show", "overdue").with(staff("admin")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"case-" + id + "\"");
		String objectionsOnly = mvc.perform(get("/console/objections").param("show", "all").param("kind", "OBJECTION")
			.with(staff("admin"))).andReturn().getResponse().getContentAsString();
		assertThat(objectionsOnly).doesNotContain("id=\"case-" + id + "\"");

		today("2026-11-26");
		Map<String, Object> values = new LinkedHashMap<>(SubmissionApiIT.penalty(COMPANY, "银川甲乙科技有限公司",
				"银市监罚〔2026〕510号"));
		values.put("penaltyContent", "警告");
		task = service.completeTask(id, values, null, handler(CENTRE_USER));
		assertThat(task.status()).isEqualTo(CaseStatus.CORRECTED);
		assertThat(jdbc.sql("select reason from record_version where record_id = ? and version_no = 2")
			.param(record).query(String.class).single()).contains("自行更正", "处罚内容录入错误");
		assertThatThrownBy(() -> service.closeTask(id, "again", handler(CENTRE_USER)))
			.isInstanceOf(DomainException.class);
	}

	@Test
	void consolePagesOfferOnlyTheActionsTheStatusAndTheUnitAllow() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕511号");
		long id = fileByApi(signedIn(COMPANY), record, "ERROR", "PLATFORM");
		String reviewer = mvc.perform(get("/console/objections/" + id).with(staff(CENTRE_USER)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(reviewer).contains("assistance-form", "uphold-form", "reject-form", "id=\"v-decisionNumber\"",
				"银市监罚〔2026〕511号").doesNotContain("answer-form", "id=\"remedy\"");
		// The market regulator neither provided the record nor was asked to help: it does not see the case.
		mvc.perform(get("/console/objections/" + id).with(staff("provider"))).andExpect(status().isNotFound());
		mvc.perform(get("/console/objections/" + id).with(staff("department"))).andExpect(status().isForbidden());
		long market = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		service.requestAssistance(id, market, null, handler(CENTRE_USER));
		String provider = mvc.perform(get("/console/objections/" + id).with(staff("provider")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(provider).contains("answer-form").doesNotContain("uphold-form", "reject-form");
		mvc.perform(post("/console/objections/" + id + "/assistance-answer").with(staff("provider")).with(csrf())
			.param("note", "核查属实")).andExpect(redirectedUrl("/console/objections/" + id));
		String list = mvc.perform(get("/console/objections").param("lang", "en").with(staff("provider")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("id=\"case-" + id + "\"", "Assisting unit answered");
		mvc.perform(get("/console/objections/tasks/new").with(staff("provider"))).andExpect(status().isOk());
		String en = mvc.perform(get("/account/objections").param("lang", "en").session(signedIn(COMPANY)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(en).contains("My objections", "Assisting unit answered");
	}

	@Test
	void aDeadlineInAYearWithoutPublishedHolidaysIsLeftOpenNotGuessed() throws Exception {
		UUID record = penalty(COMPANY, "银市监罚〔2026〕512号");
		MockHttpSession session = signedIn(COMPANY);
		today("2026-12-30"); // +3 working days reaches 2027, whose notice is not loaded
		long id = fileByApi(session, record, "ERROR", "PLATFORM");
		Case c = service.byId(id).orElseThrow();
		assertThat(c.deadline()).isNull();
		assertThat(service.progress(c).remaining()).isNull();
		assertThat(service.progress(c).flagged()).isFalse();
		String page = mvc.perform(get("/account/objections/" + id).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("待下一年度节假日安排公布后确定");
	}

	static String section(String page, UUID record) {
		int start = page.indexOf("id=\"record-" + record + "\"");
		assertThat(start).as("record on the page").isPositive();
		int end = page.indexOf("</article>", start);
		return page.substring(start, end);
	}

	void awaitLedgerLeaf(UUID record, int version) throws InterruptedException {
		ReadModel.await(jdbc, "select exists (select 1 from ledger_leaf where record_id = ? and version_no = ?)",
				"no ledger leaf for the corrected version", record, version);
	}

	void awaitProjected() throws InterruptedException {
		ReadModel.awaitProjected(jdbc);
	}

}
