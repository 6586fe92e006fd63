package org.xinyong.evaluation.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.evaluation.EvaluationRun;
import org.xinyong.evaluation.Evaluations;

/**
 * {@code java -jar target/xinyong.jar benchmark evaluation [SUBJECTS [RECORDS]]} (default 1,000,000 and 5,000,000):
 * generates subjects, the website's read model rows the evaluation reads ({@code disclosed_record}: penalties of
 * every severity, licences, honours, commitments, abnormal-operation listings, dishonest judgment debtors, some
 * revoked or repaired) and serious-dishonesty list entries with SQL, then times one evaluation run of all subjects
 * with the default model beside a baseline measured in the same run (a bare {@code count(*) … group by subject_id}
 * over the same table), checks that every explanation adds up to its score, prints the figures and exits.
 */
@Component
@ConditionalOnProperty("xinyong.benchmark.evaluation.subjects")
@Order(100)
class EvaluationBenchmark implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(EvaluationBenchmark.class);
	static final long ID_BASE = 20_000_000L;

	private final Environment environment;
	private final JdbcClient jdbc;
	private final Evaluations evaluations;

	EvaluationBenchmark(Environment environment, JdbcClient jdbc, Evaluations evaluations) {
		this.environment = environment;
		this.jdbc = jdbc;
		this.evaluations = evaluations;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int subjects = environment.getRequiredProperty("xinyong.benchmark.evaluation.subjects", Integer.class);
		int records = environment.getRequiredProperty("xinyong.benchmark.evaluation.records", Integer.class);
		long t0 = System.nanoTime();
		generate(subjects, records);
		jdbc.sql("vacuum analyze").update();
		double generateSeconds = (System.nanoTime() - t0) / 1e9;
		log.warn("Benchmark: generated {} subjects and {} disclosed records in {} s", subjects, records,
				Math.round(generateSeconds));
		long t1 = System.nanoTime();
		long counted = jdbc.sql("select count(*) from (select subject_id, count(*) from disclosed_record group by subject_id) g")
			.query(Long.class)
			.single();
		double baselineSeconds = (System.nanoTime() - t1) / 1e9;
		log.warn("Benchmark: baseline aggregate over {} subjects in {} s", counted, baselineSeconds);
		long t2 = System.nanoTime();
		EvaluationRun run = evaluations.runNow("MANUAL", "benchmark");
		double runSeconds = (System.nanoTime() - t2) / 1e9;
		log.warn("Benchmark: run {} evaluated {} subjects in {} s", run.id(), run.processed(), runSeconds);
		long broken = jdbc.sql("""
				select count(*) from evaluation_result
				where run_id = ? and score <> (select sum(cast(c ->> 'points' as int)) from jsonb_array_elements(explanation) c)""")
			.param(run.id())
			.query(Long.class)
			.single();
		String grades = jdbc.sql("""
				select string_agg(grade || ' ' || n, ', ' order by grade)
				from (select grade, count(*) n from evaluation_result where run_id = ? group by grade) g""")
			.param(run.id())
			.query(String.class)
			.single();
		String sizes = jdbc.sql("""
				select string_agg(relname || ' ' || pg_size_pretty(pg_total_relation_size(oid)), ', ' order by relname)
				from pg_class where relname in ('disclosed_record', 'evaluation_result', 'credit_subject', 'list_entry')""")
			.query(String.class)
			.single();
		String report = String.format("""
				## Evaluation benchmark (%s)

				- Data: %,d subjects (5%% natural persons), %,d disclosed records, %,d serious-dishonesty list entries;
				  generated with SQL in %.0f s. Sizes: %s.
				- Baseline (same run): `select subject_id, count(*) from disclosed_record group by subject_id`: %.1f s.
				- **Evaluation run of all subjects (default model, %d chunks): %.1f s** (%,.0f subjects/s), state %s,
				  %,d / %,d processed; explanations not adding up to the score: %d.
				- Grades: %s.
				""", LocalDate.now(), subjects, records, listEntries(subjects), generateSeconds, sizes, baselineSeconds,
				run.total() == 0 ? 0 : (run.total() + chunk() - 1) / chunk(), runSeconds, run.processed() / runSeconds,
				run.state(), run.processed(), run.total(), broken, grades);
		System.out.println(report);
		Path out = Path.of("target", "benchmark-evaluation.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		if (broken != 0 || !"DONE".equals(run.state())) {
			throw new IllegalStateException("evaluation benchmark: run " + run.state() + ", " + broken
					+ " explanations do not add up");
		}
	}

	private int chunk() {
		return environment.getProperty("xinyong.evaluation.chunk-size", Integer.class, 50_000);
	}

	private static int listEntries(int subjects) {
		return subjects / 500;
	}

	/** Subjects, read-model rows and list entries, made with SQL for speed (evaluation reads nothing else). */
	private void generate(int subjects, int records) {
		jdbc.sql("""
				insert into credit_subject (id, code, kind, subject_type, legacy)
				select :base + i,
				       case when i % 20 = 0 then '640104' || lpad(i::text, 12, '0') else '91640100' || lpad(i::text, 10, '0') end,
				       case when i % 20 = 0 then 'RESIDENT_ID' else 'USCC' end,
				       case when i % 20 = 0 then 'NATURAL_PERSON' else 'ORGANISATION' end, false
				from generate_series(cast(1 as bigint), :n) i""")
			.param("base", ID_BASE)
			.param("n", subjects)
			.update();
		// record k belongs to subject 1 + k % subjects; the item, severity and values follow k
		jdbc.sql("""
				insert into disclosed_record (record_id, version_no, subject_id, subject_type, subject_code, subject_name,
				    catalog_item, report_group, shown, regime, shown_from, shown_until, minimum_until, ended_on,
				    decision_date, authority, type_label, source_unit, updated_at, public_values)
				select md5('eval-' || k)::uuid, 1, :base + s, case when s % 20 = 0 then 'NATURAL_PERSON' else 'ORGANISATION' end,
				       case when s % 20 = 0 then '640104********' else '91640100' || lpad(s::text, 10, '0') end,
				       '宁夏某某科技有限公司', item, 'OTHER', k % 50 <> 0, 'BENCHMARK', null, null, null,
				       case when k % 97 = 0 then date '2026-01-01' end, decided, '银川市市场监督管理局', null,
				       '自治区市场监督管理局', now(),
				       jsonb_build_object('decisionNumber', 'BENCH-' || k, 'severity', severity,
				           'honourLevel', (array['NATIONAL','REGIONAL','CITY','COUNTY','OTHER'])[1 + k % 5],
				           'fulfilmentStatus', (array['FULFILLED','FULFILLED','FULFILLED','BREACHED','PENDING'])[1 + k % 5],
				           'removalDate', case when k % 3 = 0 then '2026-01-01' end,
				           'facts', '当事人未按规定期限公示年度报告，违反了《企业信息公示暂行条例》的有关规定，事实清楚，证据确凿。',
				           'basis', '《企业信息公示暂行条例》第十七条', 'authority', '银川市市场监督管理局')
				from (select k, 1 + k % :n as s,
				             case when k % 100 < 50 then 'ADMIN_PENALTY' when k % 100 < 75 then 'ADMIN_LICENCE'
				                  when k % 100 < 83 then 'HONOUR' when k % 100 < 91 then 'CREDIT_COMMITMENT'
				                  when k % 100 < 96 then 'ABNORMAL_OPERATION_LIST' else 'DISHONEST_JUDGMENT_DEBTOR' end as item,
				             date '2022-01-01' + cast(k * 37 % 1790 as int) as decided,
				             case when k % 10 < 2 then 'MINOR' when k % 10 < 8 then 'GENERAL' else 'SERIOUS' end as severity
				      from generate_series(cast(0 as bigint), :records - 1) k) g""")
			.param("base", ID_BASE)
			.param("n", subjects)
			.param("records", records)
			.update();
		jdbc.sql("""
				insert into list_entry (list_kind, subject_id, subject_code, subject_name, category, reason, basis, measures,
				    removal_conditions, remedies, document_number, deciding_org, effective_date, planned_end, recorded_by,
				    recorded_at)
				select 'SERIOUS_DISHONESTY', :base + i * 500, '91640100' || lpad((i * 500)::text, 10, '0'), '宁夏某某科技有限公司',
				       'MARKET_AND_SOCIAL_ORDER', '拒不履行', '条例第四十三条', '限制参与政府采购', '期满移出', '可申请复议',
				       'BENCH-LIST-' || i, '自治区市场监督管理局', date '2026-01-01', date '2029-01-01', 'benchmark', now()
				from generate_series(1, :entries) i""")
			.param("base", ID_BASE)
			.param("entries", listEntries(subjects))
			.update();
	}
}
