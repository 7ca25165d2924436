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
 * Native downloads in a real browser: web/e2e/downloads-e2e.mjs downloads an owner file
 * from the Files page, the audit export and a password-protected share file, and checks
 * that Chromium's download manager saved each (same SHA-256 as uploaded) from a ticket
 * URL, with no script fetching the file with the Authorization header.
 */
class DownloadUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("downloads-files", "downloads-share");

	@Test
	void filesAuditExportsAndLockedSharesDownloadNatively() throws Exception {
		String email = "dl." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "downloads-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Download"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		JsonNode summary = BrowserRun.run("downloads", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(6));
		for (String download : List.of("owner-file", "share-file")) {
			assertThat(summary.get("downloads").get(download).get("size").asLong()).as(download).isEqualTo(3_000_000);
			assertThat(summary.get("downloads").get(download).get("ticket").asBoolean()).as(download).isTrue();
		}
		assertThat(summary.get("downloads").get("audit-export").get("filename").asString()).endsWith(".csv");
		BrowserRun.assertScreens(summary, SCREENS);
		BrowserRun.assertPhoneShots(SCREENS);
	}

}
