package dev.ferry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in a real browser: Debian's Chromium with a virtual authenticator, driven by
 * playwright-core (src/test/webauthn), on a page the server itself serves at
 * {@code http://localhost:<port>}, so origin and relying party id are checked for real.
 */
class PasskeyBrowserIntegrationTests extends AuthIntegrationTest {

	private static final Path SCRIPTS = Path.of("src/test/webauthn");

	/** bin/test installs it; a test run without bin/test does it here. */
	@BeforeAll
	static void installPlaywright() {
		if (!Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
			run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
		}
	}

	@Test
	void aRegisteredPasskeySignsInWithoutPasswordAndAsSecondFactor() {
		Account user = createAccount("user");
		String token = user.token(api);
		Account other = createAccount("user");
		String otherTicket = withAuthenticatorApp(other);

		JsonNode result = JsonMapper.builder()
			.build()
			.readTree(run(List.of("node", "passkeys.mjs", chromium(), "http://localhost:" + port, token, user.email(),
					PASSWORD, otherTicket), 180));

		assertThat(result.get("creation").get("body").get("rp").get("id").asString()).isEqualTo("localhost");
		assertThat(result.get("register").get("status").asInt()).as(result.get("register").toString()).isEqualTo(201);
		assertThat(result.get("register").get("body").get("name").asString()).isEqualTo("Test key");
		assertThat(result.get("passwordlessOptions").get("body").get("userVerification").asString())
			.isEqualTo("required");
		JsonNode passwordless = result.get("passwordless");
		assertThat(passwordless.get("status").asInt()).as(passwordless.toString()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", passwordless.get("body").get("access_token").asString())
			.json()
			.get("email")
			.asString()).isEqualTo(user.email());
		assertThat(result.get("replay").get("status").asInt()).as("an assertion works once").isEqualTo(401);
		assertThat(result.get("first").get("body").get("mfa_methods").valueStream().map(JsonNode::asString))
			.containsExactly("passkey");
		assertThat(result.get("mfaOptions").get("body").get("allowCredentials")).hasSize(1);
		JsonNode secondFactor = result.get("secondFactor");
		assertThat(secondFactor.get("status").asInt()).as(secondFactor.toString()).isEqualTo(200);
		assertThat(audits("auth.login")).anySatisfy((row) -> assertThat(row.details()).contains("\"passkey\""))
			.anySatisfy((row) -> assertThat(row.details()).contains("password+passkey"));
		JsonNode foreign = result.get("foreign");
		assertThat(foreign.get("status").asInt()).as("another account's passkey").isEqualTo(401);
		assertThat(audits("auth.mfa")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("failure");
			assertThat(row.actorId()).isEqualTo(other.id());
			assertThat(row.details()).contains("other_account").contains("\"failures\":1");
		});

		JsonNode listed = api.get("/api/v1/auth/passkeys", token).json().get("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("last_used_at")).isNotNull();
		String id = listed.get(0).get("id").asString();
		assertThat(api.delete("/api/v1/auth/passkeys/" + id, createAccount("user").token(api)).status()).isEqualTo(404);
		requireSecondFactorOfUsers("user");
		try {
			Api.Response last = api.delete("/api/v1/auth/passkeys/" + id, token);
			assertThat(last.status()).as("the only second factor, which the policy requires").isEqualTo(409);
			assertThat(last.json().get("type").asString()).isEqualTo("/problems/mfa-required-by-policy");
		}
		finally {
			requireSecondFactorOfUsers("none");
		}
		assertThat(api.delete("/api/v1/auth/passkeys/" + id, token).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/auth/passkeys", token).json().get("items")).isEmpty();
		assertThat(signIn(user.email()).has("access_token")).as("no second factor left").isTrue();
	}

	@Test
	void garbageIsRefusedWithAProblem() {
		String token = createAccount("user").token(api);

		Api.Response register = api.post("/api/v1/auth/passkeys/registration",
				Map.of("credential", Map.of("id", "x"), "name", "Broken"), token);
		Api.Response login = api.post("/api/v1/auth/passkeys/login", Map.of("credential", Map.of("id", "x")), null);

		assertThat(register.status()).isEqualTo(401);
		assertThat(register.json().get("type").asString()).isEqualTo("/problems/invalid-passkey");
		assertThat(login.status()).isEqualTo(401);
	}

	/** Turns TOTP on for {@code account} and answers the ticket its next sign-in gets. */
	private String withAuthenticatorApp(Account account) {
		String token = account.token(api);
		String secret = api.post("/api/v1/auth/2fa/enable", Map.of(), token).json().get("secret").asString();
		assertThat(api.post("/api/v1/auth/2fa/verify", Map.of("code", TotpCodes.at(secret, Instant.now())), token)
			.status()).isEqualTo(200);
		JsonNode step = api.post("/api/v1/auth/login", Map.of("email", account.email(), "password", PASSWORD), null)
			.json();
		return step.get("mfa_token").asString();
	}

	private void requireSecondFactorOfUsers(String roles) {
		assertThat(api.put("/api/v1/admin/security-policy", Map.of("require_2fa", roles), adminToken()).status())
			.isEqualTo(200);
	}

	private static String chromium() {
		String path = System.getenv().getOrDefault("FERRY_TEST_CHROMIUM", "/usr/bin/chromium");
		assertThat(Path.of(path))
			.as("Chromium for the passkey test; install Debian's chromium package "
					+ "(apt-get install chromium) or set FERRY_TEST_CHROMIUM")
			.isExecutable();
		return path;
	}

	/** Runs a command in src/test/webauthn and answers its standard output. */
	private static String run(List<String> command, int timeoutSeconds) {
		try {
			Path log = Files.createTempFile("ferry-webauthn-", ".log");
			Process process = new ProcessBuilder(command).directory(SCRIPTS.toFile())
				.redirectError(log.toFile())
				.start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
			assertThat(done && process.exitValue() == 0)
				.as(String.join(" ", command) + " failed: " + out + Files.readString(log))
				.isTrue();
			return out;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
