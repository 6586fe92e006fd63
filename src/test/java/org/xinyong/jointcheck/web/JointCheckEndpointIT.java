package org.xinyong.jointcheck.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.audit.AuditChain;
import org.xinyong.testing.FixedClock;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/joint-checks} over real HTTP: the fast path ({@link JointCheckEndpoint}) serves JSON checks
 * behind the whole Spring Security chain, sends the very text it stored, refuses what the controller refused with the
 * same codes, leaves every other request to the controller, and keeps every check and its audit entry when many
 * arrive at once (a round of checks shares one transaction and one audit append).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(FixedClock.class)
class JointCheckEndpointIT {

	static final String KEY = "test-demo-key-0123456789";
	static final String CLEAR = "91640100JC1000039U";
	static final String UNKNOWN = "91640100JC1000055H";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	AuditChain auditChain;

	@Autowired
	MockMvc mvc;

	@Autowired
	FilterRegistrationBean<JointCheckEndpoint> endpoint;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void subject() {
		jdbc.sql("""
				insert into credit_subject (code, kind, subject_type, legacy, first_name, first_name_seen_in)
				values (?, 'USCC', 'ORGANISATION', false, '银川快速核查有限公司', 'test') on conflict do nothing""")
			.param(CLEAR)
			.update();
	}

	HttpResponse<String> send(String contentType, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/v1/joint-checks"))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String body(String code, String matter, String reference) {
		return "{\"subjectCode\":\"" + code + "\",\"matter\":\"" + matter + "\",\"reference\":\"" + reference + "\"}";
	}

	@Test
	void theFastPathAnswersWithTheTextItStored() throws Exception {
		long before = endpoint.getFilter().served();
		HttpResponse<String> r = send("application/json", body(CLEAR, "BIDDING", "快-1"), "X-Api-Key", KEY);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(endpoint.getFilter().served()).isEqualTo(before + 1);
		JsonNode answer = json.readTree(r.body());
		assertThat(answer.get("status").asString()).isEqualTo("CLEAR");
		assertThat(answer.get("subject").get("name").asString()).isEqualTo("银川快速核查有限公司");
		String stored = jdbc.sql("select answer::text from joint_check where id = cast(? as uuid)")
			.param(answer.get("checkId").asString())
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(r.body());
		// Spring Security's headers are still written: the filter runs behind the whole chain
		assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		// an unknown subject is answered too, and stored without a subject id
		HttpResponse<String> unknown = send("application/json; charset=UTF-8", body(UNKNOWN, "OTHER", "快-2"),
				"X-Api-Key", KEY);
		assertThat(unknown.statusCode()).isEqualTo(200);
		assertThat(json.readTree(unknown.body()).get("status").asString()).isEqualTo("UNKNOWN_SUBJECT");
		assertThat(endpoint.getFilter().served()).isEqualTo(before + 2);
	}

	@Test
	void refusalsKeepTheirCodesAndLanguage() throws Exception {
		long auditedBefore = matterRefusalsAudited();
		long before = endpoint.getFilter().served();
		// without a key the request is a browser's: Spring Security's CSRF protection refuses it first
		HttpResponse<String> noKey = send("application/json", body(CLEAR, "BIDDING", "快-3"));
		assertThat(noKey.statusCode()).isEqualTo(403);
		assertThat(json.readTree(noKey.body()).get("code").asString()).isEqualTo("FORBIDDEN");
		HttpResponse<String> badKey = send("application/json", body(CLEAR, "BIDDING", "快-3"), "X-Api-Key",
				"no-such-key-0000000000");
		assertThat(badKey.statusCode()).isEqualTo(401);
		assertThat(json.readTree(badKey.body()).get("code").asString()).isEqualTo("API_KEY_INVALID");

		HttpResponse<String> matter = send("application/json", body(CLEAR, "SHOPPING", "快-4"), "X-Api-Key", KEY);
		assertThat(matter.statusCode()).isEqualTo(400);
		assertThat(matter.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		JsonNode problem = json.readTree(matter.body());
		assertThat(problem.get("code").asString()).isEqualTo("JOINT_CHECK_MATTER_INVALID");
		assertThat(problem.get("title").asString()).contains("SHOPPING").contains("核查事项");
		HttpResponse<String> english = send("application/json", body(CLEAR, "SHOPPING", "快-4"), "X-Api-Key", KEY,
				"Accept-Language", "en");
		assertThat(json.readTree(english.body()).get("title").asString()).contains("is not a known matter");

		HttpResponse<String> malformed = send("application/json", "{\"subjectCode\": ", "X-Api-Key", KEY);
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(json.readTree(malformed.body()).get("code").asString()).isEqualTo("BAD_REQUEST");
		HttpResponse<String> empty = send("application/json", "", "X-Api-Key", KEY);
		assertThat(empty.statusCode()).isEqualTo(400);
		assertThat(json.readTree(empty.body()).get("code").asString()).isEqualTo("BAD_REQUEST");

		String huge = body(CLEAR, "BIDDING", "x".repeat(JointCheckEndpoint.BODY_LIMIT));
		HttpResponse<String> tooLarge = send("application/json", huge, "X-Api-Key", KEY);
		assertThat(tooLarge.statusCode()).isEqualTo(413);
		assertThat(json.readTree(tooLarge.body()).get("code").asString()).isEqualTo("JOINT_CHECK_REQUEST_TOO_LARGE");

		assertThat(endpoint.getFilter().served()).isEqualTo(before);
		// refused input is audited as before, with its code: the two refused matters
		assertThat(matterRefusalsAudited()).isEqualTo(auditedBefore + 2);
	}

	long matterRefusalsAudited() {
		return jdbc.sql("""
				select count(*) from audit_event where action = 'JOINT_CHECK_READ' and outcome = 'FAILURE'
				  and detail->>'code' = 'JOINT_CHECK_MATTER_INVALID'""").query(Long.class).single();
	}

	@Test
	void otherRequestsGoToTheController() throws Exception {
		long before = endpoint.getFilter().served();
		HttpResponse<String> text = send("text/plain", body(CLEAR, "BIDDING", "快-5"), "X-Api-Key", KEY);
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(json.readTree(text.body()).get("code").asString()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
		HttpResponse<String> get = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/joint-checks"))
					.header("X-Api-Key", KEY)
					.GET()
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
		assertThat(endpoint.getFilter().served()).isEqualTo(before);
	}

	@Test
	void staffWithoutADepartmentRoleIsRefusedBySpringSecurity() throws Exception {
		MockHttpSession admin = (MockHttpSession) mvc
			.perform(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders
				.formLogin("/login")
				.user("admin")
				.password("admin@Demo2026"))
			.andReturn()
			.getRequest()
			.getSession();
		long before = endpoint.getFilter().served();
		mvc.perform(post("/api/v1/joint-checks").session(admin)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(CLEAR, "BIDDING", "快-6")))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("FORBIDDEN"));
		assertThat(endpoint.getFilter().served()).isEqualTo(before);
		// MockMvc requests take the same fast path
		mvc.perform(post("/api/v1/joint-checks").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body(CLEAR, "BIDDING", "快-7"))).andExpect(status().isOk());
		assertThat(endpoint.getFilter().served()).isEqualTo(before + 1);
	}

	@Test
	void concurrentChecksAreEachStoredAndAuditedOnce() throws Exception {
		int threads = 12;
		int each = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<String>> answers = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				for (int i = 0; i < each; i++) {
					String reference = "并发-" + t + "-" + i;
					String matter = i % 2 == 0 ? "FUNDING" : "LICENSING";
					String code = i % 3 == 0 ? UNKNOWN : CLEAR;
					Callable<String> call = () -> {
						HttpResponse<String> r = send("application/json", body(code, matter, reference), "X-Api-Key",
								KEY);
						assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
						return r.body();
					};
					answers.add(pool.submit(call));
				}
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> f : answers) {
				ids.add(json.readTree(f.get()).get("checkId").asString());
			}
			assertThat(ids).doesNotHaveDuplicates().hasSize(threads * each);
			for (String id : ids) {
				Map<String, Object> row = jdbc.sql("""
						select c.reference, c.subject_code, c.subject_id,
						       (select count(*) from audit_event a where a.action = 'JOINT_CHECK_READ'
						          and a.detail->>'checkId' = cast(c.id as text)) as audited
						from joint_check c where c.id = cast(? as uuid)""").param(id).query().singleRow();
				assertThat(((Number) row.get("audited")).longValue()).isEqualTo(1);
				assertThat((String) row.get("reference")).startsWith("并发-");
				assertThat(row.get("subject_id") == null).isEqualTo(UNKNOWN.equals(row.get("subject_code")));
			}
			assertThat(auditChain.verify().intact()).isTrue();
		}
		finally {
			pool.shutdownNow();
		}
	}
}
