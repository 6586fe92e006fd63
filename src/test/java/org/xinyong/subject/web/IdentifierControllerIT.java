package org.xinyong.subject.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The endpoint will be public; until security says so, the tests run as a signed-in user. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser
class IdentifierControllerIT {

	@Autowired
	MockMvc mvc;

	@Test
	void decodesAValidUnifiedCodeInChineseByDefault() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "9132 0100-7482 0466 0q"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.value").value("91320100748204660Q"))
			.andExpect(jsonPath("$.kind").value("USCC"))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.errors", hasSize(0)))
			.andExpect(jsonPath("$.warnings", hasSize(0)))
			.andExpect(jsonPath("$.details.registrationAuthority.code").value("9"))
			.andExpect(jsonPath("$.details.registrationAuthority.name").value("工商/市场监管"))
			.andExpect(jsonPath("$.details.category.code").value("91"))
			.andExpect(jsonPath("$.details.category.name").value("企业"))
			.andExpect(jsonPath("$.details.regionCode").value("320100"))
			.andExpect(jsonPath("$.details.province.code").value("32"))
			.andExpect(jsonPath("$.details.province.name").value("江苏省"))
			.andExpect(jsonPath("$.details.orgCode").value("748204660"))
			.andExpect(jsonPath("$.details.orgCodeValid").value(true))
			.andExpect(jsonPath("$.details.legacy").value(false));
	}

	@Test
	void namesInEnglishWhenAskedInEnglish() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "11320100MB1886843H").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.details.registrationAuthority.name").value("Institutional establishment administration"))
			.andExpect(jsonPath("$.details.category.name").value("Government organ"))
			.andExpect(jsonPath("$.details.province.name").value("Jiangsu"));
	}

	@Test
	void answersAnInvalidCodeWith200AndAChineseMessage() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "91320100748204660R"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("91320100748204660R"))
			.andExpect(jsonPath("$.kind").value("USCC"))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].code").value("USCC_CHECK_CHARACTER"))
			.andExpect(jsonPath("$.errors[0].message").value("统一社会信用代码校验码错误：第 18 位应为“Q”，实际为“R”。"))
			.andExpect(jsonPath("$.details").isEmpty());
	}

	@Test
	void answersAnInvalidCodeInEnglishWhenAskedInEnglish() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "91320100748204660R").header(HttpHeaders.ACCEPT_LANGUAGE,
				"en-GB,en;q=0.8"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].code").value("USCC_CHECK_CHARACTER"))
			.andExpect(jsonPath("$.errors[0].message")
				.value("Wrong check character in the unified social credit code: position 18 should be \"Q\", not \"R\"."));
	}

	@Test
	void translatesNamedArgumentsAndWarnings() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "H1234567").param("kind", "HK_MACAO_PERMIT").param("lang", "en"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("HK_MACAO_PERMIT"))
			.andExpect(jsonPath("$.errors[0].code").value("DOCUMENT_FORMAT"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"The number does not have the format of a Mainland travel permit for Hong Kong and Macao residents number."));
		mvc.perform(get("/api/v1/identifiers/{value}", "92320100MA1MXYW701"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.details.category.name").value("个体工商户"))
			.andExpect(jsonPath("$.details.orgCodeValid").value(false))
			.andExpect(jsonPath("$.warnings[0].code").value("ORG_CODE_CHECK_CHARACTER"))
			.andExpect(jsonPath("$.warnings[0].message").value(containsString("GB 11714")));
	}

	@Test
	void decodesAResidentIdWithoutSayingMoreThanNeeded() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "11010519491231002x"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.value").value("11010519491231002X"))
			.andExpect(jsonPath("$.kind").value("RESIDENT_ID"))
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.details.regionCode").value("110105"))
			.andExpect(jsonPath("$.details.province.name").value("北京市"))
			.andExpect(jsonPath("$.details.birthDate").value("1949-12-31"))
			.andExpect(jsonPath("$.details.sex").value("FEMALE"))
			.andExpect(jsonPath("$.details.convertedFrom15").value(false))
			.andExpect(jsonPath("$.details.age").doesNotExist());
	}

	@Test
	void doesNotRevealTheExpectedCheckDigitOfAPersonalNumber() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "110105194912310021"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("RESIDENT_ID"))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].code").value("RESIDENT_ID_CHECK_DIGIT"))
			.andExpect(jsonPath("$.errors[0].message").value(allOf(containsString("校验码"), not(containsString("X")))));
	}

	@Test
	void answersUnrecognisedInput() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "hello").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.kind").value("UNKNOWN"))
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.errors[0].code").value("IDENTIFIER_UNRECOGNISED"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("无法识别")));
	}

	@Test
	void refusesAnUnknownKindAsAProblem() throws Exception {
		mvc.perform(get("/api/v1/identifiers/{value}", "X1234567").param("kind", "DRIVING_LICENCE"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code").value("PARAMETER_INVALID"));
	}

	@Test
	void isDocumentedInTheOpenApiDescription() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/identifiers/{value}'].get.summary").value("Check an identifier"))
			.andExpect(jsonPath("$.paths['/api/v1/identifiers/{value}'].get.tags[0]").value("Identifiers"));
	}
}
