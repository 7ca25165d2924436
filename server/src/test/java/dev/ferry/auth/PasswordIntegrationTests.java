package dev.ferry.auth;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The password policy wherever a password is set, and changing one's own password. */
class PasswordIntegrationTests extends AuthIntegrationTest {

	@Test
	void aCommonPasswordIsRefusedEverywhereAPasswordIsSet() {
		String email = "common-" + UUID.randomUUID() + "@ferry.test";

		Api.Response created = api.post("/api/v1/admin/users", Map.of("email", email, "password", "qwertyuiop123"),
				adminToken());
		Api.Response registered = api.post("/api/v1/auth/register",
				Map.of("email", email, "password", "Password123456!", "invitation_token", "x"), null);

		assertThat(fields(created)).containsExactly("password");
		assertThat(created.json().get("errors").get(0).get("message").asString()).contains("most common passwords");
		assertThat(fields(registered)).containsExactly("password");
	}

	@Test
	void aWeakPasswordIsRefusedWithSuggestions() {
		Account user = createAccount("user");
		String token = user.token(api);

		Api.Response weak = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", "aaaaaaaaaaaaaaaa"), token);

		assertThat(fields(weak)).containsExactly("new_password");
		assertThat(weak.json().get("errors").get(0).get("message").asString()).contains("too easy to guess");
		assertThat(weak.json().get("errors").get(0).get("suggestions").valueStream().map(JsonNode::asString))
			.anyMatch((hint) -> hint.startsWith("Repeats"));
	}

	@Test
	void changingThePasswordSignsOutTheOtherSessionsOnly() {
		Account user = createAccount("user");
		JsonNode current = signIn(user.email());
		JsonNode other = signIn(user.email());

		Api.Response wrong = api.post("/api/v1/auth/password",
				Map.of("current_password", "not-" + PASSWORD, "new_password", "changed-passphrase-Jd8"),
				current.get("access_token").asString());
		Api.Response changed = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", "changed-passphrase-Jd8"),
				current.get("access_token").asString());

		assertThat(fields(wrong)).containsExactly("current_password");
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", current.get("access_token").asString()).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", other.get("access_token").asString()).status()).isEqualTo(401);
		assertThat(api.login(user.email(), "changed-passphrase-Jd8")).isNotBlank();
		assertThat(audits("auth.password_change")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("success");
			assertThat(row.details()).contains("\"sessions_ended\":1").doesNotContain("changed-passphrase");
		});
	}

	@Test
	void noneOfTheLastFivePasswordsComesBack() {
		Account user = createAccount("user");
		String token = user.token(api);
		String previous = PASSWORD;
		for (int i = 1; i <= 5; i++) {
			String next = "rotation-passphrase-" + i + "-Hw";
			assertThat(change(token, previous, next).status()).isEqualTo(204);
			previous = next;
		}

		Api.Response recent = change(token, previous, "rotation-passphrase-2-Hw");
		Api.Response old = change(token, previous, PASSWORD);

		assertThat(recent.status()).isEqualTo(400);
		assertThat(recent.json().get("errors").get(0).get("message").asString()).contains("last 5 passwords");
		assertThat(old.status()).as("six passwords ago").isEqualTo(204);
	}

	@Test
	void anApiKeyCannotChangeThePassword() {
		Account user = createAccount("user");
		String key = api.post("/api/v1/auth/api-keys", Map.of("name", "k", "scopes", List.of("read")), user.token(api))
			.json()
			.get("key")
			.asString();

		assertThat(change(key, PASSWORD, "stolen-key-passphrase-Lp2").status()).isEqualTo(403);
	}

	private Api.Response change(String token, String current, String next) {
		return api.post("/api/v1/auth/password", Map.of("current_password", current, "new_password", next), token);
	}

}
