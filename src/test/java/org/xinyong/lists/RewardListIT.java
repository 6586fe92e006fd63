package org.xinyong.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.xinyong.lists.ListFixtures.postJson;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.xinyong.portal.WebsiteFixtures;
import org.xinyong.repair.CreditRepaired;
import org.xinyong.repair.RepairOutcome;
import org.xinyong.testing.FixedClock;
import org.xinyong.testing.ReadModel;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reward list: eligibility with its reasons, confirmation, automatic lapse (a dishonesty record submitted later,
 * an inclusion in the serious list), ledger events, ListStanding; and removal from the serious list by repair.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(FixedClock.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewardListIT {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
	static final String CLEAN = "91640100MA7000018R";
	static final String LAPSING = "91640100MA7000026L";
	static final String LISTED_LATER = "91640100MA7000034F";
	static final String REPAIRED = "91640100MA7000042A";
	static final String DISHONEST = "91640100MA70000505";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ListStanding standing;

	@Autowired
	RewardList rewards;

	@Autowired
	SeriousDishonestyList serious;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@BeforeAll
	void subjects() throws Exception {
		WebsiteFixtures.submit(mvc, json, "ADMIN_LICENCE", "reward-it-licences",
				List.of(ListFixtures.licence(CLEAN, "银川守信科技有限公司", "RL-1"),
						ListFixtures.licence(LAPSING, "银川将失信商贸有限公司", "RL-2"),
						ListFixtures.licence(LISTED_LATER, "银川后列入建设有限公司", "RL-3"),
						ListFixtures.licence(REPAIRED, "银川已修复物流有限公司", "RL-4")));
		WebsiteFixtures.submit(mvc, json, "ADMIN_PENALTY", "reward-it-penalty",
				List.of(WebsiteFixtures.penalty(DISHONEST, "银川失信餐饮有限公司", "宁市监罚〔2026〕501号", "SERIOUS",
						"2026-10-01")));
	}

	JsonNode eligibility(String code, String ground, String detail) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("subjectCode", code);
		body.put("ground", ground);
		body.put("groundDetail", detail);
		return json.readTree(postJson(mvc, json, "/api/v1/lists/rewards/eligibility", body).andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

	long events(String kind) {
		return jdbc.sql("select count(*) from ledger_leaf where kind = ?").param(kind).query(Long.class).single();
	}

	long audits(String action) {
		return jdbc.sql("select count(*) from audit_event where action = ?").param(action).query(Long.class).single();
	}

	long subjectId(String code) {
		return jdbc.sql("select id from credit_subject where code = ?").param(code).query(Long.class).single();
	}

	long confirm(String code, String number) throws Exception {
		String body = postJson(mvc, json, "/api/v1/lists/rewards",
				ListFixtures.reward(code, number, "GOOD_GRADE", "自治区发展和改革委员会", "2026-11-01"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.ground").value("GOOD_GRADE"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	@Test
	void eligibleWithAGroundAndRefusedWithoutOne() throws Exception {
		JsonNode ok = eligibility(CLEAN, "COMMENDATION", "自治区人民政府表彰（宁政发〔2026〕8号）");
		assertThat(ok.get("eligible").asBoolean()).as(ok.toString()).isTrue();
		assertThat(ok.get("obstacles").size()).isZero();

		JsonNode none = eligibility(CLEAN, null, null);
		assertThat(none.get("eligible").asBoolean()).isFalse();
		assertThat(none.get("obstacles").get(0).get("kind").asString()).isEqualTo("NO_GROUND");
		assertThat(none.get("obstacles").get(0).get("reason").asString()).contains("第三十九条");
		JsonNode noDetail = eligibility(CLEAN, "COMMENDATION", " ");
		assertThat(noDetail.get("eligible").asBoolean()).isFalse();

		Map<String, Object> incomplete = ListFixtures.reward(CLEAN, "宁激励〔2026〕0号", "GOOD_GRADE", "某委", "2026-11-01");
		incomplete.remove("groundDetail");
		postJson(mvc, json, "/api/v1/lists/rewards", incomplete).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("REWARD_DOCUMENT_INCOMPLETE"))
			.andExpect(jsonPath("$.title", containsString("groundDetail")));
	}

	@Test
	void aGoodGroundCanBeThePlatformsOwnBestGrade(@Autowired org.xinyong.evaluation.Evaluations evaluations)
			throws Exception {
		var original = evaluations.currentModel().model();
		evaluations.runNow("MANUAL", "test");
		assertThat(evaluations.topGrade(subjectId(CLEAN))).as("B under the default model").isEmpty();
		JsonNode notGood = eligibility(CLEAN, "GOOD_GRADE", null);
		assertThat(notGood.get("eligible").asBoolean()).isFalse();
		assertThat(notGood.get("obstacles").get(0).get("kind").asString()).isEqualTo("NO_GROUND");
		// a model whose best band the subject reaches: the evaluation itself is the ground
		var bands = new java.util.ArrayList<>(original.grades());
		var best = bands.get(0);
		bands.set(0, new org.xinyong.evaluation.ScoringModel.GradeBand(best.grade(), 600, best.label(), best.labelEn()));
		for (int i = 1; i < bands.size(); i++) {
			var b = bands.get(i);
			bands.set(i, new org.xinyong.evaluation.ScoringModel.GradeBand(b.grade(),
					b.minScore() == null ? null : Math.min(b.minScore(), 599 - i), b.label(), b.labelEn()));
		}
		try {
			evaluations.publish(new org.xinyong.evaluation.ScoringModel(original.name(), original.nameEn(),
					original.baseScore(), original.indicators(), bands), "test: low thresholds", "test");
			evaluations.runNow("MANUAL", "test");
			String top = evaluations.topGrade(subjectId(CLEAN)).orElseThrow().grade();
			JsonNode good = eligibility(CLEAN, "GOOD_GRADE", null);
			assertThat(good.get("eligible").asBoolean()).as(good.toString()).isTrue();
			Map<String, Object> d = ListFixtures.reward(CLEAN, "宁激励〔2026〕评价1号", "GOOD_GRADE", "自治区发展和改革委员会",
					"2026-11-01");
			d.remove("groundDetail");
			String body = postJson(mvc, json, "/api/v1/lists/rewards", d).andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(json.readTree(body).get("groundDetail").asString()).contains("本平台公共信用综合评价 " + top + " 级");
		}
		finally {
			evaluations.publish(original, "test: restore", "test");
			evaluations.runNow("MANUAL", "test");
		}
	}

	@Test
	void refusedForADisclosedDishonestyRecordNamingIt() throws Exception {
		JsonNode result = eligibility(DISHONEST, "GOOD_GRADE", "信用评价 A 级");
		assertThat(result.get("eligible").asBoolean()).isFalse();
		JsonNode obstacle = result.get("obstacles").get(0);
		assertThat(obstacle.get("kind").asString()).isEqualTo("DISHONESTY_RECORD");
		String recordId = jdbc.sql("select record_id::text from record_version where subject_id = ?")
			.param(subjectId(DISHONEST))
			.query(String.class)
			.single();
		assertThat(obstacle.get("reference").asString()).isEqualTo(recordId);
		assertThat(obstacle.get("reason").asString()).contains("行政处罚", "2026-10-01");

		postJson(mvc, json, "/api/v1/lists/rewards",
				ListFixtures.reward(DISHONEST, "宁激励〔2026〕9号", "GOOD_GRADE", "某委", "2026-11-01"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("REWARD_NOT_ELIGIBLE"))
			.andExpect(jsonPath("$.title", containsString("行政处罚")));
		assertThat(rewards.ofSubject(subjectId(DISHONEST))).isEmpty();
	}

	@Test
	void lapsesWhenADishonestyRecordIsSubmittedAfterwards() throws Exception {
		long included = events("REWARD_INCLUDED");
		long lapsedEvents = events("REWARD_LAPSED");
		long id = confirm(LAPSING, "宁激励〔2026〕1号");
		assertThat(events("REWARD_INCLUDED")).isEqualTo(included + 1);
		assertThat(audits("REWARD_INCLUDED")).isPositive();
		long subject = subjectId(LAPSING);
		assertThat(standing.of(subject, TODAY).rewards()).extracting(RewardEntry::id).containsExactly(id);
		mvc.perform(get("/api/v1/public/lists/rewards")).andExpect(jsonPath("$.items[?(@.id == " + id + ")]").exists());

		WebsiteFixtures.submit(mvc, json, "ADMIN_PENALTY", "reward-it-lapse",
				List.of(WebsiteFixtures.penalty(LAPSING, "银川将失信商贸有限公司", "宁市监罚〔2026〕502号", "GENERAL",
						"2026-11-20")));
		ReadModel.await(jdbc, "select exists (select 1 from reward_lapse where entry_id = ?)",
				"the reward entry did not lapse", id);

		RewardEntry lapsed = rewards.byId(id).orElseThrow();
		assertThat(lapsed.lapsedOn()).isEqualTo(TODAY);
		assertThat(lapsed.lapseReason()).contains("行政处罚");
		assertThat(lapsed.activeOn(TODAY)).isFalse();
		assertThat(events("REWARD_LAPSED")).isEqualTo(lapsedEvents + 1);
		assertThat(jdbc.sql("select count(*) from ledger_leaf where kind = 'REWARD_LAPSED' and strpos(event_data, ?) > 0")
			.param("\nreward-entry:" + id + "\n")
			.query(Long.class)
			.single()).isOne();
		assertThat(standing.of(subject, TODAY).rewards()).isEmpty();
		mvc.perform(get("/api/v1/public/lists/rewards"))
			.andExpect(jsonPath("$.items[?(@.id == " + id + ")]").doesNotExist());
		// lapsing again changes nothing (the event may be republished)
		assertThat(rewards.lapse(subject, "again", "record:x")).isEmpty();
	}

	@Test
	void inclusionInTheSeriousListEndsTheRewardAndWinsInTheStanding() throws Exception {
		long id = confirm(LISTED_LATER, "宁激励〔2026〕2号");
		long subject = subjectId(LISTED_LATER);
		postJson(mvc, json, "/api/v1/lists/serious-dishonesty",
				ListFixtures.decision(LISTED_LATER, "宁失信〔2026〕201号", "REFUSING_OBLIGATIONS", "自治区市场监督管理局",
						"2026-11-20"))
			.andExpect(status().isCreated());

		RewardEntry lapsed = rewards.byId(id).orElseThrow();
		assertThat(lapsed.lapsedOn()).isEqualTo(TODAY);
		assertThat(lapsed.lapseReason()).contains("宁失信〔2026〕201号");
		Standing s = standing.of(subject, TODAY);
		assertThat(s.seriouslyDishonest()).isTrue();
		assertThat(s.seriousDishonesty()).extracting(ListEntry::documentNumber).containsExactly("宁失信〔2026〕201号");
		assertThat(s.rewarded()).isFalse();
		// before the serious entry took effect, the reward was current
		assertThat(standing.of(subject, LocalDate.of(2026, 11, 10)).rewards()).extracting(RewardEntry::id)
			.containsExactly(id);
		// the joint check asks for many subjects at once: each subject's own standing, per day
		long never = 987_654_321L;
		var today = standing.of(List.of(subject, never), TODAY);
		assertThat(today).containsOnlyKeys(subject, never);
		assertThat(today.get(subject).seriousDishonesty()).extracting(ListEntry::documentNumber)
			.containsExactly("宁失信〔2026〕201号");
		assertThat(today.get(subject).rewards()).isEmpty();
		assertThat(today.get(never)).isEqualTo(Standing.NONE);
		var earlier = standing.of(List.of(never, subject), LocalDate.of(2026, 11, 10));
		assertThat(earlier.get(subject).seriousDishonesty()).isEmpty();
		assertThat(earlier.get(subject).rewards()).extracting(RewardEntry::id).containsExactly(id);
		assertThat(earlier.get(never)).isEqualTo(Standing.NONE);

		JsonNode now = eligibility(LISTED_LATER, "GOOD_GRADE", "信用评价 A 级");
		assertThat(now.get("eligible").asBoolean()).isFalse();
		assertThat(now.get("obstacles").get(0).get("kind").asString()).isEqualTo("SERIOUS_LIST_ENTRY");
		assertThat(now.get("obstacles").get(0).get("reference").asString()).isEqualTo("宁失信〔2026〕201号");
	}

	@Test
	void aGrantedRepairRemovesTheSeriousEntryOnce() throws Exception {
		String body = postJson(mvc, json, "/api/v1/lists/serious-dishonesty",
				ListFixtures.decision(REPAIRED, "宁失信〔2026〕301号", "MARKET_AND_SOCIAL_ORDER", "自治区市场监督管理局",
						"2026-06-01"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long entry = json.readTree(body).get("id").asLong();
		long subject = subjectId(REPAIRED);
		long removedEvents = events("LIST_REMOVED");

		// another outcome does nothing
		transactions.executeWithoutResult(t -> events.publishEvent(
				new CreditRepaired(UUID.randomUUID(), subject, RepairOutcome.END_DISCLOSURE, "XF2026000998")));
		transactions.executeWithoutResult(t -> events.publishEvent(
				new CreditRepaired(UUID.randomUUID(), subject, RepairOutcome.REMOVE_FROM_LIST, "XF2026000999")));
		ReadModel.await(jdbc, "select exists (select 1 from list_removal where entry_id = ?)",
				"the repair did not remove the entry", entry);

		ListEntry removed = serious.byId(entry).orElseThrow();
		assertThat(removed.removal().kind()).isEqualTo(RemovalKind.REPAIR);
		assertThat(removed.removal().documentNumber()).isEqualTo("XF2026000999");
		assertThat(removed.status(TODAY)).isEqualTo(ListEntry.Status.REMOVED);
		assertThat(events("LIST_REMOVED")).isEqualTo(removedEvents + 1);
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'LIST_REMOVED' and actor = ?")
			.param("repair:XF2026000999")
			.query(Long.class)
			.single()).isOne();
		assertThat(standing.of(subject, TODAY).seriouslyDishonest()).isFalse();
		// idempotent: the same repair again removes nothing more
		assertThat(serious.removeByRepair(subject, null, "XF2026000999")).isEmpty();
		assertThat(events("LIST_REMOVED")).isEqualTo(removedEvents + 1);
		mvc.perform(get("/api/v1/public/lists/serious-dishonesty/" + entry)).andExpect(status().isNotFound());
	}
}
