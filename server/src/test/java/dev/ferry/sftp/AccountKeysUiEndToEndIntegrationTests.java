package dev.ferry.sftp;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account page's SSH keys and webhooks in a real browser
 * (web/e2e/account-keys-e2e.mjs, Debian's Chromium): a key made by ssh-keygen is added
 * and shown with the fingerprint ssh-keygen computes, a webhook's secret is shown once,
 * the key is deleted again.
 */
class AccountKeysUiEndToEndIntegrationTests extends IntegrationTest {

	@TempDir
	Path dir;

	@Test
	void anSshKeyAndAWebhookAreManagedFromTheAccountPage() throws Exception {
		String email = "keys-ui-" + UUID.randomUUID().toString().substring(0, 6) + "@ferry.test";
		String password = "keys-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Kim Keys"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		SftpClients clients = new SftpClients(0, dir);
		Path key = clients.newKey("ed25519", "laptop");

		JsonNode summary = BrowserRun.run("account-keys", port,
				Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password, "FERRY_SSH_KEY", clients.publicKey(key)),
				Duration.ofMinutes(5));

		assertThat(summary.get("fingerprint").asString()).isEqualTo(clients.fingerprint(key));
		assertThat(summary.get("secret").asString()).startsWith("whsec_");
		BrowserRun.assertScreens(summary, List.of("account-keys"));
		String token = api.login(email, password);
		assertThat(api.get("/api/v1/auth/ssh-keys", token).json().get("items")).isEmpty();
	}

}
