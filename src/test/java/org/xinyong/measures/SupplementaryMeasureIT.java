package org.xinyong.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.json.JsonMapper;

/**
 * Measure lists: the base list carries targets, matters and provenance; official editions are imported as new
 * versions; supplementary lists must stay under the base list (art. 45) and follow their lifecycle.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupplementaryMeasureIT {

	static final String KEY = "test-demo-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeasureLists measures;

	@Test
	void baseListCarriesStructureAndProvenance() throws Exception {
		mvc.perform(get("/api/v1/measures/base").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'P-1-01')].provenance").value("UNVERIFIED"))
			.andExpect(jsonPath("$[?(@.id == 'P-1-01')].matters[0]").value("PROCUREMENT"));
		Measure incentive = measures.baseList().stream().filter(m -> m.id().equals("I-40-05")).findFirst().orElseThrow();
		assertThat(incentive.kind()).isEqualTo(MeasureKind.INCENTIVE);
		assertThat(incentive.provenance()).isEqualTo("VERIFIED");
		assertThat(incentive.source()).contains("第四十条");
		assertThat(incentive.appliesTo()).containsExactly(ListTarget.REWARD);
		assertThat(measures.baseList()).filteredOn(m -> m.kind() == MeasureKind.PUNISHMENT)
			.allMatch(m -> m.provenance().equals("UNVERIFIED") && !m.appliesTo().isEmpty() && !m.matters().isEmpty());
	}

	ResultActions postJson(String path, Object body) throws Exception {
		return mvc.perform(post(path).header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content(json.writeValueAsString(body)));
	}

	long newList(String level) throws Exception {
		String body = postJson("/api/v1/measures/supplementary-lists", Map.of("level", level, "regionCode", "640100",
				"regionName", "银川市", "title", "银川市失信惩戒措施补充清单")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body).get("id").asLong();
	}

	ResultActions addMeasure(long list, String base, Object appliesTo) throws Exception {
		Map<String, Object> m = new java.util.LinkedHashMap<>(Map.of("target", "严重失信主体", "measure", "限制参与市级评优评先",
				"basis", "银川市有关规定", "implementingUnit", "银川市发展改革委"));
		if (base != null) {
			m.put("baseMeasureId", base);
		}
		if (appliesTo != null) {
			m.put("appliesTo", appliesTo);
		}
		return postJson("/api/v1/measures/supplementary-lists/" + list + "/measures", m);
	}

	ResultActions advance(long list, String to, String note) throws Exception {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("status", to);
		body.put("note", note);
		return postJson("/api/v1/measures/supplementary-lists/" + list + "/transitions", body);
	}

	@Test
	void supplementaryMeasureMustFallUnderABaseMeasure() throws Exception {
		long list = newList("CITY");
		addMeasure(list, null, null).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BASE_REQUIRED"));
		addMeasure(list, "P-9-99", null).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BASE_UNKNOWN"));
		addMeasure(list, "I-40-01", null).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BASE_UNKNOWN"));
		// P-2-05 applies to serious entries and records, never to the reward list
		addMeasure(list, "P-2-05", java.util.List.of("REWARD")).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BEYOND_BASE"));
		addMeasure(list, "P-2-05", null).andExpect(status().isCreated())
			.andExpect(jsonPath("$.baseMeasureId").value("P-2-05"))
			.andExpect(jsonPath("$.matters[0]").value("HONOURS"));
	}

	@Test
	void lifecycleOfACityListWithConsultationApprovalPublicationAndFiling() throws Exception {
		long list = newList("CITY");
		advance(list, "CONSULTATION", null).andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_LIST_EMPTY"));
		addMeasure(list, "P-2-01", null).andExpect(status().isCreated());
		advance(list, "PUBLISHED", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("MEASURE_LIST_TRANSITION_ILLEGAL"));
		postJson("/api/v1/measures/supplementary-lists/" + list + "/comments", Map.of("commenter", "市民", "text", "早"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("MEASURE_LIST_NOT_IN_CONSULTATION"));
		advance(list, "CONSULTATION", null).andExpect(status().isOk());
		addMeasure(list, "P-2-02", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("MEASURE_LIST_NOT_DRAFT"));
		postJson("/api/v1/measures/supplementary-lists/" + list + "/comments",
				Map.of("commenter", "银川市某商会", "text", "建议明确抽查比例")).andExpect(status().isCreated())
			.andExpect(jsonPath("$.comments[0].commenter").value("银川市某商会"));
		advance(list, "APPROVED", null).andExpect(status().isUnprocessableEntity());
		advance(list, "APPROVED", "银政函〔2026〕12号").andExpect(status().isOk());
		assertThat(measures.inForce()).noneMatch(m -> m.list().equals("SUPPLEMENTARY:" + list));
		advance(list, "PUBLISHED", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"));
		assertThat(measures.inForce()).anyMatch(m -> m.list().equals("SUPPLEMENTARY:" + list));
		advance(list, "CONSULTATION", null).andExpect(status().isConflict());
		advance(list, "FILED", "宁发改备〔2026〕3号").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FILED"))
			.andExpect(jsonPath("$.history.length()").value(5));
		advance(list, "FILED", "again").andExpect(status().isConflict());

		long regional = newList("REGION");
		addMeasure(regional, "P-2-01", null).andExpect(status().isCreated());
		advance(regional, "CONSULTATION", null).andExpect(status().isOk());
		advance(regional, "APPROVED", "宁政函〔2026〕1号").andExpect(status().isOk());
		advance(regional, "PUBLISHED", null).andExpect(status().isOk());
		advance(regional, "FILED", "regions are not filed").andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("MEASURE_LIST_TRANSITION_ILLEGAL"));

		// a new version supersedes the published one once published itself; both are kept
		String body = postJson("/api/v1/measures/supplementary-lists", Map.of("level", "REGION", "regionCode", "640000",
				"regionName", "自治区", "title", "第二版", "supersedes", regional)).andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long second = json.readTree(body).get("id").asLong();
		addMeasure(second, "P-2-03", null).andExpect(status().isCreated());
		advance(second, "CONSULTATION", null).andExpect(status().isOk());
		advance(second, "APPROVED", "宁政函〔2026〕2号").andExpect(status().isOk());
		assertThat(measures.inForce()).anyMatch(m -> m.list().equals("SUPPLEMENTARY:" + regional));
		advance(second, "PUBLISHED", null).andExpect(status().isOk());
		assertThat(measures.inForce()).noneMatch(m -> m.list().equals("SUPPLEMENTARY:" + regional))
			.anyMatch(m -> m.list().equals("SUPPLEMENTARY:" + second));
		mvc.perform(get("/api/v1/measures/supplementary-lists/" + regional).header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measures.length()").value(1));
		assertThatThrownBy(() -> jdbc.sql("update supplementary_list_event set note = 'x' where list_id = ?")
			.param(list)
			.update()).hasMessageContaining("append-only");
	}

	static final String CSV = """
			measureId,kind,group,text,basis,implementingUnit,provenance,source,appliesTo,matters
			P-1-01,PUNISHMENT,RIGHTS_UNDER_LAW,限制参与政府采购活动,《中华人民共和国政府采购法》第二十二条,财政部门,UNVERIFIED,,SERIOUS_MARKET_AND_SOCIAL_ORDER|SERIOUS_HEALTH_AND_SAFETY,PROCUREMENT
			P-2-01,PUNISHMENT,MANAGEMENT,"列为重点监管对象，提高抽查比例和频次","《全国失信惩戒措施基础清单（2024年版）》",各级行政管理部门,VERIFIED,官方文本第2项,DISHONESTY_RECORD|SERIOUS_HEALTH_AND_SAFETY,LICENSING|OTHER
			P-2-05,PUNISHMENT,MANAGEMENT,在评先评优中从严审核,基础清单,表彰单位,UNVERIFIED,,DISHONESTY_RECORD,HONOURS
			I-40-01,INCENTIVE,INCENTIVE,容缺受理,条例第四十条,县级以上人民政府,VERIFIED,条例第四十条,REWARD,LICENSING
			""";

	@Test
	void officialEditionsAreImportedValidatedAsAWholeAndKept() throws Exception {
		MockHttpSession admin = (MockHttpSession) mvc.perform(formLogin("/login").user("admin").password("admin@Demo2026"))
			.andReturn()
			.getRequest()
			.getSession();
		long editions = measures.editions().size();
		long current = measures.currentEdition().id();
		String bad = CSV.replace("DISHONESTY_RECORD,HONOURS", "EVERYONE,HONOURS").replace("官方文本第2项", "");
		mvc.perform(multipart("/api/v1/measures/editions")
			.file(new MockMultipartFile("file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
			.param("label", "坏文件")
			.session(admin)
			.with(csrf()))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_IMPORT_INVALID"))
			.andExpect(jsonPath("$.title", containsString("#3 appliesTo EVERYONE")))
			.andExpect(jsonPath("$.title", containsString("#2 source")));
		assertThat(measures.editions()).hasSize((int) editions);
		mvc.perform(multipart("/api/v1/measures/editions")
			.file(new MockMultipartFile("file", "x.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
			.param("label", "官方版本")
			.header("X-Api-Key", KEY))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/api/v1/measures/editions")
			.file(new MockMultipartFile("file", "official.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)))
			.param("label", "全国失信惩戒措施基础清单（2024年版）官方文本")
			.param("source", "发改财金规〔2024〕203号")
			.session(admin)
			.with(csrf()))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.entries").value(4))
			.andExpect(jsonPath("$.format").value("CSV"));
		assertThat(measures.editions()).hasSize((int) editions + 1);
		assertThat(measures.baseList()).extracting(Measure::id).containsExactly("P-1-01", "P-2-01", "P-2-05", "I-40-01");
		assertThat(measures.baseMeasure("P-2-01").orElseThrow().provenance()).isEqualTo("VERIFIED");
		assertThat(measures.inForce()).noneMatch(m -> m.id().equals("P-1-02"));
		assertThat(measures.edition(current)).anyMatch(m -> m.id().equals("P-1-02"));

		String jsonEdition = json.writeValueAsString(Map.of("measures", java.util.List.of(Map.of("measureId", "P-1-01",
				"kind", "PUNISHMENT", "group", "RIGHTS_UNDER_LAW", "text", "限制参与政府采购活动", "basis", "政府采购法",
				"implementingUnit", "财政部门", "provenance", "UNVERIFIED", "appliesTo",
				java.util.List.of("SERIOUS_MARKET_AND_SOCIAL_ORDER"), "matters", java.util.List.of("PROCUREMENT")))));
		mvc.perform(multipart("/api/v1/measures/editions")
			.file(new MockMultipartFile("file", "official.json", "application/json",
					jsonEdition.getBytes(StandardCharsets.UTF_8)))
			.param("label", "JSON 版本")
			.session(admin)
			.with(csrf())).andExpect(status().isCreated()).andExpect(jsonPath("$.format").value("JSON"));
		assertThat(measures.baseList()).extracting(Measure::id).containsExactly("P-1-01");
		// back to the shipped content so that other tests of this context see the full list
		mvc.perform(multipart("/api/v1/measures/editions")
			.file(new MockMultipartFile("file", "shipped.json", "application/json",
					json.writeValueAsString(measures.edition(current)
						.stream()
						.map(m -> {
							Map<String, Object> row = new java.util.LinkedHashMap<>();
							row.put("measureId", m.id());
							row.put("kind", m.kind());
							row.put("group", m.group());
							row.put("text", m.text());
							row.put("basis", m.basis());
							row.put("implementingUnit", m.implementingUnit());
							row.put("provenance", m.provenance());
							row.put("source", m.source());
							row.put("appliesTo", m.appliesTo());
							row.put("matters", m.matters());
							return row;
						})
						.toList()).getBytes(StandardCharsets.UTF_8)))
			.param("label", "恢复")
			.session(admin)
			.with(csrf())).andExpect(status().isCreated());
		assertThat(measures.baseList()).hasSameSizeAs(measures.edition(current));

		mvc.perform(get("/console/measures").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("measure-P-1-02")))
			.andExpect(content().string(containsString("未核实")));
		mvc.perform(get("/console/measures/supplementary").session(admin)).andExpect(status().isOk());
	}
}
