package org.xinyong.jointcheck.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.jointcheck.JointChecks;
import org.xinyong.platform.BenchmarkLoad;
import org.xinyong.platform.OrganisationMember;

/**
 * {@code java -jar target/xinyong.jar benchmark joint-check [SUBJECTS]} (default 1,000,000): generates subjects
 * with SQL — every fifth with a currently disclosed administrative penalty in the website's read model, one in a
 * hundred on the serious-dishonesty list — then, from a second process ({@code loadgen}), posts joint checks with
 * the demo department system's API key, beside three baselines in the same run: raw SQL primary-key lookups with the
 * same concurrency, the actuator's liveness request, and a no-op POST behind the same Spring Security chain
 * ({@link NoOpEndpoint}, registered only for the benchmark). Every check is stored and audited, as in production.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.joint-check.subjects")
@Order(100)
class JointCheckBenchmark implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(JointCheckBenchmark.class);
	static final long ID_BASE = 20_000_000L;
	static final String[] MATTERS = { "PROCUREMENT", "BIDDING", "LICENSING", "FUNDING", "HONOURS",
			"PUBLIC_EMPLOYMENT", "OTHER" };

	private final Environment environment;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final ApplicationContext context;
	private final CheckWriter writer;
	private final JointChecks checks;

	JointCheckBenchmark(Environment environment, JdbcClient jdbc, DataSource dataSource, ApplicationContext context,
			CheckWriter writer, JointChecks checks) {
		this.writer = writer;
		this.checks = checks;
		this.environment = environment;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int subjects = environment.getRequiredProperty("xinyong.benchmark.joint-check.subjects", Integer.class);
		int concurrency = environment.getProperty("xinyong.benchmark.joint-check.concurrency", Integer.class, 16);
		int seconds = environment.getProperty("xinyong.benchmark.joint-check.seconds", Integer.class, 15);
		int warmUp = environment.getProperty("xinyong.benchmark.joint-check.warm-up-seconds", Integer.class, 90);
		long t0 = System.nanoTime();
		generate(subjects);
		jdbc.sql("vacuum analyze").update();
		double generateSeconds = (System.nanoTime() - t0) / 1e9;
		log.warn("Benchmark: generated {} subjects in {} s", subjects, Math.round(generateSeconds));
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Path urls = requests(port, subjects);
		long checksBefore = jdbc.sql("select count(*) from joint_check").query(Long.class).single();
		String raw = BenchmarkLoad.rawLookups(dataSource, "select id, code, kind, subject_type from credit_subject where id = ?",
				() -> ID_BASE + 1 + ThreadLocalRandom.current().nextInt(subjects), concurrency, seconds);
		String load = BenchmarkLoad.fromSecondProcess(urls, concurrency, seconds, warmUp,
				Map.of("XINYONG_LOADGEN_API_KEY", environment.getProperty("xinyong.demo.api-key", "")));
		String direct = inProcess(concurrency, seconds);
		long checks = jdbc.sql("select count(*) from joint_check").query(Long.class).single() - checksBefore;
		long[] stats = writer.stats();
		String batching = String.format("%,d rounds, %.1f checks each on average, %.1f ms each", stats[0],
				stats[1] / (double) Math.max(1, stats[0]), stats[2] / 1e6 / Math.max(1, stats[0]));
		long audited = jdbc.sql("select count(*) from audit_event where action = 'JOINT_CHECK_READ'")
			.query(Long.class)
			.single();
		String report = String.format("""
				## Joint-check benchmark (%s)

				- Data: %,d subjects (5%% natural persons); every fifth with a currently disclosed administrative
				  penalty, one in a hundred on the serious-dishonesty list; generated with SQL in %.0f s.
				- Load: %d concurrent clients from a second process (`loadgen`), %d s per line after a %d s warm-up, on the
				  same machine (the load generator competes for the same cores). Each request is
				  `POST /api/v1/joint-checks` with an API key and a random subject and matter; %,d checks were stored
				  and %,d audit entries `JOINT_CHECK_READ` written during the run (each round read, stored, audited and
				  committed in one transaction: %s).

				| what | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | max ms |
				|---|---|---|---|---|---|---|---|
				%s%s%s
				The last line calls the check service (`JointChecks.check`) from %d threads of the platform's own process,
				without HTTP: what the check's own work allows on this machine when no request has to be parsed, secured
				or answered over a socket.
				""", java.time.LocalDate.now(), subjects, generateSeconds, concurrency, seconds, warmUp, checks, audited, batching, raw,
				load, direct, concurrency);
		System.out.println(report);
		Path out = Path.of("target", "benchmark-joint-check.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/**
	 * The fourth baseline: the check service called directly from {@code concurrency} threads of this process (no
	 * HTTP, no security chain, no load generator), with random subjects and matters, for the demo department system.
	 */
	private String inProcess(int concurrency, int seconds) throws InterruptedException {
		Map<String, Object> organisation = jdbc.sql("""
				select o.id, o.code from organisation o
				where exists (select 1 from api_key k where k.organisation_id = o.id and k.revoked_at is null)
				order by o.id limit 1""").query().singleRow();
		long organisationId = ((Number) organisation.get("id")).longValue();
		String organisationCode = (String) organisation.get("code");
		OrganisationMember member = new OrganisationMember() {
			@Override
			public long organisationId() {
				return organisationId;
			}

			@Override
			public String organisationCode() {
				return organisationCode;
			}
		};
		List<String> codes = jdbc.sql("select code from credit_subject where id > ? order by random() limit 5000")
			.param(ID_BASE)
			.query(String.class)
			.list();
		java.util.concurrent.atomic.AtomicLong n = new java.util.concurrent.atomic.AtomicLong();
		return BenchmarkLoad.inProcess("joint check in process, random subjects (no HTTP: `JointChecks.check`)", () -> {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			checks.check(member, "benchmark", "127.0.0.1", codes.get(random.nextInt(codes.size())),
					MATTERS[random.nextInt(MATTERS.length)], "BENCH-DIRECT-" + n.incrementAndGet());
		}, concurrency, seconds, 10);
	}

	/** Subjects, names, disclosed penalties and serious-list entries, made with SQL for speed. */
	private void generate(int subjects) {
		// valid identifiers (the check refuses a wrong check character): GB 32100 codes and GB 11643 numbers
		jdbc.sql("""
				create function bench_uscc(body8 text) returns text language sql immutable as $$
				  with org as (
				    select body8 || (case 11 - (sum(substr(body8, k, 1)::int * (array[3,7,9,10,5,8,4,2])[k]) % 11)
				                     when 10 then 'X' when 11 then '0'
				                     else (11 - (sum(substr(body8, k, 1)::int * (array[3,7,9,10,5,8,4,2])[k]) % 11))::text end) as b
				    from generate_series(1, 8) k),
				  c17 as (select '91640200' || b as s from org)
				  select s || substr('0123456789ABCDEFGHJKLMNPQRTUWXY',
				      1 + (31 - (select sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(s, k, 1)) - 1)
				                 * (array[1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28])[k]) % 31
				                 from generate_series(1, 17) k)::int) % 31, 1)
				  from c17
				$$""").update();
		jdbc.sql("""
				create function bench_resident(i bigint) returns text language sql immutable as $$
				  with b as (select '640105' || to_char(date '1960-01-01' + (i % 15000)::int, 'YYYYMMDD')
				                    || lpad((i / 15000 % 1000)::text, 3, '0') as s)
				  select s || substr('10X98765432', 1 + (select sum(substr(s, k, 1)::int
				      * (array[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[k]) % 11 from generate_series(1, 17) k)::int, 1)
				  from b
				$$""").update();
		jdbc.sql("""
				insert into credit_subject (id, code, kind, subject_type, legacy, first_name, first_name_seen_in)
				select :base + i,
				       case when i % 20 = 0 then bench_resident(i) else bench_uscc(lpad(i::text, 8, '0')) end,
				       case when i % 20 = 0 then 'RESIDENT_ID' else 'USCC' end,
				       case when i % 20 = 0 then 'NATURAL_PERSON' else 'ORGANISATION' end, false,
				       '核查基准主体' || i || '有限公司', 'benchmark'
				from generate_series(cast(1 as bigint), :n) i""")
			.param("base", ID_BASE)
			.param("n", subjects)
			.update();
		jdbc.sql("select setval(pg_get_serial_sequence('credit_subject', 'id'), (select max(id) from credit_subject))")
			.query()
			.singleRow();
		jdbc.sql("""
				insert into disclosed_record (record_id, version_no, subject_id, subject_type, subject_code, subject_name,
				    catalog_item, report_group, shown, regime, shown_from, shown_until, decision_date, authority,
				    type_label, source_unit, updated_at, public_values)
				select md5('jc-bench-' || s.id)::uuid, 1, s.id, s.subject_type, s.code, '核查基准主体', 'ADMIN_PENALTY',
				       'PENALTY', true, 'NDRC-ORDER-36', date '2026-03-01', date '2029-03-01', date '2026-03-01',
				       '银川市市场监督管理局', '罚款', '自治区市场监督管理局', now(), '{}'::jsonb
				from credit_subject s where s.id > :base and (s.id - :base) % 5 = 0""")
			.param("base", ID_BASE)
			.update();
		jdbc.sql("""
				insert into list_entry (list_kind, subject_id, subject_code, subject_name, legal_representative, category,
				    reason, basis, measures, removal_conditions, remedies, document_number, deciding_org, effective_date,
				    planned_end, recorded_by, recorded_at)
				select 'SERIOUS_DISHONESTY', s.id, s.code, '核查基准主体', '张三',
				       (array['HEALTH_AND_SAFETY','MARKET_AND_SOCIAL_ORDER','REFUSING_OBLIGATIONS','NATIONAL_DEFENCE','OTHER_STATUTORY'])[1 + (s.id % 5)::int],
				       '基准', '基准', '基准', '基准', '基准', 'JC-BENCH-' || s.id, '基准单位', date '2026-01-01',
				       date '2099-12-31', 'benchmark', now()
				from credit_subject s where s.id > :base and (s.id - :base) % 100 = 0""")
			.param("base", ID_BASE)
			.update();
	}

	/** Request lines: a random existing subject (and a few unknown ones) with a random matter. */
	private Path requests(int port, int subjects) throws Exception {
		String url = "http://localhost:" + port + "/api/v1/joint-checks";
		Random random = new Random(11);
		StringBuilder out = new StringBuilder();
		List<String> codes = jdbc.sql("select code from credit_subject where id > ? order by random() limit 5000")
			.param(ID_BASE)
			.query(String.class)
			.list();
		List<String> serious = jdbc.sql("select subject_code from list_entry where recorded_by = 'benchmark' limit 2000")
			.query(String.class)
			.list();
		int n = 0;
		// a second baseline: the same client, key and HTTP/security stack with (almost) no work behind it
		out.append("HTTP stack only: GET /actuator/health/liveness (second baseline)\thttp://localhost:").append(port)
			.append("/actuator/health/liveness\n");
		// a third: the same POST as a check, behind the same Spring Security chain, answered without any work
		for (int i = 0; i < 200; i++) {
			out.append("no-op POST behind Spring Security (third baseline)\t")
				.append(body("http://localhost:" + port + NoOpEndpoint.PATH, codes.get(i % codes.size()), random, n++))
				.append('\n');
		}
		for (String code : codes) {
			out.append("joint check, random subjects (API, POST)\t").append(body(url, code, random, n++)).append('\n');
		}
		for (String code : serious) {
			out.append("joint check, serious-list subjects (API, POST)\t").append(body(url, code, random, n++))
				.append('\n');
		}
		Path file = Files.createTempFile("xinyong-joint-checks", ".tsv");
		// the request lines are only for this run
		file.toFile().deleteOnExit();
		Files.writeString(file, out.toString());
		return file;
	}

	/**
	 * The third baseline, registered only for the benchmark: a filter behind the whole Spring Security chain (as the
	 * joint check's fast path is) that reads the request body and answers {@code {}} — what an HTTP request costs
	 * here before any of the check's own work.
	 */
	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("xinyong.benchmark.joint-check.subjects")
	static class NoOpEndpoint {

		static final String PATH = "/api/v1/benchmark/no-op";
		private static final byte[] ANSWER = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

		@org.springframework.context.annotation.Bean
		org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.http.HttpFilter> benchmarkNoOp() {
			var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.http.HttpFilter>(
					new jakarta.servlet.http.HttpFilter() {
						@Override
						protected void doFilter(jakarta.servlet.http.HttpServletRequest request,
								jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
								throws java.io.IOException {
							request.getInputStream().readAllBytes();
							response.setContentType("application/json");
							response.setContentLength(ANSWER.length);
							response.getOutputStream().write(ANSWER);
						}
					});
			registration.addUrlPatterns(PATH);
			registration.setOrder(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
			return registration;
		}
	}

	private static String body(String url, String code, Random random, int n) {
		return url + "\t{\"subjectCode\":\"" + code + "\",\"matter\":\"" + MATTERS[random.nextInt(MATTERS.length)]
				+ "\",\"reference\":\"BENCH-" + n + "\"}";
	}
}
