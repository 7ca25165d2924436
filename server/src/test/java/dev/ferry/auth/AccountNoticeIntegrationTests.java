package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Devices and the notices around them, and the forced change of an expired password.
 */
class AccountNoticeIntegrationTests extends AccountMailTest {

	@Test
	void aSignInFromANewDeviceIsAuditedAndMailedTheKnownOneIsNot() {
		String email = createUser("device");

		Api.Response first = browserLogin(email, null);
		String device = cookie(first, ClientInfo.DEVICE_COOKIE);
		browserLogin(email, device);
		Api.Response other = browserLogin(email, "another-device-id");

		assertThat(first.header("Set-Cookie")).isNotNull();
		assertThat(other.headers().get("set-cookie")).noneMatch((c) -> c.startsWith(ClientInfo.DEVICE_COOKIE));
		String userId = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
		assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'auth.new_device' AND object_id = ?")
			.param(userId)
			.query(String.class)
			.list()).singleElement()
			.satisfies((details) -> assertThat(details).contains("\"notified\":true", "NoticeTest/1.0"));
		assertThat(mailTo(email, 1)).hasSize(1)
			.allSatisfy((message) -> assertThat(subject(message)).isEqualTo("New sign-in to your Ferry account"));
	}

	@Test
	void anExpiredPasswordMustBeChangedBeforeAnythingElse() {
		String email = createUser("expired");
		jdbc.sql("UPDATE users SET password_changed_at = ? WHERE email = ?")
			.params(clock.instant().minus(Duration.ofDays(91)).toEpochMilli(), email)
			.update();

		JsonNode signIn = signIn(email, PASSWORD);
		String token = signIn.get("access_token").asString();
		assertThat(signIn.get("password_change_required").asBoolean()).isTrue();
		Api.Response blocked = api.get("/api/v1/auth/sessions", token);
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.json().get("type").asString()).isEqualTo("/problems/password-change-required");

		Api.Response same = change(token, PASSWORD, PASSWORD);
		Api.Response changed = change(token, PASSWORD, "renewed-passphrase-Tg5");

		assertThat(same.status()).isEqualTo(400);
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/auth/sessions", token).status()).isEqualTo(200);
		assertThat(signIn(email, "renewed-passphrase-Tg5").has("password_change_required")).isFalse();
	}

	@Test
	void anAdminResetOfTwoFactorIsMailedToTheUser() {
		String email = createUser("reset-mail");
		String id = jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();

		Api.Response reset = api.post("/api/v1/admin/users/" + id + "/2fa/reset", Map.of(), adminToken());

		assertThat(reset.status()).isEqualTo(204);
		assertThat(subject(mailTo(email, 1).get(0))).contains("Two-factor authentication was reset");
	}

	private Api.Response browserLogin(String email, String device) {
		HttpRequest.Builder request = api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.header("User-Agent", "NoticeTest/1.0")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"use_cookie\":true}"));
		if (device != null) {
			request.header("Cookie", ClientInfo.DEVICE_COOKIE + "=" + device);
		}
		Api.Response response = api.send(request);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response;
	}

	private Api.Response change(String token, String current, String next) {
		return api.post("/api/v1/auth/password", Map.of("current_password", current, "new_password", next), token);
	}

	private static String cookie(Api.Response response, String name) {
		String header = response.headers()
			.get("set-cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.findFirst()
			.orElseThrow();
		return header.substring(name.length() + 1, header.indexOf(';'));
	}

}
