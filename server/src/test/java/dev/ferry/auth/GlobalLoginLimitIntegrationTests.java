package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server-wide count of wrong passwords, on a server of its own where it is small: one
 * wrong password each for many accounts from many addresses still runs it out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "ferry.auth.login-attempts-global=5")
class GlobalLoginLimitIntegrationTests {

	private static final String PASSWORD = "global-limit-passphrase-Hd4";

	@LocalServerPort
	int port;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "global-limit");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void guessingSpreadOverAccountsAndAddressesMeetsTheServerWideLimitButNotKnownDevices() {
		String admin = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		List<String> accounts = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			String email = "global-" + UUID.randomUUID() + "@ferry.test";
			assertThat(
					api.post("/api/v1/admin/users", Map.of("email", email, "password", PASSWORD, "role", "user"), admin)
						.status())
				.isEqualTo(201);
			accounts.add(email);
		}
		Api.Response owner = login("127.0.10.9", accounts.get(5), PASSWORD, null);
		assertThat(owner.status()).isEqualTo(200);
		String device = owner.header("Set-Cookie").replaceAll("^[^=]+=([^;]+);.*$", "$1");
		for (int i = 0; i < 5; i++) {
			assertThat(login("127.0.10." + (i + 1), accounts.get(i), "wrong-guess", null).status()).isEqualTo(401);
		}

		Api.Response limited = login("127.0.10.6", accounts.get(5), PASSWORD, null);
		Api.Response knownDevice = login("127.0.10.9", accounts.get(5), PASSWORD, device);

		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(knownDevice.status()).as(knownDevice.body()).isEqualTo(200);
	}

	private Api.Response login(String address, String email, String password, String device) {
		HttpRequest.Builder request = api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
		if (device != null) {
			request.header("Cookie", ClientInfo.DEVICE_COOKIE + "=" + device);
		}
		return api.from(address).send(request);
	}

}
