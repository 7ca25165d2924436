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
 * users table or to how accounts are made is one edit, not one per test class.
 */
class TestConventionsTests {

	private static final Path TESTS = Path.of("src", "test", "java");

	private static final Path ACCOUNTS_FIXTURE = TESTS.resolve("dev/ferry/testing/TestAccounts.java");

	private static final Pattern INSERTS_USERS = Pattern.compile("INSERT\\s+INTO\\s+users\\b",
			Pattern.CASE_INSENSITIVE);

	@Test
	void onlyTestAccountsWritesUserRows() throws IOException {
		assertThat(writesUsers(ACCOUNTS_FIXTURE)).as("the fixture itself is found").isTrue();
		try (Stream<Path> sources = Files.walk(TESTS)) {
			List<Path> offenders = sources.filter((path) -> path.toString().endsWith(".java"))
				.filter((path) -> !path.equals(ACCOUNTS_FIXTURE))
				.filter(TestConventionsTests::writesUsers)
				.toList();
			assertThat(offenders).as("test classes inserting users rows: use dev.ferry.testing.TestAccounts").isEmpty();
		}
	}

	private static boolean writesUsers(Path source) {
		try {
			return INSERTS_USERS.matcher(Files.readString(source)).find();
		}
		catch (IOException ex) {
			throw new IllegalStateException(source.toString(), ex);
		}
	}

}
