package dev.ferry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import dev.ferry.testing.ServerClasses;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the feature modules honest: no cycles between them (nested ones included), no
 * reaching into another module's internals, no SQL on another module's tables, and the
 * structural limits of {@link StructuralLimits}. Also writes the module diagrams used by
 * docs/architecture.md.
 */
class ModularityTests {

	static final String UPDATE_PROPERTY = "ferry.docs.update";

	private static final Path ARCHITECTURE = Path.of("..", "docs", "architecture.md");

	private static final JavaClasses SERVER = ServerClasses.ALL;

	private final ApplicationModules modules = ApplicationModules.of(FerryApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * {@link #modulesRespectTheirBoundaries} checks each module's dependencies against
	 * the list its package declares; a module without one (Modulith's default is open)
	 * would be allowed anything.
	 */
	@Test
	void everyModuleDeclaresTheModulesItMayUse() throws ClassNotFoundException {
		for (var module : modules) {
			String name = module.getBasePackage().getName();
			ApplicationModule declared = Class.forName(name + ".package-info").getAnnotation(ApplicationModule.class);
			assertThat(declared).as(name + " has no @ApplicationModule").isNotNull();
			assertThat(declared.allowedDependencies()).as(name + " declares no allowedDependencies")
				.doesNotContain(ApplicationModule.OPEN_TOKEN);
		}
	}

	/**
	 * The module table in docs/architecture.md is generated from the modules' real
	 * dependencies; only its "owns" column is written by hand. A new dependency (such as
	 * one module reading another's tables through a new API) shows up in the diff of the
	 * regenerated table, so it is a decision someone reviews.
	 */
	@Test
	void architectureTableIsGeneratedFromTheModules() throws IOException {
		String committed = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
		String generated = ModuleTable.regenerate(committed, modules);
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.writeString(ARCHITECTURE, generated, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(ARCHITECTURE, StandardCharsets.UTF_8))
			.as("docs/architecture.md's module table differs from the modules. Regenerate it with "
					+ "'./mvnw -pl server test -Dtest=ModularityTests -D" + UPDATE_PROPERTY
					+ "=true', write the 'owns' text of any new module and review the diff")
			.isEqualTo(generated);
	}

	@Test
	void shareIsSplitIntoNestedModules() {
		for (String nested : List.of("share.transfer", "share.link", "share.request", "share.grant")) {
			assertThat(modules.getModuleByName(nested)).as(nested).isPresent();
		}
	}

	@Test
	void nestedShareModulesFormNoCycles() {
		slices().matching("dev.ferry.share.(*)..").should().beFreeOfCycles().check(SERVER);
	}

	@Test
	void authIsSplitIntoNestedModules() {
		for (String nested : List.of("auth.session", "auth.account", "auth.password", "auth.mfa", "auth.passkey",
				"auth.oidc", "auth.apikey", "auth.ticket", "auth.oauth", "auth.device", "auth.ldap", "auth.saml")) {
			assertThat(modules.getModuleByName(nested)).as(nested).isPresent();
		}
	}

	@Test
	void nestedAuthModulesFormNoCycles() {
		slices().matching("dev.ferry.auth.(*)..").should().beFreeOfCycles().check(SERVER);
	}

	@Test
	void authApiDependsOnNoNestedModule() {
		noClasses().that()
			.resideInAPackage("dev.ferry.auth")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ferry.auth.(*)..")
			.check(SERVER);
	}

	@Test
	void sessionsKnowNoSignInMethodOrSecondFactor() {
		noClasses().that()
			.resideInAPackage("dev.ferry.auth.session..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.ferry.auth.password..", "dev.ferry.auth.mfa..", "dev.ferry.auth.passkey..",
					"dev.ferry.auth.oidc..", "dev.ferry.auth.apikey..", "dev.ferry.auth.ticket..",
					"dev.ferry.auth.oauth..", "dev.ferry.auth.device..", "dev.ferry.auth.ldap..",
					"dev.ferry.auth.saml..")
			.check(SERVER);
	}

	@Test
	void sharedShareTypesDependOnNoNestedModule() {
		noClasses().that()
			.resideInAPackage("dev.ferry.share")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.ferry.share.(*)..")
			.check(SERVER);
	}

	@Test
	void everyTableHasAnOwningModuleThatUsesIt() {
		Set<String> schema = SqlTables.schema();
		assertThat(TableOwners.OWNERS.keySet()).containsExactlyInAnyOrderElementsOf(schema);
		Map<String, Set<String>> namedBy = new TreeMap<>();
		for (Path source : SqlTables.sources()) {
			String module = moduleOf(SqlTables.packageOf(source));
			SqlTables.named(source, schema)
				.forEach((t) -> namedBy.computeIfAbsent(t, (k) -> new TreeSet<>()).add(module));
		}
		TableOwners.OWNERS.forEach((table, owner) -> {
			assertThat(modules.getModuleByName(owner)).as("module " + owner).isPresent();
			assertThat(namedBy.get(table)).as("modules naming " + table).contains(owner);
		});
	}

	@Test
	void modulesTouchOnlyTheirOwnTables() {
		Set<String> schema = SqlTables.schema();
		Map<String, Set<String>> foreign = new TreeMap<>();
		for (Path source : SqlTables.sources()) {
			String module = moduleOf(SqlTables.packageOf(source));
			Set<String> others = SqlTables.named(source, schema)
				.stream()
				.filter((table) -> !TableOwners.OWNERS.get(table).equals(module))
				.collect(Collectors.toCollection(TreeSet::new));
			if (!others.isEmpty()) {
				foreign.put(typeOf(source), others);
			}
		}
		assertThat(foreign).as("SQL on another module's tables (owners and known exceptions: TableOwners)")
			.isEqualTo(TableOwners.ALLOWED);
	}

	@Test
	void noNewClassOverTheLineLimit() throws IOException {
		Map<String, Integer> offenders = new TreeMap<>();
		for (Path source : SqlTables.sources()) {
			int lines = Files.readAllLines(source).size();
			if (lines > StructuralLimits.MAX_LINES) {
				offenders.put(typeOf(source), lines);
			}
		}
		assertThat(offenders.keySet())
			.as("classes over " + StructuralLimits.MAX_LINES + " lines (see StructuralLimits)")
			.isEqualTo(StructuralLimits.LONG_CLASSES.keySet());
		offenders.forEach((type, lines) -> assertThat(lines).as(type)
			.isLessThanOrEqualTo(StructuralLimits.LONG_CLASSES.get(type)));
	}

	@Test
	void noNewConstructorOverTheCollaboratorLimit() {
		Map<String, Integer> offenders = new TreeMap<>();
		for (JavaClass type : SERVER) {
			if (type.isAssignableTo(Record.class) || type.isAnonymousClass() || type.isLocalClass()) {
				continue;
			}
			for (JavaConstructor constructor : type.getConstructors()) {
				int collaborators = constructor.getRawParameterTypes().size();
				if (collaborators > StructuralLimits.MAX_COLLABORATORS) {
					offenders.merge(type.getName(), collaborators, Math::max);
				}
			}
		}
		assertThat(offenders.keySet())
			.as("constructors over " + StructuralLimits.MAX_COLLABORATORS + " collaborators (see StructuralLimits)")
			.isEqualTo(StructuralLimits.WIDE_CONSTRUCTORS.keySet());
		offenders.forEach((type, count) -> assertThat(count).as(type)
			.isLessThanOrEqualTo(StructuralLimits.WIDE_CONSTRUCTORS.get(type)));
	}

	@Test
	void writeModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

	private String moduleOf(String pkg) {
		return modules.stream()
			.filter((m) -> pkg.equals(m.getBasePackage().getName())
					|| pkg.startsWith(m.getBasePackage().getName() + "."))
			.max(Comparator.comparingInt((m) -> m.getBasePackage().getName().length()))
			.map((m) -> m.getIdentifier().toString())
			.orElse("(no module)");
	}

	private static String typeOf(Path source) {
		String file = source.getFileName().toString();
		return SqlTables.packageOf(source) + "." + file.substring(0, file.length() - ".java".length());
	}

}
