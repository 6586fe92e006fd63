package org.xinyong.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class AccessConsoleIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	StaffUsers users;

	@Autowired
	ApiKeys apiKeys;

	@Autowired
	Organisations organisations;

	@Test
	void adminIssuesAKeyThatIsShownOnceAndWorksThenRevokesIt() throws Exception {
		long org = organisations.byCode("11640000MB1900035R").orElseThrow().id();
		MvcResult issued = mvc.perform(post("/console/access/api-keys").with(staff("admin")).with(csrf())
			.param("organisationId", String.valueOf(org))
			.param("name", "招投标系统"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		String key = (String) issued.getFlashMap().get("issuedKey");
		assertThat(key).startsWith("xy_");
		assertThat(apiKeys.authenticate(key)).get().extracting(p -> p.organisation().code())
			.isEqualTo("11640000MB1900035R");

		mvc.perform(get("/console/access/api-keys").with(staff("admin")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("招投标系统")))
			.andExpect(content().string(not(containsString(key))));

		long id = apiKeys.authenticate(key).orElseThrow().keyId();
		mvc.perform(post("/console/access/api-keys/" + id + "/revoke").with(staff("admin")).with(csrf())
			.param("reason", "系统下线"))
			.andExpect(flash().attributeExists("done"));
		assertThat(apiKeys.authenticate(key)).isEmpty();
		mvc.perform(get("/console/access/api-keys").with(staff("admin")))
			.andExpect(content().string(containsString("系统下线")));
	}

	@Test
	void refusedChangesAreExplainedWithTheirCode() throws Exception {
		mvc.perform(post("/console/access/users").with(staff("admin")).with(csrf())
			.param("username", "admin")
			.param("password", "long-enough-password")
			.param("organisationId", "1")
			.param("roles", "REVIEWER"))
			.andExpect(flash().attribute("failure", containsString("USERNAME_TAKEN")));
	}

	@Test
	void organisationsAreRegisteredOnlyWithAValidUnifiedCode() throws Exception {
		mvc.perform(post("/console/access/organisations").with(staff("admin")).with(csrf())
			.param("code", "91350100M000100Y44")
			.param("name", "某某科技有限公司")
			.param("kind", "COLLECTOR"))
			.andExpect(flash().attribute("failure", containsString("USCC_CHECK_CHARACTER")));
		mvc.perform(post("/console/access/organisations").with(staff("admin")).with(csrf())
			.param("code", " 91350100m000100y43 ")
			.param("name", "某某信用服务有限公司")
			.param("kind", "COLLECTOR"))
			.andExpect(flash().attributeExists("done"));
		assertThat(organisations.byCode("91350100M000100Y43")).get()
			.extracting(Organisation::kind)
			.isEqualTo(OrganisationKind.COLLECTOR);
	}

	@Test
	void adminCreatesAStaffUserWhoCanThenBeFound() throws Exception {
		long org = organisations.byCode("11640000MB1900027Y").orElseThrow().id();
		mvc.perform(post("/console/access/users").with(staff("admin")).with(csrf())
			.param("username", "zhang.san")
			.param("displayName", "张三")
			.param("password", "a-long-password-1")
			.param("organisationId", String.valueOf(org))
			.param("roles", "PROVIDER_OPERATOR", "REVIEWER"))
			.andExpect(flash().attributeExists("done"));
		assertThat(users.byUsername("zhang.san")).get()
			.satisfies(u -> assertThat(u.roles()).containsExactlyInAnyOrder(Role.PROVIDER_OPERATOR, Role.REVIEWER));
	}

	@Test
	void menuFollowsRolesAndOtherStaffCannotOpenAdministration() throws Exception {
		mvc.perform(get("/console").with(staff("admin")))
			.andExpect(content().string(containsString("/console/access/api-keys")));
		mvc.perform(get("/console").with(staff("provider")))
			.andExpect(content().string(not(containsString("/console/access/api-keys"))));
		mvc.perform(get("/console/access/users").with(staff("provider"))).andExpect(status().isForbidden());
		mvc.perform(get("/console/access/users").with(staff("auditor")))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("name=\"password\""))));
		mvc.perform(post("/console/access/api-keys").with(staff("auditor")).with(csrf())
			.param("organisationId", "1")
			.param("name", "x")).andExpect(status().isForbidden());
	}

	RequestPostProcessor staff(String username) {
		return SecurityMockMvcRequestPostProcessors.user(users.byUsername(username).orElseThrow());
	}
}
