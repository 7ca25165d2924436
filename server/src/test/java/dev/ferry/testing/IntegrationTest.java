package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boots the real server on a random port over a fresh SQLite data directory, with an
 * admin account, and gives the test an {@link Api} client that speaks HTTP to it. Every
 * subclass shares one server (Spring's context cache), so tests must not assume an empty
 * database: create the users and objects you need with unique names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	public static final String ADMIN_EMAIL = "admin@ferry.test";

	public static final String ADMIN_PASSWORD = "admin-password-for-tests-only";

	protected static final Path DATA_DIR = createDataDir();

	@LocalServerPort
	protected int port;

	protected Api api;

	@DynamicPropertySource
	static void ferryProperties(DynamicPropertyRegistry registry) {
		registry.add("ferry.data-dir", DATA_DIR::toString);
		registry.add("ferry.admin.email", () -> ADMIN_EMAIL);
		registry.add("ferry.admin.password", () -> ADMIN_PASSWORD);
		registry.add("ferry.jobs.poll-interval", () -> "200ms");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	/** Signs in as the bootstrap admin and returns an access token. */
	protected String adminToken() {
		return api.login(ADMIN_EMAIL, ADMIN_PASSWORD);
	}

	private static Path createDataDir() {
		try {
			return Files.createTempDirectory("ferry-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
