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
 * The web UI in a real browser: web/e2e/ui-e2e.mjs drives Debian's Chromium through
 * playwright-core against this server. It signs in, uploads 50 MB over a throttled link,
 * reloads halfway and checks that tus continues from the server's offset, downloads the
 * file with the same SHA-256, scans every main screen with axe-core and fails on any CSP
 * violation. Screenshots (light and dark) land in target/screenshots.
 */
class UiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("signin", "files", "files-uploading", "files-resume",
			"files-delete-confirm", "files-no-match", "account", "account-api-key-created", "admin-users",
			"admin-audit", "setup", "register");

	@Test
	void uploadResumesAcrossAReloadAndEveryScreenIsAccessibleUnderTheCsp() throws Exception {
		String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "ui-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode summary = BrowserRun.run("ui", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(12));
		JsonNode upload = summary.get("upload");
		long offset = upload.get("offsetAfterReload").asLong();
		assertThat(offset).as("bytes the server kept when the page reloaded")
			.isPositive()
			.isLessThan(upload.get("size").asLong());
		assertThat(upload.get("firstPatchOffset").asLong()).as("where the upload continued")
			.isGreaterThanOrEqualTo(offset)
			.isLessThan(upload.get("size").asLong());
		assertThat(upload.get("postsAfterReload").asInt()).as("new uploads created after the reload").isZero();
		assertThat(upload.get("downloadedSha256").asString()).isEqualTo(upload.get("sha256").asString());

		BrowserRun.assertScreens(summary, SCREENS);
		BrowserRun.assertPhoneShots(List.of("files"));
	}

}
