package org.xinyong.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anonymous use of the website and public API is limited per client address: beyond the limit a page gets a
 * friendly Chinese page and the API a problem+json, both 429 with Retry-After; other addresses and API-key callers
 * go on.
 */
@SpringBootTest(properties = "xinyong.portal.rate-limit.requests-per-minute=3")
@AutoConfigureMockMvc
class RateLimitIT {

	@Autowired
	MockMvc mvc;

	@Test
	void anonymousClientIsLimitedPerAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/search").with(r -> address(r, "10.0.0.1"))).andExpect(status().isOk());
		}
		String page = mvc.perform(get("/search").with(r -> address(r, "10.0.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("访问过于频繁", "始终免费");
		String api = mvc.perform(get("/api/v1/public/subjects?q=某某").with(r -> address(r, "10.0.0.1")))
			.andExpect(status().isTooManyRequests())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(api).contains("RATE_LIMITED", "访问过于频繁");
		// another address is not affected
		mvc.perform(get("/search").with(r -> address(r, "10.0.0.2"))).andExpect(status().isOk());
		// a caller with an API key is not limited here
		mvc.perform(get("/api/v1/public/subjects?q=某某").header("X-Api-Key", "test-demo-key-0123456789")
			.with(r -> address(r, "10.0.0.1"))).andExpect(status().isOk());
		// pages outside the public website (e.g. the API documentation) are not counted
		mvc.perform(get("/api/v1/identifiers/91320100748204660Q").with(r -> address(r, "10.0.0.1")))
			.andExpect(status().isOk());
	}

	static org.springframework.mock.web.MockHttpServletRequest address(
			org.springframework.mock.web.MockHttpServletRequest request, String address) {
		request.setRemoteAddr(address);
		return request;
	}
}
