package dev.ferry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules for the test code itself: accounts come from one fixture, so a change to the
 * users table or to how accounts are made is one edit, not one per test class; and ports
 * for the servers a test starts come from one helper.
 */
class TestConventionsTests {

	private static final Path TESTS = Path.of("src", "test", "java");

	private static final Path ACCOUNTS_FIXTURE = TESTS.resolve("dev/ferry/testing/TestAccounts.java");

	private static final Path THIS_CLASS = TESTS.resolve("dev/ferry/TestConventionsTests.java");

	private static final Pattern INSERTS_USERS = Pattern.compile("INSERT\\s+INTO\\s+users\\b",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Binding port 0 and closing the socket to hand its number to a server draws from the
	 * ephemeral range, where another socket of either test JVM can take it before the
	 * server binds.
	 */
	private static final Pattern PROBES_A_PORT = Pattern
		.compile("try\\s*\\(\\s*ServerSocket\\s+\\w+\\s*=\\s*new\\s+ServerSocket\\(\\s*0\\s*\\)");

	@Test
	void onlyTestAccountsWritesUserRows() throws IOException {
		assertThat(contains(ACCOUNTS_FIXTURE, INSERTS_USERS)).as("the fixture itself is found").isTrue();
		assertThat(sourcesContaining(INSERTS_USERS, ACCOUNTS_FIXTURE))
			.as("test classes inserting users rows: use dev.ferry.testing.TestAccounts")
			.isEmpty();
	}

	@Test
	void portsForTestServersComeFromFreePorts() throws IOException {
		assertThat(PROBES_A_PORT.matcher("try (ServerSocket socket = new ServerSocket(0)) {").find())
			.as("the pattern still finds the idiom")
			.isTrue();
		assertThat(sourcesContaining(PROBES_A_PORT, THIS_CLASS))
			.as("test classes probing for a free port: use dev.ferry.testing.FreePorts.take()")
			.isEmpty();
	}

	private static List<Path> sourcesContaining(Pattern pattern, Path exempt) throws IOException {
		try (Stream<Path> sources = Files.walk(TESTS)) {
			return sources.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> !path.equals(exempt))
				.filter((path) -> contains(path, pattern))
				.toList();
		}
	}

	private static boolean contains(Path source, Pattern pattern) {
		try {
			return pattern.matcher(Files.readString(source)).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException(source.toString(), ex);
		}
	}

}
