package dev.ferry.auth;

import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code FERRY_REGISTRATION=open}, on the time-travel server (see
 * {@link TimeTravelTest}).
 */
class OpenRegistrationIntegrationTests extends TimeTravelTest {

	@Test
	void anyoneMayRegisterAsAUserAndSignIn() {
		String email = "open-" + UUID.randomUUID() + "@ferry.test";

		Api.Response registered = api.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD), null);

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("user");
		assertThat(registered.json().get("id").asString()).isNotBlank();
		String token = api.login(email, PASSWORD);
		assertThat(api.get("/api/v1/me", token).json().get("email").asString()).isEqualTo(email);
		assertThat(auditDetails("auth.register")).isNotEmpty();
	}

	@Test
	void registeringATakenEmailIsAConflict() {
		String email = register("taken-" + UUID.randomUUID() + "@ferry.test");

		Api.Response again = api.post("/api/v1/auth/register",
				Map.of("email", email.toUpperCase(), "password", PASSWORD), null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("type").asString()).isEqualTo("/problems/email-taken");
		assertThat(auditDetails("auth.register")).as("the refusal is on the trail")
			.anySatisfy((details) -> assertThat(details).contains("email_taken").contains(email));
	}

	@Test
	void anInvitationStillGrantsItsRole() {
		String email = "promoted-" + UUID.randomUUID() + "@ferry.test";
		String invitation = api.post("/api/v1/admin/invitations", Map.of("email", email, "role", "admin"), adminToken())
			.json()
			.get("token")
			.asString();

		Api.Response registered = api.post("/api/v1/auth/register",
				Map.of("email", email, "password", PASSWORD, "invitation_token", invitation), null);

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("admin");
	}

	@Test
	void aBadInvitationIsRefusedEvenWhenRegistrationIsOpen() {
		Api.Response response = api.post("/api/v1/auth/register", Map.of("email",
				"bad-inv-" + UUID.randomUUID() + "@ferry.test", "password", PASSWORD, "invitation_token", "nope"),
				null);
		assertThat(response.status()).isEqualTo(403);
	}

}
