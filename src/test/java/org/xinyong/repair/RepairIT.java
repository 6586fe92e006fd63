package org.xinyong.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.audit.AuditEntry;
import org.xinyong.audit.AuditLog;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.repair.internal.Propagations;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Credit repair end to end on the real database, today being 2026-11-26: eligibility at the minimum-period boundary
 * under Order 58 and Order 36, deadlines in working days across holiday blocks and make-up days, the state machine,
 * attachment checks, a granted repair ending disclosure (ledger event, public API), a false commitment re-opening
 * it, and propagation surviving failure and a restart mid-delivery.
 */
@SpringBootTest(properties = { "xinyong.portal.rate-limit.enabled=false", "xinyong.repair.max-attachment-bytes=4096",
		"xinyong.repair.attachments-dir=target/repair-attachments-test", "xinyong.repair.propagation.retry-interval=PT1H" })
@AutoConfigureMockMvc
@Import(FixedClock.class)
class RepairIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String DEMO_ORG = "12640000MB1900051C";
	static final String COMPANY = "91640100MA7AC0U13A";
	static final String OTHER = "91640100MA7AC0U215";
	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
	static final byte[] PDF = "%PDF-1.4\n%test\n".getBytes();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	Repairs repairs;

	@Autowired
	Propagations propagations;

	@Autowired
	AuditLog audit;

	@BeforeEach
	void records() throws Exception {
		if (jdbc.sql("select count(*) from credit_subject where code = ?").param(COMPANY).query(Long.class).single() > 0) {
			return;
		}
		List<Map<String, Object>> list = new ArrayList<>();
		// Order 36 (decided since 2026-04-01), GENERAL: minimum 3 months
		list.add(penalty(COMPANY, "R-BOUNDARY-REACHED", "GENERAL", "2026-08-26")); // minimum until 2026-11-26 = today
		list.add(penalty(COMPANY, "R-BOUNDARY-TOMORROW", "GENERAL", "2026-08-27")); // until 2026-11-27
		// SERIOUS on either side of 2026-04-01: Order 58 (3 months) vs Order 36 (1 year)
		list.add(penalty(COMPANY, "R-ORDER58-SERIOUS", "SERIOUS", "2026-03-31"));
		list.add(penalty(COMPANY, "R-ORDER36-SERIOUS", "SERIOUS", "2026-04-01"));
		list.add(penalty(COMPANY, "R-FLOW", "GENERAL", "2026-05-06"));
		list.add(penalty(COMPANY, "R-PROPAGATE", "GENERAL", "2026-05-07"));
		list.add(penalty(COMPANY, "R-CORRECT", "GENERAL", "2026-05-08"));
		list.add(penalty(COMPANY, "R-AGENT", "GENERAL", "2026-05-09"));
		list.add(penalty(COMPANY, "R-REPORT", "GENERAL", "2026-05-11"));
		list.add(penalty(OTHER, "R-OTHER", "GENERAL", "2026-05-12"));
		String body = mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(
					Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey", "repair-it", "records", list))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(json.readTree(body).get("rejected").asInt()).as(body).isZero();
		ReadModel.awaitProjected(jdbc);
	}

	static Map<String, Object> penalty(String code, String number, String severity, String decided) {
		Map<String, Object> r = new LinkedHashMap<>(SubmissionApiIT.penalty(code, "银川甲乙科技有限公司", number));
		r.put("severity", severity);
		r.put("decisionDate", decided);
		return r;
	}

	UUID record(String decisionNumber) {
		return jdbc.sql("select record_id from record_version where natural_key = ? limit 1")
			.param(decisionNumber)
			.query(UUID.class)
			.single();
	}

	MockHttpSession subject(String code) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", code)
			.param("verificationCode", "246810")
			.with(csrf())).andExpect(redirectedUrl("/account"));
		return session;
	}

	MockHttpSession staff() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user("reviewer").password("reviewer@Demo2026"))
			.andExpect(redirectedUrl("/console"))
			.andReturn()
			.getRequest()
			.getSession();
	}

	JsonNode eligibility(MockHttpSession session, UUID recordId) throws Exception {
		JsonNode all = json.readTree(mvc.perform(get("/account/repair/api/eligibility").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		for (JsonNode e : all) {
			if (e.get("recordId").asString().equals(recordId.toString())) {
				return e;
			}
		}
		throw new AssertionError("no eligibility for " + recordId);
	}

	org.springframework.test.web.servlet.ResultActions apply(MockHttpSession session, UUID recordId,
			MockMultipartFile... files) throws Exception {
		var request = multipart("/account/repair/api/applications");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		return mvc.perform(request.param("recordId", recordId.toString())
			.param("obligations", "罚款已于 2026-05-20 缴清，违法行为已改正。")
			.param("commitment", "本公司承诺所提交材料真实有效，如有虚假愿承担法律责任。")
			.session(session)
			.with(csrf()));
	}

	static MockMultipartFile png() {
		return new MockMultipartFile("proof", "receipt.png", "image/png", PNG);
	}

	@Test
	void eligibilityAtTheMinimumPeriodBoundaryUnderOldAndNewRules() throws Exception {
		MockHttpSession s = subject(COMPANY);
		JsonNode reached = eligibility(s, record("R-BOUNDARY-REACHED"));
		assertThat(reached.get("status").asString()).isEqualTo("ELIGIBLE");
		assertThat(reached.get("from").asString()).isEqualTo("2026-11-26");
		assertThat(reached.get("recordRegime").asString()).isEqualTo("NDRC-ORDER-36");
		assertThat(reached.get("rulesRegime").asString()).isEqualTo("NDRC-ORDER-36");
		assertThat(reached.get("outcome").asString()).isEqualTo("END_DISCLOSURE");
		assertThat(reached.get("materials").toString()).contains("信用承诺书");
		JsonNode tomorrow = eligibility(s, record("R-BOUNDARY-TOMORROW"));
		assertThat(tomorrow.get("status").asString()).isEqualTo("NOT_YET");
		assertThat(tomorrow.get("from").asString()).isEqualTo("2026-11-27");
		apply(s, record("R-BOUNDARY-TOMORROW"), png()).andExpect(status().isConflict());

		JsonNode old = eligibility(s, record("R-ORDER58-SERIOUS"));
		assertThat(old.get("recordRegime").asString()).isEqualTo("NDRC-ORDER-58");
		assertThat(old.get("from").asString()).isEqualTo("2026-06-30");
		assertThat(old.get("status").asString()).isEqualTo("ELIGIBLE");
		JsonNode serious = eligibility(s, record("R-ORDER36-SERIOUS"));
		assertThat(serious.get("recordRegime").asString()).isEqualTo("NDRC-ORDER-36");
		assertThat(serious.get("from").asString()).isEqualTo("2027-04-01");
		assertThat(serious.get("status").asString()).isEqualTo("NOT_YET");

		// the same day under the repair rules in force: before 2026-04-01 Order 58, from then Order 36
		assertThat(repairs.regimeOn(LocalDate.parse("2026-03-31"))).isEqualTo("NDRC-ORDER-58");
		assertThat(repairs.regimeOn(LocalDate.parse("2026-04-01"))).isEqualTo("NDRC-ORDER-36");
		assertThat(repairs.eligibility(record("R-BOUNDARY-REACHED"), LocalDate.parse("2026-11-25")).status())
			.isEqualTo("NOT_YET");
		// the page shows it too
		mvc.perform(get("/account/repair").session(s))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("可以申请信用修复",
					"尚未达到最短公示期限", "自 2026-11-27 起可以申请", "不收取任何费用"));
		mvc.perform(get("/account/repair").param("lang", "en").session(s))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Repair can be applied for",
					"may be applied for from 2026-11-27", "no fee is charged"));
	}

	@Test
	void deadlinesCountWorkingDaysAcrossHolidayBlocksAndMakeUpDays() {
		// Order 36: accept 3, decide 7 from acceptance (+10 when complex), feedback 10; the day of receipt not counted
		// National Day 2026: 10-01..10-07 off, 10-10 (Sat) a make-up working day
		var s = repairs.schedule("NDRC-ORDER-36", LocalDate.parse("2026-09-30"), LocalDate.parse("2026-09-30"), false);
		assertThat(s.acceptDue()).isEqualTo("2026-10-10");
		assertThat(s.decideDue()).isEqualTo("2026-10-15");
		assertThat(s.feedbackDue()).isEqualTo("2026-10-20");
		var complex = repairs.schedule("NDRC-ORDER-36", LocalDate.parse("2026-09-30"), LocalDate.parse("2026-09-30"), true);
		assertThat(complex.decideDue()).isEqualTo("2026-10-29");
		assertThat(complex.feedbackDue()).isEqualTo("2026-10-29");
		// Spring Festival 2026: 02-14 (Sat) make-up, 02-15..02-23 off, 02-28 (Sat) make-up
		var spring = repairs.schedule("NDRC-ORDER-36", LocalDate.parse("2026-02-13"), LocalDate.parse("2026-02-13"), false);
		assertThat(spring.acceptDue()).isEqualTo("2026-02-25");
		assertThat(spring.decideDue()).isEqualTo("2026-03-02");
		assertThat(spring.feedbackDue()).isEqualTo("2026-03-05");
		// Order 58 era (2025 calendar): 3 / 3 / 10, no complex extension; 2025-09-30 -> 10-11 (Sat, make-up)
		var old = repairs.schedule("NDRC-ORDER-58", LocalDate.parse("2025-09-30"), LocalDate.parse("2025-10-11"), false);
		assertThat(old.acceptDue()).isEqualTo("2025-10-11");
		assertThat(old.decideDue()).isEqualTo("2025-10-15");
		assertThat(old.feedbackDue()).isEqualTo("2025-10-21");
		var old2 = repairs.schedule("NDRC-ORDER-58", LocalDate.parse("2025-01-24"), null, false);
		assertThat(old2.acceptDue()).isEqualTo("2025-02-05");
		assertThat(old2.decideDue()).isNull();
	}

	@Test
	void attachmentsAreCheckedByMagicBytesAndSize() throws Exception {
		MockHttpSession s = subject(COMPANY);
		UUID id = record("R-BOUNDARY-REACHED");
		apply(s, id, new MockMultipartFile("proof", "fake.pdf", "application/pdf", "not a pdf".getBytes()))
			.andExpect(status().isBadRequest())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("REPAIR_ATTACHMENT_TYPE"));
		apply(s, id, new MockMultipartFile("proof", "big.pdf", "application/pdf", new byte[5000]))
			.andExpect(status().isBadRequest())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("REPAIR_ATTACHMENT_TOO_LARGE"));
		apply(s, id).andExpect(status().isBadRequest())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("REPAIR_PROOF_REQUIRED"));
		assertThat(jdbc.sql("select count(*) from repair_application where record_id = ?").param(id).query(Long.class).single())
			.isZero();
		// no fee column anywhere
		assertThat(jdbc.sql("select count(*) from information_schema.columns where column_name ~* '(^|_)(fee|fees|charge|payment)(_|$)'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void grantedRepairEndsDisclosureRefusesIllegalTransitionsAndAFalseCommitmentReopens() throws Exception {
		MockHttpSession s = subject(COMPANY);
		UUID id = record("R-FLOW");
		JsonNode a = json.readTree(apply(s, id, png(), new MockMultipartFile("proof", "r.pdf", "application/pdf", PDF))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		String number = a.get("number").asString();
		assertThat(a.get("status").asString()).isEqualTo("RECEIVED");
		assertThat(a.get("acceptDue").asString()).isEqualTo("2026-12-01"); // Thu 26 -> Fri, Mon, Tue
		assertThat(a.get("feedbackDue").asString()).isEqualTo("2026-12-10");
		assertThat(repairs.attachments(number)).extracting(Repairs.Attachment::contentType)
			.containsExactly("image/png", "application/pdf");
		apply(s, id, png()).andExpect(status().isConflict()); // one open application per record
		// the commitment is public
		mvc.perform(get("/publicity/repair-commitments"))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(number,
					"本公司承诺所提交材料真实有效"));

		MockHttpSession staff = staff();
		// illegal: decide or give feedback before acceptance
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.decide(number, true, null, "reviewer"));
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.feedback(number, null, "reviewer"));
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.markComplex(number, "需要核实", "reviewer"));
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.reopenForFalseCommitment(number, "x", "reviewer"));
		mvc.perform(post("/console/repair/" + number + "/grant").session(staff).with(csrf()))
			.andExpect(redirectedUrl("/console/repair/" + number));
		assertThat(repairs.byNumber(number).orElseThrow().status()).isEqualTo(RepairStatus.RECEIVED);

		mvc.perform(post("/console/repair/" + number + "/accept").session(staff).with(csrf()));
		RepairApplication accepted = repairs.byNumber(number).orElseThrow();
		assertThat(accepted.status()).isEqualTo(RepairStatus.ACCEPTED);
		assertThat(accepted.decideDue()).isEqualTo("2026-12-07");
		RepairApplication complex = repairs.markComplex(number, "需要处罚机关核实缴款", "reviewer");
		assertThat(complex.decideDue()).isEqualTo("2026-12-21");
		assertThat(complex.feedbackDue()).isEqualTo("2026-12-21");
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.markComplex(number, "again", "reviewer"));
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.accept(number, true, null, "reviewer"));
		assertThat(complex.deadlines()).filteredOn(d -> d.kind().equals("DECIDE"))
			.singleElement()
			.satisfies(d -> assertThat(d.remaining()).isEqualTo(17));

		assertThat(publicNumbers()).contains("R-FLOW");
		long ledgerBefore = ledgerEvents("DISCLOSURE_ENDED");
		mvc.perform(post("/console/repair/" + number + "/grant").session(staff).with(csrf()));
		assertThat(repairs.byNumber(number).orElseThrow().status()).isEqualTo(RepairStatus.GRANTED);
		assertThat(publicNumbers()).doesNotContain("R-FLOW");
		assertThat(ledgerEvents("DISCLOSURE_ENDED")).isEqualTo(ledgerBefore + 1);
		assertThat(jdbc.sql("select event_data from ledger_leaf where kind = 'DISCLOSURE_ENDED' order by leaf_index desc limit 1")
			.query(String.class)
			.single()).contains("REPAIR:" + number);
		assertThat(eligibility(s, id).get("status").asString()).isEqualTo("ENDED");
		org.junit.jupiter.api.Assertions.assertThrows(org.xinyong.platform.DomainException.class,
				() -> repairs.decide(number, false, "x", "reviewer"));
		repairs.feedback(number, "已电话告知", "reviewer");
		assertThat(repairs.byNumber(number).orElseThrow().overdue()).isFalse();

		// a false commitment found later re-opens the record
		mvc.perform(post("/console/repair/" + number + "/false-commitment").param("reason", "缴款凭证系伪造")
			.session(staff)
			.with(csrf()));
		assertThat(repairs.byNumber(number).orElseThrow().status()).isEqualTo(RepairStatus.REOPENED);
		assertThat(publicNumbers()).contains("R-FLOW");
		assertThat(ledgerEvents("DISCLOSURE_RESUMED")).isEqualTo(1);
		assertThat(repairs.history(number)).extracting(Repairs.Step::action)
			.containsExactly("APPLIED", "ACCEPTED", "MARKED_COMPLEX", "GRANTED", "FEEDBACK", "REOPENED_FALSE_COMMITMENT");
		// the history is append-only
		org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
				() -> jdbc.sql("delete from repair_history").update());
		assertThat(jdbc.sql("select count(*) from audit_event where action like 'REPAIR_%'").query(Long.class).single())
			.isGreaterThanOrEqualTo(6);
		mvc.perform(get("/console/repair").param("overdue", "true").session(staff)).andExpect(status().isOk());
		mvc.perform(get("/console/repair/" + number).session(staff))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("缴款凭证系伪造", "receipt.png"));
	}

	List<String> publicNumbers() throws Exception {
		JsonNode view = json.readTree(mvc.perform(get("/api/v1/public/subjects/" + COMPANY))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<String> out = new ArrayList<>();
		for (JsonNode g : view.get("groups")) {
			for (JsonNode r : g.get("records")) {
				out.add(r.get("values").get("decisionNumber").asString());
			}
		}
		return out;
	}

	long ledgerEvents(String kind) {
		return jdbc.sql("select count(*) from ledger_leaf where kind = ?").param(kind).query(Long.class).single();
	}

	@Test
	void propagationRetriesUntilDeliveredAndARestartMidDeliveryLosesAndDuplicatesNothing() throws Exception {
		UUID id = record("R-PROPAGATE");
		long subjectId = jdbc.sql("select id from credit_subject where code = ?").param(COMPANY).query(Long.class).single();
		long demoOrg = jdbc.sql("select id from organisation where code = ?").param(DEMO_ORG).query(Long.class).single();
		// the demo system received the subject's penalties through a sharing query
		audit.record(AuditEntry.of("SHARING_READ", AuditEntry.Outcome.SUCCESS,
				Map.of("items", List.of("ADMIN_PENALTY"), "records", 6))
			.withActor("api-key:test", demoOrg, DEMO_ORG)
			.aboutSubject(COMPANY, "SUPERVISION"));

		MockHttpSession s = subject(COMPANY);
		String number = json.readTree(apply(s, id, png()).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("number").asString();
		repairs.accept(number, true, null, "reviewer");
		// the national exchange is down
		jdbc.sql("""
				create or replace function repair_test_exchange_down() returns trigger language plpgsql as $$
				begin raise exception 'national platform unreachable'; end $$""").update();
		jdbc.sql("create trigger repair_test_down before insert on national_exchange_outbound for each row execute function repair_test_exchange_down()")
			.update();
		try {
			repairs.decide(number, true, null, "reviewer");
			awaitDeliveries(id, 2);
			propagations.deliverPending();
		}
		finally {
			jdbc.sql("drop trigger repair_test_down on national_exchange_outbound").update();
		}
		Map<String, String> status = statuses(id);
		assertThat(status).containsEntry("org:" + demoOrg, "DELIVERED").containsEntry(Propagations.NATIONAL, "PENDING");
		assertThat(jdbc.sql("select last_error from propagation_delivery where consumer = ? and record_id = ?")
			.params(Propagations.NATIONAL, id)
			.query(String.class)
			.single()).contains("national platform unreachable");
		// the console lists the undelivered propagations
		mvc.perform(get("/console/repair/propagations").session(staff()))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains(Propagations.NATIONAL, "待传递"));

		// a crash after the exchange row was written but before the delivery was marked: the restart replans
		// (the outbox republishes the event) and redelivers, and nothing is duplicated
		String key = Propagations.NATIONAL + "|" + id + "|REPAIRED:" + number;
		jdbc.sql("insert into national_exchange_outbound (idempotency_key, record_id, event, payload) values (?, ?, ?, '{}')")
			.params(key, id, "REPAIRED:" + number)
			.update();
		assertThat(propagations.plan(id, subjectId, "REPAIRED:" + number, "{}")).isZero();
		propagations.deliverPending();
		propagations.deliverPending();
		assertThat(statuses(id)).containsEntry(Propagations.NATIONAL, "DELIVERED");
		assertThat(jdbc.sql("select count(*) from national_exchange_outbound where record_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from propagation_inbox where record_id = ?").param(id)
			.query(Long.class).single()).isEqualTo(1);

		// the organisation fetches and acknowledges
		JsonNode inbox = json.readTree(mvc.perform(get("/api/v1/repair/propagations").header("X-Api-Key", KEY))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		String orgKey = null;
		for (JsonNode d : inbox) {
			if (d.get("recordId").asString().equals(id.toString())) {
				orgKey = d.get("idempotencyKey").asString();
			}
		}
		assertThat(orgKey).isNotNull();
		mvc.perform(post("/api/v1/repair/propagations/" + orgKey + "/acknowledgement").header("X-Api-Key", KEY))
			.andExpect(status().isOk());
		mvc.perform(post("/api/v1/repair/propagations/" + orgKey + "/acknowledgement").header("X-Api-Key", KEY))
			.andExpect(status().isNotFound());
		propagations.acknowledge(key, Propagations.NATIONAL);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'REPAIR_PROPAGATION_DELIVERED' and detail::text like ? and detail::text not like '%report:%'")
			.param("%" + id + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
		// (reports issued about the subject by other tests are consumers too, acknowledged on delivery)
		assertThat(statuses(id)).containsKeys("org:" + demoOrg, Propagations.NATIONAL)
			.allSatisfy((k, v) -> assertThat(v).isEqualTo("ACKNOWLEDGED"))
			.allSatisfy((k, v) -> assertThat(k).matches("org:" + demoOrg + "|" + Propagations.NATIONAL + "|report:.*"));
	}

	@Test
	void aMissedTimeLimitIsFlaggedOverdueWithTheRemainingWorkingDaysElsewhere() throws Exception {
		long subjectId = jdbc.sql("select id from credit_subject where code = ?").param(COMPANY).query(Long.class).single();
		// received Tuesday 2026-11-10: acceptance was due 11-13, feedback 11-24; today is 11-26
		jdbc.sql("""
				insert into repair_application (number, record_id, subject_id, catalog_item, outcome, regime, status,
				  obligations, commitment, received_on, accept_due, feedback_due)
				values ('XF2026OVERDUE', ?, ?, 'ADMIN_PENALTY', 'END_DISCLOSURE', 'NDRC-ORDER-36', 'RECEIVED', 'x', 'y',
				  '2026-11-10', '2026-11-13', '2026-11-24')""")
			.params(UUID.randomUUID(), subjectId)
			.update();
		RepairApplication late = repairs.byNumber("XF2026OVERDUE").orElseThrow();
		assertThat(late.overdue()).isTrue();
		assertThat(late.deadlines()).filteredOn(d -> d.kind().equals("ACCEPT")).singleElement()
			.satisfies(d -> assertThat(d.remaining()).isEqualTo(-9));
		assertThat(repairs.list(true)).extracting(RepairApplication::number).contains("XF2026OVERDUE");
		assertThat(repairs.overdueCount()).isPositive();
		mvc.perform(get("/console/repair").param("overdue", "true").session(staff()))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("XF2026OVERDUE", "已逾期",
					"逾期（"));
	}

	@Test
	void aCorrectionIsPropagatedToo() throws Exception {
		UUID id = record("R-CORRECT");
		Map<String, Object> values = penalty(COMPANY, "R-CORRECT", "GENERAL", "2026-05-08");
		values.put("penaltyContent", "罚款人民币贰万元");
		mvc.perform(post("/api/v1/records/" + id + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("values", values, "reason", "金额更正"))))
			.andExpect(status().isOk());
		awaitDeliveries(id, 1);
		propagations.deliverPending();
		assertThat(statuses(id)).containsEntry(Propagations.NATIONAL, "DELIVERED");
		assertThat(jdbc.sql("select event from national_exchange_outbound where record_id = ?").param(id)
			.query(String.class).single()).isEqualTo("CORRECTED:v2");
	}

	@Test
	void anAuthorisedAgentAppliesWithALetterAndBothSeeTheApplication() throws Exception {
		UUID id = record("R-AGENT");
		MockHttpSession agent = subject(OTHER);
		MockMultipartFile letter = new MockMultipartFile("authorisation", "委托书.pdf", "application/pdf", PDF);
		// no letter, a letter that is no PDF/image: refused
		agentApply(agent, id, null).andExpect(status().isBadRequest())
			.andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("REPAIR_AUTHORISATION_REQUIRED"));
		agentApply(agent, id, new MockMultipartFile("authorisation", "x.pdf", "application/pdf", "MZ..".getBytes()))
			.andExpect(r -> assertThat(r.getResponse().getStatus()).isBetween(400, 499));
		assertThat(jdbc.sql("select count(*) from repair_application where record_id = ?").param(id)
			.query(Long.class).single()).isZero();

		String number = json.readTree(agentApply(agent, id, letter).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString()).get("number").asString();
		long companyId = jdbc.sql("select id from credit_subject where code = ?").param(COMPANY).query(Long.class).single();
		assertThat(repairs.byNumber(number).orElseThrow().subjectId()).isEqualTo(companyId);
		assertThat(repairs.agent(number)).hasValueSatisfying(g -> {
			assertThat(g.letterFile()).isEqualTo("委托书.pdf");
			assertThat(g.method()).isEqualTo("DEMO_CODE");
		});
		assertThat(repairs.history(number)).extracting(Repairs.Step::action).containsExactly("APPLIED_BY_AGENT");
		// the subject and the agent see it with the agent; anybody else does not
		for (MockHttpSession s : List.of(subject(COMPANY), agent)) {
			JsonNode view = json.readTree(mvc.perform(get("/account/repair/api/applications/" + number).session(s))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
			assertThat(view.get("agent").get("letter").asString()).isEqualTo("委托书.pdf");
		}
		String page = mvc.perform(get("/account/repair").session(subject(COMPANY))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("委托书.pdf", "代理本主体");
		mvc.perform(get("/account/repair/api/applications/" + number)).andExpect(r -> assertThat(
				r.getResponse().getStatus()).isIn(302, 401));
	}

	org.springframework.test.web.servlet.ResultActions agentApply(MockHttpSession session, UUID recordId,
			MockMultipartFile letter) throws Exception {
		var request = multipart("/account/repair/api/applications").file(png());
		if (letter != null) {
			request.file(letter);
		}
		return mvc.perform(request.param("recordId", recordId.toString())
			.param("subjectCode", COMPANY)
			.param("obligations", "受托代为申请：罚款已缴清。")
			.param("commitment", "受托人代本公司承诺所提交材料真实有效。")
			.session(session)
			.with(csrf()));
	}

	@Test
	void aCachedReportLearnsOfALaterCorrectionOnItsVerificationPage() throws Exception {
		UUID id = record("R-REPORT");
		mvc.perform(get("/reports/subjects/" + COMPANY + ".html")).andExpect(status().isOk());
		String report = jdbc.sql("select report_number from issued_report where subject_code = ? order by generated_at desc limit 1")
			.param(COMPANY).query(String.class).single();
		String before = mvc.perform(get("/reports/verify").param("number", report)).andReturn().getResponse()
			.getContentAsString();
		assertThat(before).contains("id=\"genuine\"").doesNotContain("later-changes");

		Map<String, Object> values = penalty(COMPANY, "R-REPORT", "GENERAL", "2026-05-11");
		values.put("penaltyContent", "罚款人民币叁万元");
		mvc.perform(post("/api/v1/records/" + id + "/corrections").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("values", values, "reason", "金额更正"))))
			.andExpect(status().isOk());
		org.xinyong.testing.ReadModel.await(jdbc,
				"select count(*) > 0 from propagation_delivery where record_id = ? and consumer = ?",
				"report not planned", id, Propagations.REPORT + report);
		propagations.deliverPending();
		propagations.deliverPending();
		assertThat(statuses(id)).containsEntry(Propagations.REPORT + report, "ACKNOWLEDGED")
			.containsEntry(Propagations.NATIONAL, "DELIVERED");
		assertThat(propagations.plan(id, jdbc.sql("select id from credit_subject where code = ?").param(COMPANY)
			.query(Long.class).single(), "CORRECTED:v2", "{}")).isZero();
		propagations.deliverPending();
		assertThat(jdbc.sql("select count(*) from issued_report_notice where report_number = ?").param(report)
			.query(Long.class).single()).isEqualTo(1);
		String after = mvc.perform(get("/reports/verify").param("number", report)).andReturn().getResponse()
			.getContentAsString();
		// still genuine for its time, and tells that a later correction changed information in it
		assertThat(after).contains("id=\"genuine\"", "id=\"later-changes\"", "信息更正");
	}

	Map<String, String> statuses(UUID id) {
		return statuses(jdbc, id);
	}

	/** Consumer → delivery status of the record's propagations. */
	static Map<String, String> statuses(JdbcClient jdbc, UUID id) {
		Map<String, String> out = new LinkedHashMap<>();
		jdbc.sql("select consumer, status from propagation_delivery where record_id = ?")
			.param(id)
			.query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
			.list();
		return out;
	}

	void awaitDeliveries(UUID id, int n) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 30_000;
		while (System.currentTimeMillis() < deadline) {
			if (jdbc.sql("select count(*) from propagation_delivery where record_id = ?").param(id).query(Long.class)
				.single() >= n) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("propagation was not planned");
	}
}
