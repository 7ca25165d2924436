package dev.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the tables the main code's SQL names: every string literal and text block is
 * searched for {@code FROM}, {@code JOIN}, {@code INTO} and {@code UPDATE} followed by a
 * table of the schema. Comments are skipped, so prose about tables does not count.
 */
final class SqlTables {

	static final Path MAIN_JAVA = Path.of("src", "main", "java");

	private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");

	private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");

	private SqlTables() {
	}

	/** Every table the migrations of any database create. */
	static Set<String> schema() {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".sql")).toList()) {
				Matcher m = CREATE.matcher(Files.readString(file));
				while (m.find()) {
					tables.add(m.group(1).toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tables;
	}

	/** The main source files, as paths below {@link #MAIN_JAVA}. */
	static List<Path> sources() {
		try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
			return files.filter((f) -> f.toString().endsWith(".java")).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The package a source file declares by its place. */
	static String packageOf(Path source) {
		return MAIN_JAVA.relativize(source.getParent()).toString().replace(source.getFileSystem().getSeparator(), ".");
	}

	/** The schema's tables named by the SQL in {@code source}. */
	static Set<String> named(Path source, Set<String> schema) {
		Set<String> tables = new TreeSet<>();
		try {
			for (String literal : literals(Files.readString(source))) {
				Matcher m = NAMED.matcher(literal);
				while (m.find()) {
					String table = m.group(1).toLowerCase(Locale.ROOT);
					if (schema.contains(table)) {
						tables.add(table);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tables;
	}

	/** String literals and text blocks of Java source, outside comments. */
	static List<String> literals(String java) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		while (i < java.length()) {
			if (java.startsWith("//", i)) {
				int end = java.indexOf('\n', i);
				i = (end < 0) ? java.length() : end;
			}
			else if (java.startsWith("/*", i)) {
				i = java.indexOf("*/", i + 2) + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int end = java.indexOf("\"\"\"", i + 3);
				literals.add(java.substring(i + 3, end));
				i = end + 3;
			}
			else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
				char quote = java.charAt(i);
				int end = i + 1;
				while (java.charAt(end) != quote) {
					end += (java.charAt(end) == '\\') ? 2 : 1;
				}
				if (quote == '"') {
					literals.add(java.substring(i + 1, end));
				}
				i = end + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

}
