package org.xinyong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep to their boundaries (no cycles, no reaching into another module's internals), and the
 * module documentation in {@code docs/modules} is regenerated from the code.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(XinyongApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}
}
