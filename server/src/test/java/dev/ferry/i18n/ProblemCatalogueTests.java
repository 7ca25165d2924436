package dev.ferry.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every problem type the server can answer has a {@code problem.<type>.title} message, so
 * its title is translated in every shipped language. There is no registry of types: they
 * are read from the sources, the way modules write them.
 */
class ProblemCatalogueTests {

	private static final Path MAIN = Path.of("src", "main", "java");

	private static final String SLUG = "\"([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"";

	/**
	 * A {@code ProblemException} (or a module's factory for one): slug, title and a
	 * detail, in this order. Reason codes with a message (a SAML failure's, a refused
	 * proof of work's) are not problem types.
	 */
	private static final Pattern SLUG_TITLE_DETAIL = Pattern
		.compile("(?<!SamlFailure\\()" + SLUG + "\\s*,\\s*\"[A-Z][^\"]*\"\\s*,");

	/**
	 * The web layer's own problems: {@code Problems.of} and {@code ProblemWriter.write}.
	 */
	private static final Pattern WEB_PROBLEM = Pattern
		.compile("(?:Problems\\.of|problems\\.write)\\([^;]*?,\\s*" + SLUG + "\\s*,");

	/** The types {@code Problems.slugFor} gives statuses, and named slug constants. */
	private static final Pattern CONSTANT = Pattern.compile("(?:case \\d+ ->|SLUG =)\\s*" + SLUG);

	@Test
	void everyProblemTypeHasATitleMessage() throws IOException {
		Set<String> types = problemTypes();
		Properties english = Messages.load(Languages.DEFAULT);

		assertThat(types).as("problem types found in the sources")
			.contains("file-not-found", "share-locked", "upload-not-found", "csrf", "not-acceptable", "internal");
		Set<String> missing = new TreeSet<>();
		types.stream()
			.filter((type) -> english.getProperty("problem." + type + ".title") == null)
			.forEach(missing::add);
		assertThat(missing).as("problem types without a problem.<type>.title in messages.properties").isEmpty();
	}

	private static Set<String> problemTypes() throws IOException {
		Set<String> types = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				String source = read(file);
				for (Pattern pattern : List.of(SLUG_TITLE_DETAIL, WEB_PROBLEM, CONSTANT)) {
					Matcher matcher = pattern.matcher(source);
					while (matcher.find()) {
						types.add(matcher.group(1));
					}
				}
			}
		}
		return types;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
