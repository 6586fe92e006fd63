package org.xinyong.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.testing.AuditRows;

import tools.jackson.databind.json.JsonMapper;

/**
 * Subjects sign in as themselves — with the demo verifier and through OpenID Connect against a fake provider — and
 * see their own full record and who read it, never another subject's; staff sign-in is unaffected.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String DEMO_ORG = "12640000MB1900051C";
	/** Subject A: a public penalty and a non-public contract record (corrected once). */
	static final String COMPANY_A = "91640100MA7AC0U13A";
	/** Subject B: a penalty that A must never see. */
	static final String COMPANY_B = "91640100MA7AC0U215";
	static final String PERSON = "640102199003070011";
	/** Valid, but no records: not a subject of the platform. */
	static final String NO_RECORDS = "91640104MA7B1K0N8N";
	static final String DEMO_CODE = "246810";

	static final FakeOidcProvider OIDC = FakeOidcProvider.start();

	@DynamicPropertySource
	static void oidc(DynamicPropertyRegistry registry) {
		registry.add("xinyong.account.oidc.issuer-uri", OIDC::issuer);
		registry.add("xinyong.account.oidc.client-id", () -> FakeOidcProvider.CLIENT_ID);
		registry.add("xinyong.account.oidc.client-secret", () -> FakeOidcProvider.CLIENT_SECRET);
		registry.add("xinyong.account.oidc.code-claim", () -> "uscc_or_id");
		registry.add("xinyong.account.oidc.type-claim", () -> "user_type");
	}

	@AfterAll
	static void stopProvider() {
		OIDC.close();
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	AuditRows audit;

	long mark;

	@BeforeEach
	void records() throws Exception {
		audit = new AuditRows(jdbc);
		if (jdbc.sql("select count(*) from credit_subject where code = ?").param(COMPANY_A).query(Long.class).single() == 0) {
			submit("ADMIN_PENALTY", "account-a", SubmissionApiIT.penalty(COMPANY_A, "银川甲乙科技有限公司", "银市监罚〔2026〕101号"));
			submit("CONTRACT_PERFORMANCE", "account-a-contract", contract(COMPANY_A, "HT-ACC-7788", "PARTIAL"));
			String recordId = jdbc.sql("select record_id::text from record_version where natural_key = 'HT-ACC-7788'")
				.query(String.class)
				.single();
			mvc.perform(post("/api/v1/records/" + recordId + "/corrections").header("X-Api-Key", KEY)
				.contentType(MediaType.APPLICATION_JSON)
				.content(json.writeValueAsString(
						Map.of("values", contract(COMPANY_A, "HT-ACC-7788", "BREACH"), "reason", "履行情况核实后更正"))))
				.andExpect(status().isOk());
			submit("ADMIN_PENALTY", "account-b", SubmissionApiIT.penalty(COMPANY_B, "银川丙丁商贸有限公司", "银市监罚〔2026〕202号"));
			submit("ADMIN_PENALTY", "account-person", SubmissionApiIT.penalty(PERSON, "王某某", "银市监罚〔2026〕303号"));
		}
		mark = audit.maxId();
	}

	void submit(String item, String submissionKey, Map<String, Object> record) throws Exception {
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(
					Map.of("catalogItem", item, "submissionKey", submissionKey, "records", List.of(record)))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1));
	}

	static Map<String, Object> contract(String code, String number, String status) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", "银川甲乙科技有限公司");
		r.put("subjectCode", code);
		r.put("contractNumber", number);
		r.put("contractName", "供热设备采购合同");
		r.put("signedOn", "2025-06-01");
		r.put("performanceStatus", status);
		r.put("recordDate", "2026-01-10");
		r.put("sourceUnit", "演示系统");
		r.put("sourceUnitCode", DEMO_ORG);
		return r;
	}

	ResultActions demoSignIn(MockHttpSession session, String identifier, String code) throws Exception {
		return mvc.perform(post("/account/login").session(session)
			.param("identifier", identifier)
			.param("verificationCode", code)
			.with(csrf()));
	}

	MockHttpSession signedIn(String identifier) throws Exception {
		MockHttpSession session = new MockHttpSession();
		demoSignIn(session, identifier, DEMO_CODE).andExpect(redirectedUrl("/account"));
		return session;
	}

	List<Map<String, Object>> auditRows(String action) {
		return audit.since(mark).stream().filter(r -> action.equals(r.get("action"))).toList();
	}

	@Test
	void pagesNeedASignedInSubjectAndTheLoginPageIsPublic() throws Exception {
		mvc.perform(get("/account")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/account/login"));
		mvc.perform(get("/account/queries")).andExpect(redirectedUrl("/account/login"));
		mvc.perform(post("/account/logout").with(csrf())).andExpect(redirectedUrl("/account/login"));
		mvc.perform(get("/account/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("信用主体登录")))
			.andExpect(content().string(containsString("统一身份认证登录")))
			.andExpect(content().string(containsString("验证码为 " + DEMO_CODE)));
		mvc.perform(get("/account/login").param("lang", "en"))
			.andExpect(content().string(containsString("Sign in as a credit subject")))
			.andExpect(content().string(containsString("the verification code is " + DEMO_CODE + " (")));
		// a form post without the CSRF token is refused
		mvc.perform(post("/account/login").param("identifier", COMPANY_A).param("verificationCode", DEMO_CODE))
			.andExpect(status().isForbidden());
	}

	@Test
	void staffSignInStillWorksAndDoesNotOpenSubjectPages() throws Exception {
		var staff = mvc.perform(formLogin("/login").user("admin").password("admin@Demo2026"))
			.andExpect(redirectedUrl("/console"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) staff.getRequest().getSession();
		mvc.perform(get("/console").session(session)).andExpect(status().isOk());
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/login"));

		// a subject signed in on the same browser does not become staff, and staff stay signed in
		demoSignIn(session, COMPANY_A, DEMO_CODE).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		mvc.perform(get("/console").session(session)).andExpect(status().isOk());
		MockHttpSession subjectOnly = signedIn(COMPANY_A);
		mvc.perform(get("/console").session(subjectOnly)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void demoVerifierSignsInWithTheRightCodeOnlyAndAuditsBoth() throws Exception {
		MockHttpSession session = new MockHttpSession();
		demoSignIn(session, COMPANY_A, "000000").andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("验证码错误")));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/login"));

		demoSignIn(session, " 9164 0100 MA7A C0U1 3A ", DEMO_CODE).andExpect(redirectedUrl("/account"));
		mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("银川甲乙科技有限公司")));

		assertThat(auditRows("SUBJECT_LOGIN")).hasSize(2);
		assertThat(auditRows("SUBJECT_LOGIN").get(0)).containsEntry("outcome", "FAILURE")
			.containsEntry("actor", "anonymous");
		assertThat((String) auditRows("SUBJECT_LOGIN").get(0).get("detail"))
			.contains("ACCOUNT_VERIFICATION_CODE_WRONG", "DEMO_CODE");
		long subjectId = jdbc.sql("select id from credit_subject where code = ?").param(COMPANY_A).query(Long.class).single();
		assertThat(auditRows("SUBJECT_LOGIN").get(1)).containsEntry("outcome", "SUCCESS")
			.containsEntry("actor", "subject:" + subjectId);

		mvc.perform(post("/account/logout").session(session).with(csrf()))
			.andExpect(redirectedUrl("/account/login?logout"));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/login"));
		assertThat(auditRows("SUBJECT_LOGOUT")).singleElement()
			.satisfies(r -> assertThat(r).containsEntry("actor", "subject:" + subjectId));
	}

	@Test
	void wrongIdentifiersAreExplainedInTheVisitorsLanguage() throws Exception {
		MockHttpSession session = new MockHttpSession();
		demoSignIn(session, "91640100MA7AC0U13B", DEMO_CODE).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("统一社会信用代码校验码错误：第 18 位应为“A”，实际为“B”")));
		mvc.perform(post("/account/login").session(session)
			.param("identifier", "91640100MA7AC0U13B")
			.param("verificationCode", DEMO_CODE)
			.param("lang", "en")
			.with(csrf()))
			.andExpect(content().string(containsString("Wrong check character")));
		demoSignIn(session, "12345", DEMO_CODE).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("无法识别")));
		demoSignIn(session, NO_RECORDS, DEMO_CODE).andExpect(status().isNotFound())
			.andExpect(content().string(containsString("本平台没有该代码或号码的信用信息")));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/login"));
	}

	@Test
	void aSubjectSeesItsOwnFullRecordWithHistoryButNeverAnotherSubjects() throws Exception {
		MockHttpSession session = signedIn(COMPANY_A);
		mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("我的信用信息")))
			.andExpect(content().string(containsString("合同履行信息")))
			.andExpect(content().string(containsString("不公开")))
			.andExpect(content().string(containsString("HT-ACC-7788")))
			.andExpect(content().string(containsString("违约")))
			.andExpect(content().string(containsString("履行情况核实后更正")))
			.andExpect(content().string(containsString("首次归集")))
			.andExpect(content().string(containsString("更正")))
			.andExpect(content().string(containsString("行政处罚")))
			.andExpect(content().string(containsString("银市监罚〔2026〕101号")))
			.andExpect(content().string(not(containsString("银市监罚〔2026〕202号"))))
			.andExpect(content().string(not(containsString("银川丙丁商贸有限公司"))))
			.andExpect(content().string(not(containsString("银市监罚〔2026〕303号"))));
		mvc.perform(get("/account").session(session).param("lang", "en"))
			.andExpect(content().string(containsString("My credit information")))
			.andExpect(content().string(containsString("Contract performance")))
			.andExpect(content().string(containsString("Not public")));

		MockHttpSession other = signedIn(COMPANY_B);
		mvc.perform(get("/account").session(other))
			.andExpect(content().string(containsString("银市监罚〔2026〕202号")))
			.andExpect(content().string(not(containsString("HT-ACC-7788"))))
			.andExpect(content().string(not(containsString("银市监罚〔2026〕101号"))));

		assertThat(auditRows("SUBJECT_OWN_RECORDS_VIEWED")).hasSize(3);
	}

	@Test
	void queriesPageListsAuditedReadsOfTheSubjectsData() throws Exception {
		MockHttpSession session = signedIn(PERSON);
		mvc.perform(get("/account/queries").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("暂无单位查询")));
		mvc.perform(get("/api/v1/subjects/" + PERSON + "/records").header("X-Api-Key", KEY)).andExpect(status().isOk());
		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		String page = mvc.perform(get("/account/queries").session(session))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("查阅信用记录", "class=\"query\"").doesNotContain("暂无单位查询");
		assertThat(page.split("class=\"query\"", -1)).as("one read, not the subject's own viewing").hasSize(2);

		mvc.perform(get("/account/queries").session(signedIn(COMPANY_B)))
			.andExpect(content().string(containsString("暂无单位查询")));
	}

	MockHttpSession oidcSignIn(Map<String, Object> claims, java.util.function.Consumer<FakeOidcProvider> tweak,
			int expectedStatus) throws Exception {
		OIDC.next(claims);
		tweak.accept(OIDC);
		MockHttpSession session = new MockHttpSession();
		String authorize = mvc.perform(get("/account/login/oidc").session(session))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(authorize).startsWith(OIDC.issuer() + "/authorize?")
			.contains("code_challenge_method=S256", "client_id=xinyong-test", "nonce=", "state=");
		URI back = OIDC.authorizeAndReturn(authorize);
		assertThat(back.getPath()).isEqualTo("/account/login/oidc/callback");
		mvc.perform(get(back).session(session)).andExpect(status().is(expectedStatus));
		return session;
	}

	@Test
	void unifiedLoginMapsTheClaimToTheSubject() throws Exception {
		MockHttpSession session = oidcSignIn(Map.of("uscc_or_id", COMPANY_A, "user_type", "LEGAL_PERSON"), p -> {
		}, 302);
		mvc.perform(get("/account").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("HT-ACC-7788")));
		assertThat(auditRows("SUBJECT_LOGIN")).singleElement()
			.satisfies(r -> assertThat((String) r.get("detail")).contains("OIDC"))
			.satisfies(r -> assertThat(r).containsEntry("outcome", "SUCCESS"));

		MockHttpSession person = oidcSignIn(Map.of("uscc_or_id", PERSON, "user_type", "person"), p -> {
		}, 302);
		mvc.perform(get("/account").session(person)).andExpect(content().string(containsString("银市监罚〔2026〕303号")));
	}

	@Test
	void unifiedLoginRefusesForgedWrongOrUnknownIdentities() throws Exception {
		Map<String, Object> good = Map.of("uscc_or_id", COMPANY_A, "user_type", "LEGAL_PERSON");
		MockHttpSession forged = oidcSignIn(good, p -> p.signingKey = FakeOidcProvider.otherKey(), 401);
		mvc.perform(get("/account").session(forged)).andExpect(redirectedUrl("/account/login"));
		oidcSignIn(good, p -> p.tokenIssuer = "http://127.0.0.1:1/evil", 401);
		oidcSignIn(good, p -> p.audience = "another-client", 401);
		oidcSignIn(good, p -> p.returnNonce = false, 401);
		oidcSignIn(Map.of("uscc_or_id", NO_RECORDS), p -> {
		}, 404);
		oidcSignIn(Map.of("uscc_or_id", COMPANY_A, "user_type", "NATURAL_PERSON"), p -> {
		}, 422);
		oidcSignIn(Map.of("user_type", "LEGAL_PERSON"), p -> {
		}, 422);
		assertThat(auditRows("SUBJECT_LOGIN")).hasSize(7)
			.allSatisfy(r -> assertThat(r).containsEntry("outcome", "FAILURE"))
			.extracting(r -> (String) r.get("detail"))
			.satisfiesExactly(d -> assertThat(d).contains("ACCOUNT_ID_TOKEN_INVALID"),
					d -> assertThat(d).contains("ACCOUNT_ID_TOKEN_INVALID"),
					d -> assertThat(d).contains("ACCOUNT_ID_TOKEN_INVALID"),
					d -> assertThat(d).contains("ACCOUNT_ID_TOKEN_INVALID"),
					d -> assertThat(d).contains("ACCOUNT_SUBJECT_UNKNOWN"),
					d -> assertThat(d).contains("ACCOUNT_SUBJECT_TYPE_MISMATCH"),
					d -> assertThat(d).contains("ACCOUNT_CLAIM_MISSING"));

		// the message names the failed check
		OIDC.next(good);
		OIDC.signingKey = FakeOidcProvider.otherKey();
		MockHttpSession session = new MockHttpSession();
		String authorize = mvc.perform(get("/account/login/oidc").session(session)).andReturn().getResponse()
			.getRedirectedUrl();
		mvc.perform(get(OIDC.authorizeAndReturn(authorize)).session(session))
			.andExpect(content().string(containsString("未通过校验（signature）")));
	}

	@Test
	void aCallbackNotStartedByThisSessionIsRefused() throws Exception {
		OIDC.next(Map.of("uscc_or_id", COMPANY_A));
		MockHttpSession starter = new MockHttpSession();
		String authorize = mvc.perform(get("/account/login/oidc").session(starter)).andReturn().getResponse()
			.getRedirectedUrl();
		URI back = OIDC.authorizeAndReturn(authorize);
		MockHttpSession victim = new MockHttpSession();
		mvc.perform(get(back).session(victim))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("登录请求已失效")));
		mvc.perform(get("/account").session(victim)).andExpect(redirectedUrl("/account/login"));
		// and a state is good for one callback only
		mvc.perform(get(back).session(starter)).andExpect(redirectedUrl("/account"));
		mvc.perform(get(back).session(starter)).andExpect(status().isBadRequest());
		// a signed-in subject skips the login page
		mvc.perform(get("/account/login").session(starter)).andExpect(redirectedUrl("/account"));
	}

	@Test
	void aSignInCancelledAtTheUnifiedLoginIsExplained() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String authorize = mvc.perform(get("/account/login/oidc").session(session)).andReturn().getResponse()
			.getRedirectedUrl();
		String state = org.springframework.web.util.UriComponentsBuilder.fromUriString(authorize)
			.build()
			.getQueryParams()
			.getFirst("state");
		mvc.perform(get("/account/login/oidc/callback").session(session)
			.param("error", "access_denied")
			.param("state", java.net.URLDecoder.decode(state, java.nio.charset.StandardCharsets.UTF_8)))
			.andExpect(status().isUnauthorized())
			.andExpect(content().string(containsString("统一身份认证平台未完成授权（access_denied）")));
		mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/login"));
		assertThat(auditRows("SUBJECT_LOGIN")).singleElement()
			.satisfies(r -> assertThat((String) r.get("detail")).contains("ACCOUNT_OIDC_DENIED"));
	}
}
