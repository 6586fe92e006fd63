package org.xinyong.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.xinyong.access.ApiKeys;
import org.xinyong.access.OrganisationKind;
import org.xinyong.access.Organisations;
import org.xinyong.access.Organisations.NewOrganisation;
import org.xinyong.access.StaffUsers;

import tools.jackson.databind.json.JsonMapper;

/** Who may submit what: responsible providers, collectors under agreement (art. 29), subjects about themselves (art. 30). */
@SpringBootTest
@AutoConfigureMockMvc
class ProvisionRulesIT {

	static final String DEMO_COLLECTOR = "91640100MA7D2C4K4E";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Organisations organisations;

	@Autowired
	StaffUsers users;

	String keyFor(String code, String name, OrganisationKind kind) {
		long id = organisations.byCode(code)
			.orElseGet(() -> organisations.register(new NewOrganisation(code, name, null, kind, null, false)))
			.id();
		return apiKeys.issue(id, "test", "test").plainKey();
	}

	ResultActions submit(String key, String item, String submissionKey, Map<String, Object> record) throws Exception {
		return mvc.perform(post("/api/v1/submissions").header("X-Api-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(
					Map.of("catalogItem", item, "submissionKey", submissionKey, "records", List.of(record)))));
	}

	static Map<String, Object> contract(String number) {
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("subjectName", "南京某某科技有限公司");
		r.put("subjectCode", "91320100748204660Q");
		r.put("contractNumber", number);
		r.put("contractName", "设备采购合同");
		r.put("signedOn", "2025-06-01");
		r.put("performanceStatus", "FULFILLED");
		r.put("recordDate", "2026-01-10");
		r.put("sourceUnit", "演示征信服务有限公司");
		r.put("sourceUnitCode", DEMO_COLLECTOR);
		return r;
	}

	@Test
	void nonPublicInformationIsAcceptedOnlyUnderARegisteredAgreement() throws Exception {
		String collector = keyFor(DEMO_COLLECTOR, "演示征信服务有限公司", OrganisationKind.COLLECTOR);
		submit(collector, "CONTRACT_PERFORMANCE", "agreement-1", contract("HT-2025-001")).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		assertThat(jdbc.sql("select agreement_id from record_version where natural_key = 'HT-2025-001'")
			.query(Long.class)
			.single()).isNotNull();

		String stranger = keyFor("91350100M000100Y43", "无协议的信用服务机构", OrganisationKind.COLLECTOR);
		submit(stranger, "CONTRACT_PERFORMANCE", "agreement-2", contract("HT-2025-002")).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("COLLECTOR_AGREEMENT_MISSING"));
	}

	@Test
	void providersSubmitOnlyTheItemsTheyAreResponsibleFor() throws Exception {
		var provider = SecurityMockMvcRequestPostProcessors.user(users.byUsername("provider").orElseThrow());
		mvc.perform(post("/api/v1/submissions").with(provider)
			.with(SecurityMockMvcRequestPostProcessors.csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"catalogItem\":\"DISHONEST_JUDGMENT_DEBTOR\",\"submissionKey\":\"court-1\",\"records\":[{}]}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.code").value("PROVIDER_NOT_RESPONSIBLE"));
	}

	@Test
	void selfDeclarationsComeFromTheSubjectItselfAndAreMarked() throws Exception {
		String enterprise = keyFor("91430122707233692A", "长沙某某有限公司", OrganisationKind.OTHER);
		Map<String, Object> own = new LinkedHashMap<>();
		own.put("subjectName", "长沙某某有限公司");
		own.put("subjectCode", "91430122707233692A");
		own.put("declarationType", "COMMITMENT");
		own.put("title", "守法经营承诺");
		own.put("content", "本企业承诺依法诚信经营。");
		own.put("declaredOn", "2026-05-01");
		submit(enterprise, "SELF_DECLARATION", "self-1", own).andExpect(status().isOk())
			.andExpect(jsonPath("$.created").value(1));
		assertThat(jdbc.sql("select self_declared from record_version where catalog_item = 'SELF_DECLARATION'")
			.query(Boolean.class)
			.single()).isTrue();

		Map<String, Object> other = new LinkedHashMap<>(own);
		other.put("subjectCode", "91370400728618604X");
		submit(enterprise, "SELF_DECLARATION", "self-2", other).andExpect(status().isOk())
			.andExpect(jsonPath("$.rejected").value(1))
			.andExpect(jsonPath("$.errors[0].code").value("SELF_DECLARATION_NOT_OWN"));
	}
}
