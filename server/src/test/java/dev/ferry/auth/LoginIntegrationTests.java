package dev.ferry.auth;

import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginIntegrationTests extends IntegrationTest {

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

}
