package dev.ferry.auth;

import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends AuthIntegrationTest {

	@Test
	void adminSignsInAndSeesThemself() {
		String token = adminToken();
		Api.Response me = api.get("/api/v1/me", token);
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("email").asString()).isEqualTo(ADMIN_EMAIL);
		assertThat(me.json().get("role").asString()).isEqualTo("admin");
	}

	@Test
	void wrongPasswordAndUnknownAccountGetTheSameProblem() {
		Api.Response wrong = api.post("/api/v1/auth/login", Map.of("email", ADMIN_EMAIL, "password", "nope"), null);
		Api.Response unknown = api.post("/api/v1/auth/login", Map.of("email", "nobody@ferry.test", "password", "nope"),
				null);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.contentType()).startsWith("application/problem+json");
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
		assertThat(unknown.json().get("type")).isEqualTo(wrong.json().get("type"));
	}

	@Test
	void protectedEndpointWithoutTokenAnswers401WithChallenge() {
		Api.Response response = api.get("/api/v1/me", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anImportedBcryptHashBecomesArgon2AtTheFirstRightPassword() {
		String email = TestAccounts.uniqueEmail("imported");
		String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("an-imported-passphrase");
		UUID id = TestAccounts.row().email(email).passwordHash(bcrypt).insert(jdbc);
		long changedAt = 1_700_000_000_000L;
		jdbc.sql("UPDATE users SET password_changed_at = ? WHERE id = ?").params(changedAt, id.toString()).update();

		Api.Response wrong = api.post("/api/v1/auth/login", Map.of("email", email, "password", "not-it"), null);
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(passwordHash(id)).isEqualTo(bcrypt);

		Api.Response right = api.post("/api/v1/auth/login",
				Map.of("email", email, "password", "an-imported-passphrase"), null);
		assertThat(right.status()).as(right.body()).isEqualTo(200);
		String upgraded = passwordHash(id);
		assertThat(upgraded).startsWith("{argon2}");
		assertThat(passwordChangedAt(id)).isEqualTo(changedAt);
		assertThat(audits("auth.password_rehash")).anySatisfy((row) -> {
			assertThat(row.objectId()).isEqualTo(id.toString());
			assertThat(row.details()).contains("bcrypt");
		});

		assertThat(api.login(email, "an-imported-passphrase")).isNotBlank();
		assertThat(passwordHash(id)).as("a current hash is kept").isEqualTo(upgraded);
	}

	private String passwordHash(UUID id) {
		return jdbc.sql("SELECT password_hash FROM users WHERE id = ?")
			.param(id.toString())
			.query(String.class)
			.single();
	}

	private long passwordChangedAt(UUID id) {
		return jdbc.sql("SELECT password_changed_at FROM users WHERE id = ?")
			.param(id.toString())
			.query(Long.class)
			.single();
	}

}
