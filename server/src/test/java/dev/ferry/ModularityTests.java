package dev.ferry;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature modules honest: no cycles between them and no reaching into another
 * module's internals. Also writes the module diagrams used by docs/architecture.md.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(FerryApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writeModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
