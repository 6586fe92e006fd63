package org.xinyong.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.xinyong.ingest.SubmissionApiIT;
import org.xinyong.ledger.internal.LedgerTestAccess;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Record versions become ledger leaves; signed checkpoints, inclusion and consistency proofs verify; direct edits,
 * deletions and insertions in the database are found and named by the verification.
 */
@SpringBootTest(properties = { "xinyong.ledger.checkpoint-interval=PT1H", "xinyong.ledger.verify-grace=PT0S" })
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(LedgerTestAccess.class)
@DirtiesContext
class LedgerIT {

	static final String KEY = "test-demo-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerTestAccess access;

	@Autowired
	org.xinyong.access.StaffUsers users;

	void submit(String key, String... decisionNumbers) throws Exception {
		List<Map<String, Object>> records = java.util.Arrays.stream(decisionNumbers)
			.map(n -> SubmissionApiIT.penalty("91320100748204660Q", "南京某某科技有限公司", n))
			.toList();
		mvc.perform(post("/api/v1/submissions").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(Map.of("catalogItem", "ADMIN_PENALTY", "submissionKey", key, "records",
					records))))
			.andExpect(status().isOk());
	}

	/** Leaves are appended after commit from the event publication, asynchronously: wait for them. */
	void awaitLeaves(long count) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 20_000;
		while (ledger.size() < count && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(ledger.size()).isGreaterThanOrEqualTo(count);
	}

	JsonNode getJson(String url) throws Exception {
		return json.readTree(mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	String recordId(String decisionNumber) {
		return jdbc.sql("select record_id::text from record_version where natural_key = ? and version_no = 1")
			.param(decisionNumber)
			.query(String.class)
			.single();
	}

	@Test
	void proofsVerifyAgainstSignedCheckpointsAndTamperingIsNamed() throws Exception {
		long before = jdbc.sql("select count(*) from record_version").query(Long.class).single();
		submit("ledger-1", "账本罚〔2026〕1号", "账本罚〔2026〕2号", "账本罚〔2026〕3号");
		awaitLeaves(before + 3);
		ledger.checkpoint();
		JsonNode first = getJson("/api/v1/ledger/checkpoint");
		long size1 = first.get("treeSize").asLong();
		assertThat(size1).isGreaterThanOrEqualTo(3);
		assertThat(first.get("algorithm").asString()).isEqualTo("SM3");
		assertThat(access.signatureValid(first.get("publicKey").asString(), first.get("signedText").asString(),
				first.get("signature").asString())).isTrue();
		assertThat(access.signatureValid(first.get("publicKey").asString(),
				first.get("signedText").asString().replace("\n" + size1 + "\n", "\n" + (size1 + 1) + "\n"),
				first.get("signature").asString())).isFalse();

		String record = recordId("账本罚〔2026〕2号");
		JsonNode leaf = getJson("/api/v1/ledger/records/" + record + "/versions/1");
		assertThat(leaf.get("leafData").asString()).startsWith("xinyong-record-version/v1\n" + record + "\n1\nCREATED\n");
		long index = leaf.get("leafIndex").asLong();
		JsonNode inclusion = getJson("/api/v1/ledger/proof/inclusion?leaf=" + index + "&size=" + size1);
		byte[] root1 = HexFormat.of().parseHex(first.get("rootHash").asString());
		assertThat(access.verifyInclusion(index, size1, HexFormat.of().parseHex(leaf.get("leafHash").asString()),
				hexes(inclusion.get("path")), root1)).isTrue();
		assertThat(access.leafHash(leaf.get("leafData").asString())).isEqualTo(leaf.get("leafHash").asString());

		submit("ledger-2", "账本罚〔2026〕4号", "账本罚〔2026〕5号");
		awaitLeaves(before + 5);
		long eventLeaf = ledger.appendEvent("DISCLOSURE_ENDED", "record:" + record + "/1", "{\"reason\":\"REPAIRED\"}");
		ledger.checkpoint();
		JsonNode second = getJson("/api/v1/ledger/checkpoint");
		long size2 = second.get("treeSize").asLong();
		JsonNode consistency = getJson("/api/v1/ledger/proof/consistency?from=" + size1 + "&to=" + size2);
		assertThat(access.verifyConsistency(size1, size2, root1, HexFormat.of().parseHex(second.get("rootHash").asString()),
				hexes(consistency.get("path")))).isTrue();
		mvc.perform(get("/api/v1/ledger/proof/inclusion?leaf=0&size=" + (size2 + 5)))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("LEDGER_PROOF_RANGE"));

		assertThat(access.verify().problems()).isEmpty();
		var clean = access.runVerifyCommand();
		assertThat(clean.exitCode()).isZero();
		assertThat(clean.output()).startsWith("LEDGER INTACT");
		access.verifyAndRecord();
		mvc.perform(get("/console/ledger").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.user(users.byUsername("auditor").orElseThrow())))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("完好")));

		access.tamper("update record_version set payload = cast(replace(payload::text, '张三', '李四') as json) "
				+ "where natural_key = '账本罚〔2026〕2号'");
		String gone = recordId("账本罚〔2026〕4号");
		access.tamper("delete from record_version where natural_key = '账本罚〔2026〕4号'");
		String inserted = recordId("账本罚〔2026〕5号");
		access.tamper("""
				insert into record_version (record_id, version_no, kind, catalog_item, provider_id, natural_key,
				    subject_id, payload, content_hash, catalog_version_id, recorded_by, recorded_at)
				select record_id, 2, 'CHANGED', catalog_item, provider_id, natural_key, subject_id, payload,
				       content_hash, catalog_version_id, 'intruder', now() - interval '1 day'
				from record_version where natural_key = '账本罚〔2026〕5号'""");

		long auditId = jdbc.sql("select max(id) - 1 from audit_event").query(Long.class).single();
		access.tamperAudit("update audit_event set actor = 'someone-else' where id = " + auditId);

		access.tamperLedger("update ledger_leaf set event_data = replace(event_data, 'REPAIRED', 'EXPIRED') "
				+ "where leaf_index = " + eventLeaf);

		VerificationReport report = access.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.problems()).extracting(p -> p.kind() + " " + p.recordId() + "/" + p.versionNo())
			.containsExactlyInAnyOrder("VERSION_ALTERED " + record + "/1",
					"VERSION_DELETED " + gone + "/1", "VERSION_NOT_IN_LEDGER " + inserted + "/2",
					"AUDIT_CHAIN_BROKEN null/null", "EVENT_ALTERED null/null");
		var failed = access.runVerifyCommand();
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.output()).contains("VERSION_ALTERED record " + record + " version 1",
				"VERSION_DELETED record " + gone + " version 1", "VERSION_NOT_IN_LEDGER record " + inserted + " version 2");
		assertThat(report.problems()).filteredOn(p -> p.kind().equals("AUDIT_CHAIN_BROKEN"))
			.singleElement()
			.satisfies(p -> assertThat(p.detail()).contains("audit entry " + auditId + " "));
	}

	private static List<byte[]> hexes(JsonNode array) {
		List<byte[]> out = new java.util.ArrayList<>();
		array.forEach(n -> out.add(HexFormat.of().parseHex(n.asString())));
		return out;
	}
}
