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
 * Sharing in a real browser: web/e2e/share-e2e.mjs creates a transfer with a password and
 * a download limit, opens the link in a second browser profile without an account,
 * unlocks it, downloads the file with the same SHA-256 and finds the download in the
 * sender's activity and the audit log; a second link with "Require a CAPTCHA" opens once
 * the stranger's browser solved its ALTCHA proof of work, and serves the same bytes. The
 * new screens are scanned with axe-core in light and dark.
 */
class ShareUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("transfer-new", "transfer-created", "share-locked",
			"share-files", "share-not-found", "transfers", "request-created", "request-public", "requests",
			"share-captcha");

	@Test
	void aStrangerUnlocksASharedLinkAndDownloadsTheExactFile() throws Exception {
		String email = "grace." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "share-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Grace Hopper"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode summary = BrowserRun.run("share", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(6));
		assertThat(summary.get("download").get("size").asLong()).isEqualTo(1_500_000);
		assertThat(summary.get("captchaDownload").get("sha256").asString())
			.isEqualTo(summary.get("download").get("sha256").asString());
		assertThat(summary.get("firstLinkAfterSameName").get("sha256").asString())
			.as("a later transfer's file of the same name is not a new version of the first one's")
			.isEqualTo(summary.get("download").get("sha256").asString());
		BrowserRun.assertScreens(summary, SCREENS);
	}

}
