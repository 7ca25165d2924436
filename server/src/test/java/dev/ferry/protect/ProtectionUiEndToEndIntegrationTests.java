package dev.ferry.protect;

import java.net.http.HttpRequest;
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
 * The protection screens in a real browser (web/e2e/protect-e2e.mjs, Debian's Chromium):
 * bans and alerts in words, the upload policy editor, and the file list with a
 * quarantined file. The ban, the alerts and the scanner's verdict are written as the
 * defender, the alert rules and the scan worker write them (the real paths are proved in
 * ProtectionIntegrationTests and MalwareScanIntegrationTests); the policy goes through
 * the API. Screenshots land in target/screenshots.
 */
class ProtectionUiEndToEndIntegrationTests extends IntegrationTest {

	private static final String BANNED = "203.0.113.77";

	private static final String SIGNATURE = "Eicar-Test-Signature";

	@Autowired
	JdbcClient jdbc;

	@Test
	void bansAlertsThePolicyAndAQuarantinedFileAreShownInWords() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String email = "protect-ui-" + suffix + "@ferry.test";
		String password = "protect-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Pat Protector"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		String name = "invoice-" + suffix + ".pdf.exe";
		quarantine(upload(token, "/" + name));
		upload(token, "/minutes-" + suffix + ".txt");
		seedBanAndAlerts(email);
		Api.Response policy = putPolicy(token, List.of(Map.of("name", "Only text for admins", "roles", List.of("admin"),
				"allowed_extensions", List.of(".txt", ".pdf.exe"), "max_size", 1_000_000)));
		assertThat(policy.status()).as(policy.body()).isEqualTo(200);
		try {
			JsonNode summary = BrowserRun.run("protect", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password,
					"FERRY_BANNED", BANNED, "FERRY_QUARANTINED", name, "FERRY_SIGNATURE", SIGNATURE),
					Duration.ofMinutes(5));
			assertThat(summary.get("downloadDisabled").asBoolean()).isTrue();
			assertThat(summary.get("refusal").asString()).contains(
					"Upload policy rule 1 (\"Only text for admins\") allows only files ending in .txt, .pdf.exe.");
			BrowserRun.assertScreens(summary, List.of("admin-protection", "admin-upload-policy", "files-quarantined"));
		}
		finally {
			assertThat(putPolicy(token, List.of()).status()).isEqualTo(200);
			// The server is shared: later browser runs expect no ban and no seeded alert.
			jdbc.sql("DELETE FROM defender_bans WHERE address = ?").param(BANNED).update();
			jdbc.sql("DELETE FROM alerts WHERE kind IN ('address_banned', 'account_many_addresses', 'file_infected')")
				.update();
		}
	}

	private String upload(String token, String path) {
		Api.Response file = api.send(api.builder("/api/v1/files/content?path=" + path, token)
			.PUT(HttpRequest.BodyPublishers
				.ofString("X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*")));
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		return file.json().get("id").asString();
	}

	private void quarantine(String fileId) {
		jdbc.sql("UPDATE files SET scan_status = 'infected', scan_signature = ? WHERE id = ?")
			.params(SIGNATURE, fileId)
			.update();
	}

	private Api.Response putPolicy(String token, List<Map<String, Object>> rules) {
		return api.send(api.builder("/api/v1/admin/upload-policy", token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(tools.jackson.databind.json.JsonMapper.builder()
				.build()
				.writeValueAsString(Map.of("rules", rules)))));
	}

	private void seedBanAndAlerts(String email) {
		long now = System.currentTimeMillis();
		jdbc.sql("INSERT INTO defender_bans (address, reason, strikes, banned_at, banned_until) VALUES (?, ?, ?, ?, ?)")
			.params(BANNED, "failed_credentials", 2, now, now + Duration.ofMinutes(30).toMillis())
			.update();
		alert("address_banned", BANNED,
				"Address " + BANNED + " was banned until " + java.time.Instant.ofEpochMilli(now + 1_800_000)
						+ " after wrong passwords, codes or tokens (ban number 2).",
				now);
		alert("account_many_addresses", "user:" + UUID.randomUUID(), "The account " + email
				+ " failed to sign in from 5 addresses within 10 minutes, among them 198.51.100.23.", now + 1);
		alert("file_infected", "file:" + UUID.randomUUID(), "The malware scanner found " + SIGNATURE
				+ " in /invoice.pdf.exe of account " + email + "; the file is quarantined.", now + 2);
	}

	private void alert(String kind, String subject, String detail, long at) {
		jdbc.sql("INSERT INTO alerts (id, kind, subject, detail, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID().toString(), kind, subject, detail, at)
			.update();
	}

}
