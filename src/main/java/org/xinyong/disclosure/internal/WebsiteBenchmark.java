package org.xinyong.disclosure.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.xinyong.access.Organisations;
import org.xinyong.catalog.Catalogs;
import org.xinyong.platform.BenchmarkLoad;

/**
 * {@code java -jar target/xinyong.jar benchmark website [SUBJECTS [RECORDS]]} (default 1,000,000 and 5,000,000):
 * generates subjects, names and record versions with SQL, builds the website's read model and search index with the
 * platform's own projector, then — from a second process ({@code loadgen}) — measures the subject page, the public
 * subject API and name search for two, three, four and six characters under concurrent load, beside raw SQL
 * primary-key lookups measured with the same concurrency in the same run.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.website.subjects")
@Order(100)
class WebsiteBenchmark implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(WebsiteBenchmark.class);
	static final long ID_BASE = 10_000_000L;
	static final String CITIES = "银川市,石嘴山市,吴忠市,固原市,中卫市,银川,灵武市,青铜峡市,贺兰县,宁夏";
	static final String SYLLABLES = "华信恒达鑫源盛泰瑞丰宏宇天成金诚嘉和永安博远汇通德润新星佳豪兴隆明辉志远正阳";
	static final String INDUSTRIES = "科技,贸易,建筑工程,餐饮管理,物流,农业开发,商贸,建材,电子商务,信息技术,医药,文化传媒,环保科技,"
			+ "新能源,房地产开发,机械制造,食品,服装,汽车销售,教育咨询";
	static final String SUFFIXES = "有限公司,有限责任公司,股份有限公司,专业合作社,商行,经营部";

	private final Environment environment;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final RecordProjector projector;
	private final Catalogs catalogs;
	private final Organisations organisations;
	private final ApplicationContext context;

	WebsiteBenchmark(Environment environment, JdbcClient jdbc, DataSource dataSource, RecordProjector projector,
			Catalogs catalogs, Organisations organisations, ApplicationContext context) {
		this.environment = environment;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.projector = projector;
		this.catalogs = catalogs;
		this.organisations = organisations;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int subjects = environment.getRequiredProperty("xinyong.benchmark.website.subjects", Integer.class);
		int records = environment.getRequiredProperty("xinyong.benchmark.website.records", Integer.class);
		int concurrency = environment.getProperty("xinyong.benchmark.website.concurrency", Integer.class, 4);
		int seconds = environment.getProperty("xinyong.benchmark.website.seconds", Integer.class, 15);
		long t0 = System.nanoTime();
		generate(subjects, records);
		double generateSeconds = (System.nanoTime() - t0) / 1e9;
		log.warn("Benchmark: generated {} subjects and {} record versions in {} s", subjects, records,
				Math.round(generateSeconds));
		long t1 = System.nanoTime();
		long projected = projector.rebuild(done -> {
			if (done % 500_000 < RecordProjector.BATCH) {
				log.warn("Benchmark: projected {} records", done);
			}
		});
		double projectSeconds = (System.nanoTime() - t1) / 1e9;
		jdbc.sql("vacuum analyze").update();
		log.warn("Benchmark: read model and search index built for {} records in {} s", projected,
				Math.round(projectSeconds));
		String sizes = jdbc.sql("""
				select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)), ', ' order by relname)
				from pg_class where relname in ('subject_gram', 'disclosed_record', 'public_subject', 'record_version')""")
			.query(String.class)
			.single();

		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		Path urls = urls(port);
		String raw = BenchmarkLoad.rawLookups(dataSource, "select id, code, kind, subject_type from credit_subject where id = ?",
				() -> ID_BASE + 1 + ThreadLocalRandom.current().nextInt(subjects), concurrency, seconds);
		String load = BenchmarkLoad.fromSecondProcess(urls, concurrency, seconds, java.util.Map.of());
		String report = String.format("""
				## Website benchmark (%s)

				- Data: %,d subjects (5%% natural persons, not searchable), %,d record versions; generated with SQL in %.0f s.
				- Read model and search index built by the platform's projector in %.0f s (%,.0f records/s).
				- Sizes: %s.
				- Load: %d concurrent clients from a second process (`loadgen`), %d s per line after a warm-up, on the same
				  machine (the load generator competes for the same cores).

				| what | requests | errors | requests/s | p50 ms | p95 ms | p99 ms | max ms |
				|---|---|---|---|---|---|---|---|
				%s%s
				""", java.time.LocalDate.now(), subjects, records, generateSeconds, projectSeconds,
				projected / projectSeconds, sizes, concurrency, seconds, raw, load);
		System.out.println(report);
		Path out = Path.of("target", "benchmark-website.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
	}

	/** Subjects, names and record versions (the shape ingestion writes), made with SQL for speed. */
	private void generate(int subjects, int records) {
		long provider = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		long penaltyVersion = catalogs.publishedItem("ADMIN_PENALTY").orElseThrow().catalogVersionId();
		long licenceVersion = catalogs.publishedItem("ADMIN_LICENCE").orElseThrow().catalogVersionId();
		jdbc.sql("""
				insert into credit_subject (id, code, kind, subject_type, legacy, first_name, first_name_seen_in)
				select :base + i,
				       case when i % 20 = 0 then '640104' || lpad(i::text, 12, '0') else '91640100' || lpad(i::text, 10, '0') end,
				       case when i % 20 = 0 then 'RESIDENT_ID' else 'USCC' end,
				       case when i % 20 = 0 then 'NATURAL_PERSON' else 'ORGANISATION' end, false,
				       case when i % 20 = 0
				            then substr('王李张刘陈杨马赵黄周', cast(1 + (i * 7) % 10 as int), 1) || substr(:syl, cast(1 + (i * 13) % 40 as int), 1)
				                 || substr(:syl, cast(1 + (i * 29) % 40 as int), 1)
				            else (string_to_array(:cities, ','))[cast(1 + (i * 7919) % 10 as int)]
				                 || substr(:syl, cast(1 + (i * 104729) % 40 as int), 1) || substr(:syl, cast(1 + (i / 40 * 31) % 40 as int), 1)
				                 || (string_to_array(:industries, ','))[cast(1 + (i * 613) % 20 as int)]
				                 || (string_to_array(:suffixes, ','))[cast(1 + (i * 389) % 6 as int)] end,
				       'benchmark'
				from generate_series(cast(1 as bigint), :n) i""")
			.param("base", ID_BASE)
			.param("n", subjects)
			.param("syl", SYLLABLES)
			.param("cities", CITIES)
			.param("industries", INDUSTRIES)
			.param("suffixes", SUFFIXES)
			.update();
		jdbc.sql("select setval(pg_get_serial_sequence('credit_subject', 'id'), (select max(id) from credit_subject))")
			.query()
			.singleRow();
		// record k belongs to subject 1 + k % subjects; every third is a licence, the rest penalties
		jdbc.sql("""
				insert into record_version (record_id, version_no, kind, catalog_item, provider_id, natural_key, subject_id,
				    payload, content_hash, decision_date, severity, catalog_version_id, recorded_by, recorded_at)
				select md5('bench-' || k)::uuid, 1, 'CREATED', item, :provider, number, :base + s,
				       json_build_object('subjectName', c.first_name, 'subjectCode', c.code, 'decisionNumber', number,
				           'violationType', '未按规定公示年度报告', 'facts', '当事人未按规定期限公示年度报告，事实清楚。',
				           'basis', '《企业信息公示暂行条例》第十七条', 'penaltyType', 'FINE', 'penaltyContent', '罚款人民币壹万元',
				           'fineAmount', 1, 'decisionDate', decided, 'authority', '银川市市场监督管理局',
				           'authorityCode', '11640000MB1900027Y', 'severity', severity, 'licenceDocumentNumber', number,
				           'licenceCategory', 'GENERAL', 'licenceContent', '食品经营许可', 'validFrom', decided,
				           'sourceUnit', '自治区市场监督管理局', 'sourceUnitCode', '11640000MB1900027Y'),
				       decode(md5('bench-' || k), 'hex'), decided, severity,
				       case when item = 'ADMIN_LICENCE' then :licenceVersion else :penaltyVersion end, 'benchmark', now()
				from (select k, 1 + k % :n as s,
				             case when k % 3 = 0 then 'ADMIN_LICENCE' else 'ADMIN_PENALTY' end as item,
				             'BENCH-' || k as number,
				             date '2023-05-01' + cast(k * 37 % 1300 as int) as decided,
				             case when k % 10 < 2 then 'MINOR' when k % 10 < 8 then 'GENERAL' else 'SERIOUS' end as severity
				      from generate_series(cast(0 as bigint), :records - 1) k) g
				join credit_subject c on c.id = :base + g.s""")
			.param("provider", provider)
			.param("base", ID_BASE)
			.param("n", subjects)
			.param("records", records)
			.param("licenceVersion", licenceVersion)
			.param("penaltyVersion", penaltyVersion)
			.update();
	}

	/** The URLs the load generator requests, by category. */
	private Path urls(int port) throws Exception {
		String base = "http://localhost:" + port;
		List<String> names = jdbc.sql("select name, code from public_subject order by random() limit 2000")
			.query((rs, n) -> rs.getString("name") + "\t" + rs.getString("code"))
			.list();
		Random random = new Random(7);
		StringBuilder out = new StringBuilder();
		for (String line : names) {
			String name = line.split("\t")[0];
			String code = line.split("\t")[1];
			out.append("subject page (HTML)\t").append(base).append("/subjects/").append(code).append('\n');
			out.append("subject API (JSON)\t").append(base).append("/api/v1/public/subjects/").append(code).append('\n');
			for (int length : new int[] { 2, 3, 4, 6 }) {
				if (name.length() >= length) {
					int start = random.nextInt(name.length() - length + 1);
					String q = java.net.URLEncoder.encode(name.substring(start, start + length),
							java.nio.charset.StandardCharsets.UTF_8);
					out.append("name search, ").append(length).append(" characters (API)\t").append(base)
						.append("/api/v1/public/subjects?q=").append(q).append('\n');
					if (length == 2) {
						out.append("name search, 2 characters (HTML page)\t").append(base).append("/search?q=")
							.append(q).append('\n');
					}
				}
			}
		}
		for (String common : new String[] { "银川", "科技", "有限公司", "银川市华信", "贸易有限公司" }) {
			out.append("name search, common words (API)\t").append(base).append("/api/v1/public/subjects?q=")
				.append(java.net.URLEncoder.encode(common, java.nio.charset.StandardCharsets.UTF_8)).append('\n');
		}
		Path file = Files.createTempFile("xinyong-urls", ".tsv");
		// the request lines are only for this run
		file.toFile().deleteOnExit();
		Files.writeString(file, out.toString());
		return file;
	}
}
