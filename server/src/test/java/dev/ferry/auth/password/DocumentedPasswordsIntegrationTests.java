package dev.ferry.auth.password;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin passwords the README and docs tell people to copy must pass the password
 * policy: a quick start that refuses its own example fails on the first command.
 */
class DocumentedPasswordsIntegrationTests extends IntegrationTest {

	private static final Pattern ADMIN_PASSWORD = Pattern.compile("FERRY_ADMIN_PASSWORD='([^']+)'");

	@Autowired
	PasswordPolicy policy;

	@Test
	void everyDocumentedAdminPasswordPassesThePolicy() throws IOException {
		List<String> passwords = new ArrayList<>();
		try (Stream<Path> docs = Files.list(Path.of("..", "docs"))) {
			for (Path file : Stream.concat(Stream.of(Path.of("..", "README.md")), docs).toList()) {
				Matcher matcher = ADMIN_PASSWORD.matcher(Files.readString(file));
				while (matcher.find()) {
					passwords.add(matcher.group(1));
				}
			}
		}
		assertThat(passwords).as("README.md shows how to set the admin password").isNotEmpty();
		for (String password : passwords) {
			assertThat(this.policy.judge(password)).as(password).isEmpty();
		}
	}

}
