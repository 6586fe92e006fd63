package org.xinyong.ingest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.xinyong.access.Organisations;
import org.xinyong.ingest.SubmitCommand;
import org.xinyong.ingest.Submissions;
import org.xinyong.platform.DemoMode;

/**
 * Demo records for the credit website, submitted once through the normal API path by the demo market regulator
 * when demo mode is on, {@code xinyong.demo.records} is true (the default) and no record exists yet: made-up
 * penalties (decided 2023–2026, so that every disclosure regime and some expired ones appear) and licences.
 */
@Component
@Order(30)
class DemoRecordData implements ApplicationRunner {

	static final String MARKET_REGULATOR = "11640000MB1900027Y";
	private static final Logger log = LoggerFactory.getLogger(DemoRecordData.class);

	private final DemoMode demo;
	private final boolean enabled;
	private final Organisations organisations;
	private final Submissions submissions;
	private final JdbcClient jdbc;

	DemoRecordData(DemoMode demo, @Value("${xinyong.demo.records:true}") boolean enabled, Organisations organisations,
			Submissions submissions, JdbcClient jdbc) {
		this.demo = demo;
		this.enabled = enabled;
		this.organisations = organisations;
		this.submissions = submissions;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || !enabled || organisations.byCode(MARKET_REGULATOR).isEmpty()
				|| jdbc.sql("select exists (select 1 from record_version)").query(Boolean.class).single()) {
			return;
		}
		long market = organisations.byCode(MARKET_REGULATOR).orElseThrow().id();
		PenaltyRowGenerator generator = new PenaltyRowGenerator(2026, 120);
		List<Map<String, Object>> penalties = new ArrayList<>();
		List<Map<String, Object>> licences = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			List<String> row = generator.row(i + 1);
			Map<String, Object> penalty = new LinkedHashMap<>();
			for (int c = 0; c < PenaltyRowGenerator.KEYS.size(); c++) {
				if (!row.get(c).isEmpty()) {
					penalty.put(PenaltyRowGenerator.KEYS.get(c), row.get(c));
				}
			}
			penalties.add(penalty);
			if (i % 3 == 0) {
				licences.add(licence(penalty, i));
			}
		}
		var p = submissions.submit(new SubmitCommand(market, MARKET_REGULATOR, "demo", "ADMIN_PENALTY",
				"demo-penalties-1", penalties));
		var l = submissions.submit(new SubmitCommand(market, MARKET_REGULATOR, "demo", "ADMIN_LICENCE",
				"demo-licences-1", licences));
		log.info("Demo records submitted: {} penalties, {} licences accepted", p.accepted(), l.accepted());
	}

	private static Map<String, Object> licence(Map<String, Object> penalty, int i) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", penalty.get("subjectName"));
		r.put("subjectCode", penalty.get("subjectCode"));
		r.put("licenceDocumentName", "食品经营许可决定书");
		r.put("licenceDocumentNumber", "宁市监许〔2026〕" + (i + 1) + "号");
		r.put("licenceCategory", i % 2 == 0 ? "GENERAL" : "RECOGNITION");
		r.put("licenceCertificateName", "食品经营许可证");
		r.put("licenceNumber", "JY1640" + String.format("%08d", 100 + i));
		r.put("licenceContent", "预包装食品销售，热食类食品制售");
		String decided = "2026-" + String.format("%02d", 1 + i % 10) + "-" + String.format("%02d", 1 + i % 27);
		r.put("decisionDate", decided);
		r.put("validFrom", decided);
		r.put("authority", penalty.get("authority"));
		r.put("authorityCode", MARKET_REGULATOR);
		r.put("sourceUnit", "自治区市场监督管理局");
		r.put("sourceUnitCode", MARKET_REGULATOR);
		return r;
	}
}
