package org.xinyong.measures;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** A supplementary measure must fall under a base measure (art. 45); the base list carries provenance. */
@SpringBootTest
@AutoConfigureMockMvc
class SupplementaryMeasureIT {

	static final String KEY = "test-demo-key-0123456789";

	@Autowired
	MockMvc mvc;

	@Test
	void baseListCarriesProvenance() throws Exception {
		mvc.perform(get("/api/v1/measures/base").header("X-Api-Key", KEY))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == 'P-1-01')].provenance").value("UNVERIFIED"));
	}

	@Test
	void supplementaryMeasureWithoutBaseMeasureIsRefused() throws Exception {
		String common = "\"region\":\"640100\",\"target\":\"严重失信主体\",\"measure\":\"限制参与市级评优评先\","
				+ "\"basis\":\"银川市有关规定\",\"implementingUnit\":\"银川市发展改革委\"";
		mvc.perform(post("/api/v1/measures/supplementary").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{" + common + "}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BASE_REQUIRED"));
		mvc.perform(post("/api/v1/measures/supplementary").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"baseMeasureId\":\"P-9-99\"," + common + "}"))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("MEASURE_BASE_UNKNOWN"));
		mvc.perform(post("/api/v1/measures/supplementary").header("X-Api-Key", KEY)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"baseMeasureId\":\"P-2-01\"," + common + "}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("DRAFT"));
	}
}
