package org.xinyong.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.xinyong.XinyongApplication;

/** The calendar respects module boundaries and others may only see its root package. */
class CalendarModuleTest {

	@Test
	void calendarModuleDependsOnlyOnPublicApis() {
		ApplicationModules modules = ApplicationModules.of(XinyongApplication.class);
		ApplicationModule calendar = modules.getModuleByName("calendar").orElseThrow();
		assertThat(calendar.getDisplayName()).isEqualTo("Calendar");
		calendar.verifyDependencies(modules);
	}
}
