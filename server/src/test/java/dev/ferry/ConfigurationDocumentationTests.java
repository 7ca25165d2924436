package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings are environment variables, so docs/configuration.md is the only place an
 * operator can learn them: every {@code FERRY_*} variable the server reads must have a
 * row there, and every row must name a variable the server still reads.
 */
class ConfigurationDocumentationTests {

	/** Surefire runs in the module directory; the docs sit next to it. */
	private static final Path DOCUMENTATION = Path.of("..", "docs", "configuration.md");

	private static final Path MAIN = Path.of("src", "main");

	/** {@code ${FERRY_X:default}} in configuration files, {@code @Value} and the like. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(FERRY_[A-Z0-9_]+)");

	private static final Pattern GETENV = Pattern.compile("getenv\\(\"(FERRY_[A-Z0-9_]+)\"\\)");

	/** The first cell of a table row: {@code | `FERRY_X` | default | meaning |}. */
	private static final Pattern DOCUMENTED_ROW = Pattern.compile("^\\|([^|]*`FERRY_[^|]*)\\|", Pattern.MULTILINE);

	private static final Pattern VARIABLE = Pattern.compile("FERRY_[A-Z0-9_]+");

	@Test
	void everyVariableTheServerReadsIsDocumented() throws IOException {
		assertThat(missing(read(), documented()))
			.as("FERRY_* variables the server reads but %s does not list", DOCUMENTATION)
			.isEmpty();
	}

	@Test
	void everyDocumentedVariableIsRead() throws IOException {
		assertThat(missing(documented(), read()))
			.as("FERRY_* variables %s lists but the server does not read", DOCUMENTATION)
			.isEmpty();
	}

	private static Set<String> read() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(ConfigurationDocumentationTests::mayReadSettings).toList()) {
				String text = Files.readString(file);
				collect(PLACEHOLDER.matcher(text), names);
				collect(GETENV.matcher(text), names);
			}
		}
		assertThat(names).as("FERRY_* placeholders under %s", MAIN).contains("FERRY_DATA_DIR");
		return names;
	}

	private static Set<String> documented() throws IOException {
		Set<String> names = new TreeSet<>();
		Matcher rows = DOCUMENTED_ROW.matcher(Files.readString(DOCUMENTATION));
		while (rows.find()) {
			Matcher variables = VARIABLE.matcher(rows.group(1));
			while (variables.find()) {
				names.add(variables.group());
			}
		}
		return names;
	}

	private static Set<String> missing(Set<String> names, Set<String> from) {
		Set<String> missing = new TreeSet<>(names);
		missing.removeAll(from);
		return missing;
	}

	private static boolean mayReadSettings(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".java") || name.endsWith(".yml") || name.endsWith(".yaml")
				|| name.endsWith(".properties");
	}

	private static void collect(Matcher matcher, Set<String> names) {
		while (matcher.find()) {
			names.add(matcher.group(1));
		}
	}

}
