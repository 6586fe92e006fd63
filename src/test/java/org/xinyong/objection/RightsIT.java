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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.access.StaffUsers;
import org.xinyong.disclosure.DisclosureEndings;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.objection.internal.Case;
import org.xinyong.objection.internal.ObjectionService;
import org.xinyong.platform.DomainException;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Art. 54 remedies carried out (no longer shared with state bodies, disclosure stopped, a certificate issued and
 * verifiable) and objections filed by an authorised agent (代理人) with a letter of authorisation.
 */
@SpringBootTest(properties = "xinyong.objection.upload-dir=target/objection-rights-test")
@AutoConfigureMockMvc
@Import(FixedClock.class)
class RightsIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String COMPANY = "91640100MA7AC0U13A";
	static final String AGENT = "91640100MA7AC0U215";
	static final String DEMO_ORG = "12640000MB1900051C";
	static final byte[] PDF = "%PDF-1.4\n%letter\n".getBytes();
	static final AtomicInteger SEQ = new AtomicInteger();

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
	DisclosureEndings endings;

	Handler reviewer() {
		var p = users.byUsername("reviewer").orElseThrow();
		return new Handler(p.getUsername(), p.organisationId(),
				p.roles().stream().map(Enum::name).collect(java.util.stream.Collectors.toSet()));
	}

	/** A non-public record (contract performance) of the company; returns its id. */
	UUID contract() throws Exception {
		String number = "HT-RIGHTS-" + SEQ.incrementAndGet();
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("subjectName", "银川甲乙科技有限公司");
		c.put("subjectCode", COMPANY);
		c.put("contractNumber", number);
		c.put("contractName", "供热设备采购合同");
		c.put("signedOn", "2025-06-01");
		c.put("performanceStatus", "BREACH");
		c.put("recordDate", "2026-01-10");
		c.put("sourceUnit", "演示系统");
		c.put("sourceUnitCode", DEMO_ORG);
		submit("CONTRACT_PERFORMANCE", c, number);
		UUID id = jdbc.sql("select record_id from record_version where payload::jsonb ->> 'contractNumber' = ? limit 1")
			.param(number)
			.query(UUID.class)
			.single();
		ReadModel.awaitProjected(jdbc);
		return id;
	}

	void submit(String item, Map<String, Object> record, String key) throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", item, "submissionKey", "rights-" + key, "records",
					List.of(record)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	/** The agent is a credit subject of its own, able to sign in. */
	void agentKnown() throws Exception {
		if (jdbc.sql("select count(*) from credit_subject where code = ?").param(AGENT).query(Long.class).single() == 0) {
			submit("ADMIN_PENALTY", SubmissionApiIT.penalty(AGENT, "银川某某代理有限公司", "银市监罚〔2026〕9901号"), "agent");
		}
	}

	MockHttpSession signedIn(String code) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/account/login").session(session)
			.param("identifier", code)
			.param("verificationCode", "246810")
			.with(csrf())).andExpect(redirectedUrl("/account"));
		return session;
	}

	long file(MockHttpSession session, UUID record) throws Exception {
		String body = mvc.perform(post("/api/v1/objections").session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("recordId", record.toString(), "grounds", "INFRINGEMENT",
					"explanation", "该合同履约信息侵犯商业秘密。", "route", "PLATFORM"))))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	List<String> sharedRecordIds() throws Exception {
		JsonNode answer = json.readTree(mvc.perform(get("/api/v1/sharing/subjects/" + COMPANY)
			.param("purpose", "SUPERVISION")
			.header("X-Api-Key", KEY)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		List<String> ids = new ArrayList<>();
		for (JsonNode item : answer.get("items")) {
			for (JsonNode r : item.get("records")) {
				ids.add(r.get("recordId").asString());
			}
		}
		return ids;
	}

	long leaves(String kind, String reference) {
		return jdbc.sql("select count(*) from ledger_leaf where kind = ? and event_data like ?")
			.params(kind, "%" + reference + "%")
			.query(Long.class)
			.single();
	}

	long audits(String action, String like) {
		return jdbc.sql("select count(*) from audit_event where action = ? and detail::text like ?")
			.params(action, "%" + like + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void deleteFromSharingLeavesTheRecordOutOfSharingAnswersFromThenOn() throws Exception {
		UUID excluded = contract();
		UUID kept = contract();
		assertThat(sharedRecordIds()).contains(excluded.toString(), kept.toString());
		long id = file(signedIn(COMPANY), excluded);

		Case c = service.uphold(id, null, Remedy.DELETE_FROM_SHARING, "涉及商业秘密，停止共享。", reviewer());
		assertThat(c.current().remedy()).isEqualTo(Remedy.DELETE_FROM_SHARING);
		assertThat(sharedRecordIds()).doesNotContain(excluded.toString()).contains(kept.toString());
		// an appended exclusion row, a ledger event and an audit entry; the record itself is still there
		assertThat(jdbc.sql("select reason from sharing_exclusion where record_id = ?").param(excluded)
			.query(String.class).list()).containsExactly("OBJECTION:" + id);
		assertThat(leaves("SHARING_EXCLUDED", "record:" + excluded)).isEqualTo(1);
		assertThat(audits("OBJECTION_REMEDY_EXECUTED", excluded.toString())).isEqualTo(1);
		assertThat(audits("SHARING_RECORD_EXCLUDED", excluded.toString())).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from record_version where record_id = ?").param(excluded)
			.query(Long.class).single()).isEqualTo(1);
		assertThatThrownBy(() -> jdbc.sql("delete from sharing_exclusion where record_id = ?").param(excluded).update())
			.hasStackTraceContaining("append-only");
		// the consumer that received it is told (art. 57)
		ReadModel.await(jdbc, "select count(*) > 0 from propagation_delivery where record_id = ? and event = ?",
				"exclusion not propagated", excluded, "OBJECTION_DELETE_FROM_SHARING:" + id);
	}

	@Test
	void stopDisclosureEndsTheRecordsDisclosureOnceWithALedgerEvent() throws Exception {
		UUID record = contract();
		MockHttpSession session = signedIn(COMPANY);
		long id = file(session, record);
		assertThat(endings.endedOn(record)).isEmpty();
		service.uphold(id, null, Remedy.STOP_DISCLOSURE, "终止公示。", reviewer());
		assertThat(endings.endedOn(record)).contains(java.time.LocalDate.parse("2026-11-26"));
		assertThat(jdbc.sql("select count(*) from ledger_leaf where kind = 'DISCLOSURE_ENDED' and event_data like ? "
				+ "and event_data like ?").params("%record:" + record + "%", "%reason=OBJECTION:" + id + "%")
			.query(Long.class).single()).isEqualTo(1);
		// a second objection upheld the same way overwrites nothing and appends no second event
		long again = file(session, record);
		service.uphold(again, null, Remedy.STOP_DISCLOSURE, "再次终止公示。", reviewer());
		assertThat(leaves("DISCLOSURE_ENDED", "record:" + record)).isEqualTo(1);
		assertThat(audits("OBJECTION_REMEDY_EXECUTED", "alreadyEnded")).isPositive();
	}

	@Test
	void aCertificateIsIssuedDownloadableByTheApplicantAndVerifiableByNumber() throws Exception {
		UUID record = contract();
		MockHttpSession session = signedIn(COMPANY);
		long id = file(session, record);
		assertThatThrownBy(() -> service.uphold(id, null, Remedy.ISSUE_CERTIFICATE, " ", reviewer()))
			.isInstanceOfSatisfying(DomainException.class,
					e -> assertThat(e.code()).isEqualTo("OBJECTION_FINDINGS_REQUIRED"));
		service.uphold(id, null, Remedy.ISSUE_CERTIFICATE, "经核查，该合同履约信息记载的违约事实不存在。", reviewer());
		String number = jdbc.sql("select number from objection_certificate where objection_id = ?").param(id)
			.query(String.class).single();
		assertThat(number).matches("YZ2026\\d{6}");

		String detail = mvc.perform(get("/account/objections/" + id).session(session)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(detail).contains("/account/objections/" + id + "/certificate", number);
		String certificate = mvc.perform(get("/account/objections/" + id + "/certificate").session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String hash = jdbc.sql("select content_hash from objection_certificate where number = ?").param(number)
			.query(String.class).single();
		assertThat(certificate).contains("异议处理证明", number, "经核查，该合同履约信息记载的违约事实不存在。", "出具本证明",
				hash, "/publicity/certificates/verify?number=" + number);
		mvc.perform(get("/account/objections/" + id + "/certificate").param("download", "1").session(session))
			.andExpect(status().isOk())
			.andExpect(r -> assertThat(r.getResponse().getHeader("Content-Disposition")).startsWith("attachment")
				.contains(number));
		assertThat(audits("OBJECTION_CERTIFICATE_READ", number)).isEqualTo(2);
		// nobody else gets it; anonymous visitors are sent to sign in
		agentKnown();
		mvc.perform(get("/account/objections/" + id + "/certificate").session(signedIn(AGENT)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/account/objections/" + id + "/certificate")).andExpect(redirectedUrl("/account/login"));

		// anyone can verify it by number; an altered number is unknown
		String genuine = mvc.perform(get("/publicity/certificates/verify").param("number", number.toLowerCase()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(genuine).contains("id=\"genuine\"", hash, "2026-11-26");
		String altered = mvc.perform(get("/publicity/certificates/verify").param("number", number + "9"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(altered).contains("id=\"unknown\"").doesNotContain("id=\"genuine\"");
		assertThatThrownBy(() -> jdbc.sql("update objection_certificate set findings = 'x' where number = ?")
			.param(number).update()).hasStackTraceContaining("append-only");
	}

	ResultActions fileAsAgent(MockHttpSession session, UUID record, String subject, MockMultipartFile... files)
			throws Exception {
		var request = multipart("/api/v1/objections");
		for (MockMultipartFile f : files) {
			request.file(f);
		}
		var r = request.with(csrf())
			.param("recordId", record.toString())
			.param("grounds", "ERROR")
			.param("explanation", "受托代为提出异议：履约状态有误。")
			.param("subjectCode", subject);
		return mvc.perform(session == null ? r : r.session(session));
	}

	@Test
	void anAuthorisedAgentFilesWithALetterAndTheSubjectSeesTheCase() throws Exception {
		agentKnown();
		UUID record = contract();
		MockHttpSession agent = signedIn(AGENT);
		MockMultipartFile letter = new MockMultipartFile("authorisation", "授权委托书.pdf", "application/pdf", PDF);

		// without a letter, with a letter that is no PDF/image, and anonymously: refused, nothing filed
		fileAsAgent(agent, record, COMPANY).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("OBJECTION_AUTHORISATION_REQUIRED"));
		fileAsAgent(agent, record, COMPANY,
				new MockMultipartFile("authorisation", "letter.pdf", "application/pdf", "<html>".getBytes()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("OBJECTION_ATTACHMENT_TYPE"));
		fileAsAgent(null, record, COMPANY, letter).andExpect(status().isUnauthorized());
		// the agent cannot name a subject whose record it is not
		fileAsAgent(agent, record, AGENT, letter).andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from objection where record_id = ?").param(record).query(Long.class)
			.single()).isZero();

		String body = fileAsAgent(agent, record, COMPANY, letter).andExpect(status().isCreated())
			.andExpect(jsonPath("$.agent.verification").value("DEMO_CODE"))
			.andReturn().getResponse().getContentAsString();
		long id = json.readTree(body).get("id").asLong();
		long letterId = json.readTree(body).get("agent").get("letterAttachment").asLong();
		Case c = service.byId(id).orElseThrow();
		long companyId = jdbc.sql("select id from credit_subject where code = ?").param(COMPANY).query(Long.class).single();
		assertThat(c.subjectId()).isEqualTo(companyId);
		assertThat(c.agent()).isNotNull();
		assertThat(c.attachments()).extracting(Case.Attachment::id).contains(letterId);
		assertThat(audits("OBJECTION_FILED", "\"agent\"")).isPositive();

		// the subject sees it in its account, with the agent; the agent sees the case it filed
		MockHttpSession subject = signedIn(COMPANY);
		mvc.perform(get("/api/v1/objections").session(subject))
			.andExpect(jsonPath("$[?(@.id == " + id + ")].agent.letterAttachment").value((int) letterId));
		String page = mvc.perform(get("/account/objections/" + id).session(subject)).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"case-agent\"", "授权委托书");
		mvc.perform(get("/account/objections/" + id + "/attachments/" + letterId).session(subject))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/objections/" + id).session(agent)).andExpect(status().isOk());
		// staff see the agent too
		String console = mvc.perform(get("/console/objections/" + id)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(users.byUsername("reviewer").orElseThrow())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(console).contains("id=\"case-agent\"");
	}
}
