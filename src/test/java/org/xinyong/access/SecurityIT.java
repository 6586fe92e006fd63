package org.xinyong.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.xinyong.testing.AuditRows;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIT {

	static final String DEMO_KEY = "test-demo-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffUsers users;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Organisations organisations;

	AuditRows audit;

	long auditMark;

	@BeforeEach
	void mark() {
		audit = new AuditRows(jdbc);
		auditMark = audit.maxId();
	}

	@Test
	void publicPagesAndDocsNeedNoLogin() throws Exception {
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("信用信息共享平台")));
		mvc.perform(get("/").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Public Credit Information Platform")));
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.openapi").exists())
			.andExpect(jsonPath("$.paths['/api/v1/me']").exists());
		mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("工作人员登录")));
	}

	@Test
	void apiWithoutCredentialsIsRefusedWithAProblemInTheCallersLanguageAndAudited() throws Exception {
		mvc.perform(get("/api/v1/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("UNAUTHORIZED"))
			.andExpect(jsonPath("$.title").value(containsString("API 密钥")));
		mvc.perform(get("/api/v1/me").header("Accept-Language", "en-GB,en;q=0.9"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value(containsString("valid API key")));

		List<Map<String, Object>> rows = audit.since(auditMark);
		assertThat(rows).hasSize(2).allSatisfy(row -> {
			assertThat(row.get("action")).isEqualTo("ACCESS_DENIED");
			assertThat(row.get("outcome")).isEqualTo("DENIED");
			assertThat(row.get("actor")).isEqualTo("anonymous");
			assertThat((String) row.get("detail")).contains("UNAUTHENTICATED", "/api/v1/me");
		});
	}

	@Test
	void departmentSystemIsKnownByItsApiKey() throws Exception {
		mvc.perform(get("/api/v1/me").header("X-Api-Key", DEMO_KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("SYSTEM"))
			.andExpect(jsonPath("$.organisation.code").value("12640000MB1900051C"))
			.andExpect(jsonPath("$.roles[0]").value("DEPARTMENT_SYSTEM"));
	}

	@Test
	void unknownAndRevokedKeysAreRefusedAndAudited() throws Exception {
		mvc.perform(get("/api/v1/me").header("X-Api-Key", "xy_not-a-key"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("API_KEY_INVALID"));

		long org = organisations.byCode("12640000MB1900051C").orElseThrow().id();
		var issued = apiKeys.issue(org, "temporary", "test");
		mvc.perform(get("/api/v1/me").header("X-Api-Key", issued.plainKey())).andExpect(status().isOk());
		apiKeys.revoke(issued.id(), "system decommissioned", "test");
		mvc.perform(get("/api/v1/me").header("X-Api-Key", issued.plainKey()))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.code").value("API_KEY_INVALID"));

		assertThat(audit.since(auditMark)).extracting(r -> r.get("action"))
			.containsSubsequence("ACCESS_DENIED", "API_KEY_ISSUED", "API_KEY_REVOKED", "ACCESS_DENIED");
	}

	@Test
	void apiKeysAreStoredOnlyAsHashes() {
		long org = organisations.byCode("12640000MB1900051C").orElseThrow().id();
		var issued = apiKeys.issue(org, "hash check", "test");
		assertThat(issued.plainKey()).startsWith("xy_").hasSizeGreaterThan(40);
		byte[] stored = jdbc.sql("select key_hash from api_key where id = ?").param(issued.id()).query(byte[].class)
			.single();
		assertThat(stored).isEqualTo(ApiKeys.hash(issued.plainKey()));
		String everything = jdbc.sql("select string_agg(a::text, '|') from api_key a").query(String.class).single();
		assertThat(everything).doesNotContain(issued.plainKey()).doesNotContain(DEMO_KEY);
	}

	@Test
	void passwordsAreHashedWithArgon2() {
		String hash = jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("admin@Demo2026");
	}

	@Test
	void staffSignInIsAuditedEitherWay() throws Exception {
		mvc.perform(formLogin().user("admin").password("admin@Demo2026")).andExpect(redirectedUrl("/console"));
		mvc.perform(formLogin().user("admin").password("wrong-password")).andExpect(redirectedUrl("/login?error"));

		List<Map<String, Object>> rows = audit.since(auditMark);
		assertThat(rows).extracting(r -> r.get("action") + "/" + r.get("outcome") + "/" + r.get("actor"))
			.containsExactly("LOGIN/SUCCESS/admin", "LOGIN/FAILURE/admin");
		assertThat(rows.get(0).get("organisation_code")).isEqualTo("12640000MB19000191");
	}

	@Test
	void consoleNeedsASessionAndShowsTheUsersOrganisationAndRoles() throws Exception {
		mvc.perform(get("/console")).andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/login")));
		assertThat(audit.since(auditMark)).extracting(r -> r.get("action")).containsExactly("ACCESS_DENIED");

		mvc.perform(get("/console").with(staff("provider")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("自治区市场监督管理局")))
			.andExpect(content().string(containsString("提供单位经办人")));
		mvc.perform(get("/console").param("lang", "en").with(staff("provider")))
			.andExpect(content().string(containsString("Provider operator")));
	}

	@Test
	void staffSessionAlsoOpensTheApi() throws Exception {
		mvc.perform(get("/api/v1/me").with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("STAFF"))
			.andExpect(jsonPath("$.roles[0]").value("AUDITOR"));
	}

	@Test
	void onlyPlatformAdminsIssueKeysAndARefusalIsAudited() throws Exception {
		String body = "{\"organisationCode\":\"12640000MB1900051C\",\"name\":\"bidding system\"}";
		mvc.perform(post("/api/v1/access/api-keys").with(staff("provider")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		assertThat(audit.since(auditMark)).extracting(r -> r.get("action") + "/" + r.get("actor"))
			.containsExactly("ACCESS_DENIED/provider");

		mvc.perform(post("/api/v1/access/api-keys").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.key").value(containsString("xy_")));
	}

	@Test
	void departmentSystemsCannotAdministerAccess() throws Exception {
		mvc.perform(post("/api/v1/access/api-keys").header("X-Api-Key", DEMO_KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationCode\":\"12640000MB1900051C\",\"name\":\"self-issued\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
	}

	@Test
	void invalidAdministrationRequestsGiveStableCodes() throws Exception {
		mvc.perform(post("/api/v1/access/users").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"newuser\",\"password\":\"short\",\"organisationCode\":\"12640000MB19000191\",\"roles\":[\"REVIEWER\"]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("PASSWORD_TOO_SHORT"));
		mvc.perform(post("/api/v1/access/users").with(staff("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\":\"admin\",\"password\":\"long-enough-pass\",\"organisationCode\":\"12640000MB19000191\",\"roles\":[\"REVIEWER\"]}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));
		mvc.perform(post("/api/v1/access/api-keys/999999/revoke").with(staff("admin")).with(csrf())
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\":\"x\"}"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code").value("API_KEY_UNKNOWN"))
			.andExpect(jsonPath("$.title").value("API key 999999 does not exist."));
	}

	@Test
	void sessionRequestsToTheApiNeedACsrfTokenButKeyRequestsDoNot() throws Exception {
		mvc.perform(post("/api/v1/access/api-keys").with(staff("admin"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"organisationCode\":\"12640000MB1900051C\",\"name\":\"no csrf\"}"))
			.andExpect(status().isForbidden());
	}

	/** Authenticates the request as the demo user, loaded from the database like a real sign-in. */
	RequestPostProcessor staff(String username) {
		StaffPrincipal principal = users.byUsername(username).orElseThrow();
		return SecurityMockMvcRequestPostProcessors.user(principal);
	}
}
