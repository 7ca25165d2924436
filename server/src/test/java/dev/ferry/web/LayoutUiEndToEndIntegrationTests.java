package dev.ferry.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Layout in a real browser: web/e2e/layout-e2e.mjs opens sign-in, files, new transfer
 * (with an upload in the tray), account, an admin page, the upload-request page and the
 * share page at 1280×800 and at phone width, and fails when a page's primary button is
 * outside the window once scrolled to, covered by anything (the uploads tray), or when
 * the side navigation stops short of the page's bottom. On the share page it starts a
 * download and waits for the page to say one download fewer, which this class then checks
 * against what the server counted. Screenshots land in target/screenshots.
 */
class LayoutUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("signin", "files", "transfer-new", "account", "admin-users",
			"request-public", "request-invited", "share");

	@Test
	void primaryButtonsAreVisibleAndUncoveredAndTheNavigationRunsTheFullPage() throws Exception {
		String email = "lin." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "layout-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Lin Layout"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		List<String> files = List.of(api.putFile("/layout/report.txt", "layout check: /layout/report.txt\n", token),
				api.putFile("/layout/figures.txt", "layout check: /layout/figures.txt\n", token));
		Api.Response transfer = api.post("/api/v1/transfers",
				Map.of("title", "Layout", "file_ids", files, "link", Map.of("max_downloads", 2)), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String shareToken = transfer.json().get("link").get("token").asString();
		Api.Response request = api.post("/api/v1/upload-requests",
				Map.of("title", "Layout inbox", "max_files", 5, "max_total_bytes", 1_000_000), token);
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		Api.Response invited = api.post("/api/v1/upload-requests", Map.of("title", "Layout invited inbox", "max_files",
				5, "max_total_bytes", 1_000_000, "allowed_emails", List.of("guest@example.com")), token);
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);

		JsonNode summary = BrowserRun.run("layout", port,
				Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password, "FERRY_SHARE_PATH", "/s/" + shareToken,
						"FERRY_REQUEST_PATH", "/u/" + request.json().get("token").asString(),
						"FERRY_INVITED_REQUEST_PATH", "/u/" + invited.json().get("token").asString()),
				Duration.ofMinutes(6));

		for (String screen : SCREENS) {
			for (String size : List.of("desktop", "phone")) {
				assertThat(BrowserRun.SCREENSHOTS.resolve("layout-" + screen + "-" + size + ".png")).isNotEmptyFile();
			}
		}
		assertThat(summary.get("checked").size()).isEqualTo(SCREENS.size() * 2);
		assertThat(summary.get("downloadsLeft").get(0).asString()).contains("2 downloads left");
		assertThat(summary.get("downloadsLeft").get(1).asString()).contains("1 download left");
		Api.Response share = api.get("/api/v1/share/" + shareToken, null);
		assertThat(share.json().get("downloads_left").asInt()).as("what the server counted").isEqualTo(1);
	}

}
