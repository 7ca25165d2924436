package dev.ferry.admin;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin dashboard in a real browser: web/e2e/dashboard-e2e.mjs drives Debian's
 * Chromium through playwright-core. This class first makes activity through the API
 * (uploads, a download, failed sign-ins), then checks what the script saw: the charts,
 * the figures, no CSP violation, no serious axe finding. Screenshots land in
 * target/screenshots.
 */
class DashboardUiEndToEndIntegrationTests extends IntegrationTest {

	private static final int FAILED_LOGINS = 3;

	@Test
	void dashboardShowsTheActivityAndIsAccessibleUnderTheCsp() throws Exception {
		String admin = adminToken();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String email = "dash-admin-" + suffix + "@ferry.test";
		String password = "dash-e2e-password-" + UUID.randomUUID();
		createUser(admin, email, password, "admin", "Dana Admin");
		String busiest = "Grace Hopper " + suffix;
		makeActivity(admin, busiest, suffix);

		JsonNode summary = BrowserRun.run("dashboard", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password,
				"FERRY_DASH_USER", busiest, "FERRY_DASH_MIN_FAILED", Integer.toString(FAILED_LOGINS)),
				Duration.ofMinutes(6));
		assertThat(summary.get("charts").asInt()).isGreaterThanOrEqualTo(3);
		assertThat(summary.get("failedLogins").asInt()).isGreaterThanOrEqualTo(FAILED_LOGINS);
		BrowserRun.assertScreens(summary, List.of("admin-dashboard", "admin-dashboard-phone", "admin-dashboard-7d"));
	}

	/**
	 * Three accounts with different amounts stored (one close to its quota), a download
	 * and a few wrong passwords, so every chart has something to draw.
	 */
	private void makeActivity(String admin, String busiest, String suffix) {
		String grace = "grace-" + suffix + "@ferry.test";
		String alan = "alan-" + suffix + "@ferry.test";
		String ada = "ada-" + suffix + "@ferry.test";
		String userPassword = "dash-user-password-" + suffix;
		String graceId = createUser(admin, grace, userPassword, "user", busiest);
		createUser(admin, alan, userPassword, "user", "Alan Turing " + suffix);
		createUser(admin, ada, userPassword, "user", null);
		Api.Response quota = api.patch("/api/v1/admin/users/" + graceId, Map.of("quota_bytes", 4_000_000), admin);
		assertThat(quota.status()).as(quota.body()).isEqualTo(200);

		String graceToken = api.login(grace, userPassword);
		String fileId = upload(graceToken, "/reports/q3-figures.bin", 2_100_000);
		upload(graceToken, "/reports/q4-draft.bin", 1_300_000);
		upload(api.login(alan, userPassword), "/designs/enigma.bin", 1_200_000);
		upload(api.login(ada, userPassword), "/notes.txt", 180_000);
		Api.Response download = api.get("/api/v1/files/" + fileId + "/download", graceToken);
		assertThat(download.status()).isEqualTo(200);
		for (int i = 0; i < FAILED_LOGINS; i++) {
			Api.Response refused = api.post("/api/v1/auth/login",
					Map.of("email", alan, "password", "not-the-password-" + i), null);
			assertThat(refused.status()).isEqualTo(401);
		}
	}

	private String createUser(String admin, String email, String password, String role, String name) {
		Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", password, "role", role));
		if (name != null) {
			body.put("name", name);
		}
		Api.Response created = api.post("/api/v1/admin/users", body, admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	private String upload(String token, String path, int size) {
		byte[] content = new byte[size];
		new Random(size).nextBytes(content);
		Api.Response response = api.send(api.builder("/api/v1/files/content?path=" + path, token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

}
