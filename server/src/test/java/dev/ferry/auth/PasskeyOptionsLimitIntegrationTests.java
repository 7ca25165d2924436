package dev.ferry.auth;

import java.util.Map;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasskeyOptionsLimitIntegrationTests extends AuthIntegrationTest {

	@Test
	void anonymousPasskeyOptionsAreLimitedPerAddressAndStoreNoChallengeWhenRefused() {
		Api client = api.from("127.0.8.1");
		for (int i = 0; i < 30; i++) {
			assertThat(client.post("/api/v1/auth/passkeys/login/options", Map.of(), null).status()).isEqualTo(200);
		}
		int challenges = challenges();

		Api.Response limited = client.post("/api/v1/auth/passkeys/login/options", Map.of(), null);

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(challenges()).isEqualTo(challenges);
		assertThat(audits("auth.passkey_options")).anySatisfy((row) -> assertThat(row.outcome()).isEqualTo("denied"));
		assertThat(api.from("127.0.8.2").post("/api/v1/auth/passkeys/login/options", Map.of(), null).status())
			.as("another address")
			.isEqualTo(200);
	}

	private int challenges() {
		return jdbc.sql("SELECT COUNT(*) FROM webauthn_challenges").query(Integer.class).single();
	}

}
