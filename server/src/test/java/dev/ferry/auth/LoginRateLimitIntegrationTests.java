package dev.ferry.auth;

import java.util.Map;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRateLimitIntegrationTests extends AuthIntegrationTest {

	@Test
	void tenFailuresForOneAccountFromOneAddressAnswer429WithRetryAfter() {
		Account user = createAccount("user");
		for (int i = 0; i < 10; i++) {
			assertThat(attempt(user.email(), "wrong-password-" + i).status()).isEqualTo(401);
		}

		Api.Response limited = attempt(user.email(), "wrong-password-again");
		Api.Response evenRight = attempt(user.email(), PASSWORD);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 15L * 60);
		assertThat(evenRight.status()).isEqualTo(429);
		assertThat(audits("auth.login")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("denied");
			assertThat(row.details()).contains("rate_limited").contains(user.email());
		});
		assertThat(adminToken()).as("other accounts from the same address").isNotBlank();
	}

	@Test
	void successfulSignInsDoNotCount() {
		Account user = createAccount("user");
		for (int i = 0; i < 12; i++) {
			assertThat(attempt(user.email(), PASSWORD).status()).isEqualTo(200);
		}
	}

	private Api.Response attempt(String email, String password) {
		return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
	}

}
