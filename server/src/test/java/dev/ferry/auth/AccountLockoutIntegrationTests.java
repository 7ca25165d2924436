package dev.ferry.auth;

import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guessing limits that hold per account, not only per client address: requests come from
 * real, different loopback addresses (127.0.0.2, 127.0.0.3...).
 */
class AccountLockoutIntegrationTests extends AccountMailTest {

	private static final String WRONG = "wrong-password-guess";

	@Test
	void theAccountLocksWhateverTheAddressIsMailedAuditedAndAnAdminCanLiftIt() {
		String email = createUser("lockout");
		String id = userId(email);
		for (String address : new String[] { "127.0.0.2", "127.0.0.3" }) {
			for (int i = 0; i < 10; i++) {
				assertThat(login(address, email, WRONG, null).status()).isEqualTo(401);
			}
		}

		Api.Response right = login("127.0.0.4", email, PASSWORD, null);
		Api.Response wrong = login("127.0.0.5", email, WRONG, null);

		assertThat(right.status()).as("the right password from a fresh address").isEqualTo(429);
		assertThat(right.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(Long.parseLong(right.header("Retry-After"))).isPositive();
		assertThat(wrong.status()).isEqualTo(429);
		assertThat(wrong.json().get("type").asString()).as("a locked answer does not tell right from wrong")
			.isEqualTo(right.json().get("type").asString());
		assertThat(wrong.json().get("title").asString()).isEqualTo(right.json().get("title").asString());
		assertThat(auditDetails("auth.lockout")).anySatisfy((details) -> assertThat(details).contains("auth.login"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.lockout' AND object_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).as("one lockout record, however many refusals").isEqualTo(1);
		assertThat(mailTo(email, 1)).singleElement()
			.satisfies((message) -> assertThat(subject(message)).isEqualTo("Sign-in to your Ferry account was paused"));

		Api.Response lifted = api.delete("/api/v1/admin/users/" + id + "/lockout", adminToken());

		assertThat(lifted.status()).as(lifted.body()).isEqualTo(204);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'admin.user_lockout_lift' AND object_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(login("127.0.0.4", email, PASSWORD, null).status()).isEqualTo(200);
	}

	@Test
	void onlyAnAdminCanLiftALockout() {
		String email = createUser("lift-denied");
		String other = createUser("lift-caller");
		String token = api.login(other, PASSWORD);

		Api.Response denied = api.delete("/api/v1/admin/users/" + userId(email) + "/lockout", token);
		Api.Response unknown = api.delete("/api/v1/admin/users/" + UUID.randomUUID() + "/lockout", adminToken());

		assertThat(denied.status()).isEqualTo(403);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(auditDetails("admin.user_lockout_lift")).isNotEmpty();
	}

	@Test
	void aDeviceThatSignedInBeforeKeepsItsOwnAllowance() {
		String email = createUser("known-device");
		Api.Response first = login("127.0.0.2", email, PASSWORD, null);
		assertThat(first.status()).isEqualTo(200);
		String device = first.headers()
			.get("set-cookie")
			.stream()
			.filter((c) -> c.startsWith(ClientInfo.DEVICE_COOKIE + "="))
			.map((c) -> c.substring(c.indexOf('=') + 1, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		for (String address : new String[] { "127.0.0.3", "127.0.0.4" }) {
			for (int i = 0; i < 10; i++) {
				login(address, email, WRONG, null);
			}
		}
		assertThat(login("127.0.0.6", email, PASSWORD, null).status()).as("a new device").isEqualTo(429);
		assertThat(login("127.0.0.6", email, PASSWORD, "a-device-id-the-account-never-used").status())
			.as("an unknown device cookie")
			.isEqualTo(429);

		Api.Response owner = login("127.0.0.6", email, PASSWORD, device);

		assertThat(owner.status()).as(owner.body()).isEqualTo(200);
	}

	@Test
	void wrongCurrentPasswordsWhenChangingItGet429() {
		String email = createUser("change-limit");
		String token = api.login(email, PASSWORD);
		Map<String, String> wrong = Map.of("current_password", WRONG, "new_password", "changed-passphrase-Jd8");
		for (int i = 0; i < 10; i++) {
			assertThat(api.post("/api/v1/auth/password", wrong, token).status()).isEqualTo(400);
		}

		Api.Response limited = api.post("/api/v1/auth/password",
				Map.of("current_password", PASSWORD, "new_password", "changed-passphrase-Jd8"), token);

		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(auditDetails("auth.password_change")).anySatisfy((d) -> assertThat(d).contains("rate_limited"));
	}

	@Test
	void resetRequestsAreLimitedPerAccountAndPerAddressAndAlwaysAnswer202() {
		String email = createUser("reset-limit");
		String id = userId(email);
		for (int i = 0; i < 25; i++) {
			String address = "127.0.1." + (i % 5 + 1);
			Api.Response response = api.from(address).post("/api/v1/auth/password-reset", Map.of("email", email), null);
			assertThat(response.status()).isEqualTo(202);
		}
		for (int i = 0; i < 11; i++) {
			Api.Response response = api.from("127.0.1.9")
				.post("/api/v1/auth/password-reset", Map.of("email", "nobody-" + i + "@ferry.test"), null);
			assertThat(response.status()).isEqualTo(202);
		}

		await().until(() -> resetMails(id) == 3);
		assertThat(mailTo(email, 3)).hasSize(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM password_resets WHERE user_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThat(auditDetails("auth.password_reset_request"))
			.filteredOn((details) -> details.contains("rate_limited"))
			.filteredOn((details) -> details.contains(email))
			.hasSize(22);
		assertThat(auditDetails("auth.password_reset_request"))
			.filteredOn((details) -> details.contains("rate_limited"))
			.filteredOn((details) -> details.contains("nobody-10@ferry.test"))
			.as("the eleventh request from one address")
			.hasSize(1);
	}

	@Test
	void openRegistrationIsLimitedPerAddress() {
		for (int i = 0; i < 10; i++) {
			assertThat(register("127.0.2.1", "open-" + UUID.randomUUID() + "@ferry.test").status()).isEqualTo(201);
		}

		Api.Response limited = register("127.0.2.1", "open-" + UUID.randomUUID() + "@ferry.test");

		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(register("127.0.2.2", "open-" + UUID.randomUUID() + "@ferry.test").status()).as("another address")
			.isEqualTo(201);
		assertThat(auditDetails("auth.register")).anySatisfy((details) -> assertThat(details).contains("rate_limited"));
	}

	private Api.Response register(String address, String email) {
		return api.from(address).post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD), null);
	}

	private int resetMails(String id) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.password_reset_issue' AND object_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private Api.Response login(String address, String email, String password, String device) {
		var request = api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
		if (device != null) {
			request.header("Cookie", ClientInfo.DEVICE_COOKIE + "=" + device);
		}
		return api.from(address).send(request);
	}

	private String userId(String email) {
		return jdbc.sql("SELECT id FROM users WHERE email = ?").param(email).query(String.class).single();
	}

}
