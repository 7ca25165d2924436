package dev.ferry.auth;

import java.util.Map;
import java.util.UUID;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration in the default mode, {@code FERRY_REGISTRATION=invite}. */
class RegistrationIntegrationTests extends AuthIntegrationTest {

	@Test
	void invitedPersonRegistersOnceWithTheInvitationsRole() {
		String email = "invited-" + UUID.randomUUID() + "@ferry.test";
		Api.Response invitation = api.post("/api/v1/admin/invitations", Map.of("email", email, "role", "guest"),
				adminToken());
		assertThat(invitation.status()).isEqualTo(201);
		JsonNode body = invitation.json();
		String token = body.get("token").asString();
		assertThat(body.get("url").asString()).startsWith("http://").endsWith("/register#invitation=" + token);
		assertThat(body.get("email").asString()).isEqualTo(email);
		assertThat(body.get("role").asString()).isEqualTo("guest");
		assertThat(body.get("expires_at").asString()).endsWith("Z");
		assertThat(jdbc.sql("SELECT token_hash FROM invitations WHERE id = ?")
			.param(body.get("id").asString())
			.query(String.class)
			.single()).isEqualTo(SecureTokens.hash(token));

		Api.Response wrongEmail = register("someone-else-" + UUID.randomUUID() + "@ferry.test", token);
		Api.Response registered = register(email, token);
		Api.Response again = register("x" + email, token);

		assertThat(wrongEmail.status()).isEqualTo(403);
		assertThat(wrongEmail.json().get("type").asString()).isEqualTo("/problems/invalid-invitation");
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		assertThat(registered.json().get("role").asString()).isEqualTo("guest");
		assertThat(registered.json().get("name").asString()).isEqualTo("New Person");
		assertThat(again.status()).isEqualTo(403);
		JsonNode me = api.get("/api/v1/me", api.login(email, PASSWORD)).json();
		assertThat(me.get("role").asString()).isEqualTo("guest");
		assertThat(me.get("name").asString()).as("the name shown in the UI's menu").isEqualTo("New Person");
		assertThat(audits("invitation.accept"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(body.get("id").asString()));
		assertThat(audits("auth.register"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(registered.json().get("id").asString()));
		assertThat(audits("invitation.create"))
			.anySatisfy((row) -> assertThat(row.objectId()).isEqualTo(body.get("id").asString()));
	}

	@Test
	void withoutAnInvitationRegistrationIsRefused() {
		Api.Response response = api.post("/api/v1/auth/register",
				Map.of("email", "walk-in-" + UUID.randomUUID() + "@ferry.test", "password", PASSWORD), null);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/invitation-required");
		assertThat(audits("auth.register")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("denied");
			assertThat(row.details()).contains("invitation_required");
		});
	}

	@Test
	void unknownInvitationIsRefused() {
		Api.Response response = register("guess-" + UUID.randomUUID() + "@ferry.test", SecureTokens.generate(""));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-invitation");
	}

	@Test
	void shortPasswordAndBadEmailAreFieldErrors() {
		Api.Response response = api.post("/api/v1/auth/register",
				Map.of("email", "nope", "password", "eleven-char", "invitation_token", "t"), null);
		assertThat(fields(response)).containsExactlyInAnyOrder("email", "password");
		assertThat(response.body()).contains("at least 12 characters");
	}

	@Test
	void invitingAnExistingAccountIsAConflictAndBadInputAFieldError() {
		Account existing = createAccount("user");
		String admin = adminToken();

		Api.Response conflict = api.post("/api/v1/admin/invitations", Map.of("email", existing.email(), "role", "user"),
				admin);
		Api.Response invalid = api.post("/api/v1/admin/invitations", Map.of("email", "x", "role", "owner"), admin);

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(fields(invalid)).containsExactlyInAnyOrder("email", "role");
	}

	private Api.Response register(String email, String invitationToken) {
		return api.post("/api/v1/auth/register",
				Map.of("email", email, "password", PASSWORD, "name", "New Person", "invitation_token", invitationToken),
				null);
	}

}
