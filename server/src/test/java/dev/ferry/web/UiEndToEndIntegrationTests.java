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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
			"admin-audit", "admin-protection", "setup", "register");

	@Autowired
	JdbcClient jdbc;

	@Test
	void uploadResumesAcrossAReloadAndEveryScreenIsAccessibleUnderTheCsp() throws Exception {
		String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "ui-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		seedBanAndAlert();

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
		assertThat(api.get("/api/v1/admin/bans", adminToken()).body()).as("lifted in the UI")
			.doesNotContain("203.0.113.99");
	}

	/**
	 * A ban as the defender stores it, for the bans and alerts screen: this shared server
	 * exempts loopback, so no test client can get banned for real here
	 * (ProtectionIntegrationTests does that).
	 */
	private void seedBanAndAlert() {
		long now = System.currentTimeMillis();
		jdbc.sql("INSERT INTO defender_bans (address, reason, strikes, banned_at, banned_until) VALUES (?, ?, ?, ?, ?)")
			.params("203.0.113.99", "failed_credentials", 2, now, now + Duration.ofMinutes(30).toMillis())
			.update();
		jdbc.sql("INSERT INTO alerts (id, kind, subject, detail, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), "address_banned", "203.0.113.99",
					"Address 203.0.113.99 was banned for 30 minutes after wrong passwords, codes or tokens (ban number 2).",
					now)
			.update();
	}

}
