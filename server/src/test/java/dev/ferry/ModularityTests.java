package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the feature modules honest: no cycles between them and no reaching into another
 * module's internals. Also writes the module diagrams used by docs/architecture.md.
 */
class ModularityTests {

	private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\|[^|]*\\| ([^|]*) \\|");

	private final ApplicationModules modules = ApplicationModules.of(FerryApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * The module table in docs/architecture.md says what each module depends on: a new
	 * dependency (such as one module reading another's tables through a new API) must be
	 * a decision written down there.
	 */
	@Test
	void eachModuleDependsOnExactlyWhatTheArchitectureTableSays() throws IOException {
		Map<String, Set<String>> documented = documentedDependencies();
		Map<String, Set<String>> actual = new TreeMap<>();
		modules.forEach((module) -> actual.put(module.getIdentifier().toString(),
				module.getDirectDependencies(modules)
					.uniqueModules()
					.map((target) -> target.getIdentifier().toString())
					.collect(Collectors.toCollection(TreeSet::new))));
		assertThat(documented).isEqualTo(actual);
	}

	@Test
	void writeModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private static Map<String, Set<String>> documentedDependencies() throws IOException {
		Map<String, Set<String>> documented = new TreeMap<>();
		for (String line : Files.readAllLines(Path.of("..", "docs", "architecture.md"))) {
			Matcher row = ROW.matcher(line);
			if (row.matches()) {
				Set<String> targets = new TreeSet<>();
				for (String target : row.group(2).split(",")) {
					String name = target.trim();
					if (!name.equals("—")) {
						targets.add(name);
					}
				}
				documented.put(row.group(1), targets);
			}
		}
		return documented;
	}

}
