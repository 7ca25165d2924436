package dev.ferry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first start: no admin and no {@code FERRY_ADMIN_*}, so the server logs a setup URL.
 * The same server runs with {@code FERRY_REGISTRATION=closed}, which saves booting one
 * more server just for that mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ferry.registration=closed")
@ExtendWith(OutputCaptureExtension.class)
class SetupIntegrationTests {

	private static final Pattern SETUP_URL = Pattern.compile("(http://\\S+)/setup#token=([A-Za-z0-9_-]{43})");

	private static final String PASSWORD = "first-admin-password";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void freshServer(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("ferry-setup-it-").toString();
		registry.add("ferry.data-dir", () -> dataDir);
		registry.add("ferry.admin.email", () -> "");
		registry.add("ferry.admin.password", () -> "");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void theLoggedSetupUrlCreatesTheFirstAdminExactlyOnce(CapturedOutput output) {
		Matcher url = SETUP_URL.matcher(output.getOut());
		assertThat(url.find()).as("setup URL in the log").isTrue();
		assertThat(output.getOut()).contains("WARN").contains("Ferry has no administrator yet");
		assertThat(url.group(1)).isEqualTo("http://127.0.0.1:" + port);
		String token = url.group(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM setup_tokens WHERE token_hash = ?")
			.param(SecureTokens.hash(token))
			.query(Long.class)
			.single()).as("stored hashed").isEqualTo(1);
		String email = "first-admin@ferry.test";

		Api.Response wrongToken = setup(SecureTokens.generate(""), email, PASSWORD);
		Api.Response shortPassword = setup(token, email, "too-short");
		Api.Response created = setup(token, email, PASSWORD);
		Api.Response again = setup(token, "second@ferry.test", PASSWORD);

		assertThat(wrongToken.status()).isEqualTo(403);
		assertThat(wrongToken.json().get("type").asString()).isEqualTo("/problems/invalid-setup-token");
		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("role").asString()).isEqualTo("admin");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/already-set-up");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM setup_tokens").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.setup' AND outcome = 'success'")
			.query(Long.class)
			.single()).isEqualTo(1);

		String admin = api.login(email, PASSWORD);
		assertThat(api.get("/api/v1/me", admin).json().get("role").asString()).isEqualTo("admin");
		theLastAdminCannotBeRemoved(admin, created.json().get("id").asString());
	}

	@Test
	void closedRegistrationRefusesEveryone() {
		Api.Response plain = api.post("/api/v1/auth/register",
				Map.of("email", "walk-in-" + UUID.randomUUID() + "@ferry.test", "password", PASSWORD), null);
		Api.Response invited = api.post("/api/v1/auth/register", Map.of("email",
				"invited-" + UUID.randomUUID() + "@ferry.test", "password", PASSWORD, "invitation_token", "x"), null);

		assertThat(plain.status()).isEqualTo(403);
		assertThat(plain.contentType()).startsWith("application/problem+json");
		assertThat(plain.json().get("type").asString()).isEqualTo("/problems/registration-closed");
		assertThat(invited.status()).isEqualTo(403);
		assertThat(invited.json().get("type").asString()).isEqualTo("/problems/registration-closed");
	}

	private void theLastAdminCannotBeRemoved(String admin, String adminId) {
		String self = "/api/v1/admin/users/" + adminId;
		Api.Response demote = api.patch(self, Map.of("role", "user"), admin);
		Api.Response suspend = api.post(self + "/suspend", "", admin);
		Api.Response delete = api.delete(self, admin);

		assertThat(demote.status()).isEqualTo(409);
		assertThat(demote.json().get("type").asString()).isEqualTo("/problems/last-admin");
		assertThat(suspend.status()).isEqualTo(409);
		assertThat(delete.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/me", admin).json().get("role").asString()).isEqualTo("admin");

		JsonNode second = api
			.post("/api/v1/admin/users",
					Map.of("email", "second-admin@ferry.test", "password", PASSWORD, "role", "admin"), admin)
			.json();
		assertThat(api.patch(self, Map.of("role", "user"), admin).status())
			.as("with another admin, demoting oneself is allowed")
			.isEqualTo(200);
		String secondAdmin = api.login("second-admin@ferry.test", PASSWORD);
		assertThat(api.delete("/api/v1/admin/users/" + second.get("id").asString(), secondAdmin).status())
			.as("but not deleting the last one left")
			.isEqualTo(409);
	}

	private Api.Response setup(String token, String email, String password) {
		return api.post("/api/v1/auth/setup", Map.of("token", token, "email", email, "password", password), null);
	}

}
