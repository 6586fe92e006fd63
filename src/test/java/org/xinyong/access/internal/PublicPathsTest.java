package org.xinyong.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The partitioned matcher of public paths decides as the plain list of Spring Security's path matchers does. */
class PublicPathsTest {

	static final List<String> PATHS = List.of("/", "/login", "/error", "/error/500", "/favicon.ico", "/css/site.css",
			"/js/a/b.js", "/actuator/health", "/actuator/health/liveness", "/actuator/info", "/actuator/metrics",
			"/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui.html", "/search", "/subjects/1", "/publicity",
			"/publicity/certificates/verify", "/reports/x", "/lists/rewards", "/guide/a", "/console", "/console/x",
			"/account/queries", "/api", "/api/", "/apix/v1/identifiers/x", "/api/v1/identifiers",
			"/api/v1/identifiers/91640100JC1000039U", "/api/v1/public/lists/rewards", "/api/v1/public",
			"/api/v1/ledger/checkpoint", "/api/v1/ledger/checkpoint/x", "/api/v1/ledger/proof/1",
			"/api/v1/ledger/records/abc", "/api/v1/catalog/items", "/api/v1/catalog/items/ADMIN_PENALTY",
			"/api/v1/catalog/versions", "/api/v1/joint-checks", "/api/v1/submissions", "/api/v1/calendar/2026",
			"/login/", "/search/");

	@Test
	void decidesAsTheListOfMatchers() {
		PathPatternRequestMatcher.Builder builder = PathPatternRequestMatcher.withDefaults();
		RequestMatcher reference = new OrRequestMatcher(
				Arrays.stream(SecurityConfiguration.PUBLIC_PATHS).map(p -> (RequestMatcher) builder.matcher(p)).toList());
		RequestMatcher partitioned = SecurityConfiguration.publicPaths();
		int publicOnes = 0;
		for (String path : PATHS) {
			for (String method : List.of("GET", "POST")) {
				MockHttpServletRequest request = new MockHttpServletRequest(method, path);
				boolean expected = reference.matches(request);
				assertThat(partitioned.matches(request)).as(method + " " + path).isEqualTo(expected);
				publicOnes += expected ? 1 : 0;
			}
		}
		// both kinds occur: the comparison means something
		assertThat(publicOnes).isBetween(10, 2 * PATHS.size() - 10);
		assertThat(partitioned.matches(new MockHttpServletRequest("GET", "/api/v1/public/lists/rewards"))).isTrue();
		assertThat(partitioned.matches(new MockHttpServletRequest("POST", "/api/v1/joint-checks"))).isFalse();
	}
}
