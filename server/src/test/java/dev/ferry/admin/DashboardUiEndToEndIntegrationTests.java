package dev.ferry.admin;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The admin dashboard in a real browser: web/e2e/dashboard-e2e.mjs drives Debian's
 * Chromium through playwright-core. This class first makes activity through the API
 * (uploads, a download, failed sign-ins), then checks what the script saw: the charts,
 * the figures, no CSP violation, no serious axe finding. Screenshots land in
 * target/screenshots.
 */
class DashboardUiEndToEndIntegrationTests extends IntegrationTest {

	private static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();

	private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	private static final int FAILED_LOGINS = 3;

	@Test
	void dashboardShowsTheActivityAndIsAccessibleUnderTheCsp() throws Exception {
		requireBrowserTools();
		String admin = adminToken();
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String email = "dash-admin-" + suffix + "@ferry.test";
		String password = "dash-e2e-password-" + UUID.randomUUID();
		createUser(admin, email, password, "admin", "Dana Admin");
		String busiest = "Grace Hopper " + suffix;
		makeActivity(admin, busiest, suffix);

		Path result = SCREENSHOTS.resolve("dashboard-result.json");
		Files.createDirectories(SCREENSHOTS);
		Files.deleteIfExists(result);
		Path log = SCREENSHOTS.resolve("dashboard-e2e.log");
		ProcessBuilder builder = new ProcessBuilder(node(), "e2e/dashboard-e2e.mjs").directory(WEB.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment()
			.putAll(Map.of("FERRY_URL", "http://127.0.0.1:" + port, "FERRY_EMAIL", email, "FERRY_PASSWORD", password,
					"FERRY_DASH_USER", busiest, "FERRY_DASH_MIN_FAILED", Integer.toString(FAILED_LOGINS),
					"FERRY_SCREENSHOTS", SCREENSHOTS.toString(), "FERRY_E2E_RESULT", result.toString(), "CHROMIUM",
					CHROMIUM));
		Process process = builder.start();
		if (!process.waitFor(6, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			fail("the browser run did not finish in 6 minutes; see " + log);
		}
		String output = Files.readString(log);
		assertThat(process.exitValue()).as(output).isZero();

		JsonNode summary = JsonMapper.builder().build().readTree(result.toFile());
		assertThat(summary.get("charts").asInt()).as(output).isGreaterThanOrEqualTo(3);
		assertThat(summary.get("failedLogins").asInt()).isGreaterThanOrEqualTo(FAILED_LOGINS);
		assertThat(summary.get("csp").size()).as(output).isZero();
		assertThat(summary.get("pageErrors").size()).as(output).isZero();
		for (String name : List.of("admin-dashboard", "admin-dashboard-phone", "admin-dashboard-7d")) {
			for (String scheme : List.of("light", "dark")) {
				String screen = name + "-" + scheme;
				assertThat(summary.get("screens").get(screen).size()).as("serious axe violations on " + screen)
					.isZero();
				assertThat(SCREENSHOTS.resolve(screen + ".png")).isNotEmptyFile();
			}
		}
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

	/**
	 * A missing browser or Node fails the test (never skips it): bin/test installs both.
	 */
	private static void requireBrowserTools() {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(Path.of(CHROMIUM))) {
			missing.add("Chromium at " + CHROMIUM + " (apt-get install chromium)");
		}
		if (!Files.isDirectory(WEB.resolve("node_modules/playwright-core"))
				|| !Files.isDirectory(WEB.resolve("node_modules/axe-core"))) {
			missing.add("web/node_modules (build the web module first: mvn -pl web,server ...)");
		}
		if (!missing.isEmpty()) {
			fail("The browser end-to-end test needs " + String.join(", ", missing)
					+ ". Run bin/test, which installs what is missing.");
		}
	}

	private static String node() {
		return System.getenv().getOrDefault("NODE", "node");
	}

}
