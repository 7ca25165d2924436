package dev.ferry.auth;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data exports on the mail-enabled server (GreenMail): the request is a row the
 * background worker turns into a ZIP, the link arrives by mail, and the ZIP holds the
 * account, its sessions, the audit records about it, the file list and the files. It
 * lives with the account mail tests to share their server.
 */
class DataExportIntegrationTests extends AccountMailTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anExportIsBuiltInTheBackgroundMailedAndHoldsEverythingAboutTheAccount() throws Exception {
		String email = createUser("export");
		String token = signIn(email, PASSWORD).get("access_token").asString();
		String folder = "/export-" + UUID.randomUUID();
		put(token, folder + "/notes.txt", "my own notes");
		put(token, folder + "/deep/data.csv", "name,email\nAnn,ann@example.org\n");
		// Someone else whose address contains this one's: their records are not this
		// account's personal data.
		String longer = "jo" + email;
		assertThat(api.post("/api/v1/auth/login", Map.of("email", longer, "password", "wrong"), null).status())
			.isEqualTo(401);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE ?")
			.param("%\"" + longer + "\"%")
			.query(Long.class)
			.single()).isPositive();

		// An administrator looks at the account: the record is about it, who looked is
		// not.
		String userId = api.get("/api/v1/me", token).json().get("id").asString();
		assertThat(api.get("/api/v1/admin/users/" + userId, adminToken()).status()).isEqualTo(200);

		Api.Response requested = api.post("/api/v1/me/export", "", token);
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		assertThat(requested.json().get("status").asString()).isIn("pending", "building", "ready");

		MimeMessage mail = mailTo(email, 1).get(0);
		assertThat(subject(mail)).isEqualTo("Your Ferry data export is ready");
		String link = find(mail, "(/api/v1/exports/fyx_[A-Za-z0-9_-]+)");

		Map<String, byte[]> zip = download(link);
		assertThat(zip).containsKeys("account.json", "sessions.json", "audit.jsonl", "files.json");
		JsonNode account = JSON.readTree(zip.get("account.json"));
		assertThat(account.get("email").asString()).isEqualTo(email);
		assertThat(account.has("password_hash")).isFalse();
		assertThat(JSON.readTree(zip.get("sessions.json")).size()).isPositive();
		String audit = new String(zip.get("audit.jsonl"), StandardCharsets.UTF_8);
		assertThat(audit).contains("\"auth.login\"", "\"gdpr.export_request\"").doesNotContain(longer);
		assertThat(audit.lines()).allSatisfy((line) -> assertThat(JSON.readTree(line).has("action")).isTrue());
		JsonNode looked = audit.lines()
			.map(JSON::readTree)
			.filter((line) -> line.get("action").asString().equals("admin.user_read"))
			.findFirst()
			.orElseThrow();
		assertThat(looked.get("actor").get("type").asString()).isEqualTo("user");
		assertThat(looked.get("actor").get("id").isNull()).isTrue();
		assertThat(looked.get("ip").isNull()).isTrue();
		assertThat(audit).doesNotContain(IntegrationTest.ADMIN_EMAIL);
		JsonNode files = JSON.readTree(zip.get("files.json"));
		assertThat(files.findValuesAsString("path")).containsExactlyInAnyOrder(folder + "/notes.txt",
				folder + "/deep/data.csv");
		assertThat(new String(zip.get("files" + folder + "/notes.txt"), StandardCharsets.UTF_8))
			.isEqualTo("my own notes");
		assertThat(new String(zip.get("files" + folder + "/deep/data.csv"), StandardCharsets.UTF_8))
			.isEqualTo("name,email\nAnn,ann@example.org\n");

		JsonNode listed = api.get("/api/v1/me/exports", token).json();
		assertThat(listed.get(0).get("status").asString()).isEqualTo("ready");
		assertThat(listed.get(0).get("size").asLong()).isPositive();
		assertThat(auditDetails("gdpr.export_download")).isNotEmpty();

		Api.Response forged = api.get("/api/v1/exports/fyx_not-a-real-token", null);
		assertThat(forged.status()).isEqualTo(404);
		assertThat(forged.contentType()).startsWith("application/problem+json");
		assertThat(forged.body()).doesNotContain("Exception");
	}

	@Test
	void aRequestLeftHalfBuiltByAStoppedNodeIsBuiltAgain() throws Exception {
		String email = createUser("export-crash");
		String token = signIn(email, PASSWORD).get("access_token").asString();
		String userId = api.get("/api/v1/me", token).json().get("id").asString();
		// What a node that stopped mid-build leaves behind: a claimed request, long ago.
		jdbc.sql("INSERT INTO gdpr_exports (id, user_id, status, requested_at, claimed_at)"
				+ " VALUES (?, ?, 'building', ?, ?)")
			.params(UUID.randomUUID().toString(), userId, clock.millis() - 7_200_000L, clock.millis() - 7_200_000L)
			.update();

		MimeMessage mail = mailTo(email, 1).get(0);
		Map<String, byte[]> zip = download(find(mail, "(/api/v1/exports/fyx_[A-Za-z0-9_-]+)"));
		assertThat(JSON.readTree(zip.get("account.json")).get("id").asString()).isEqualTo(userId);
		assertThat(JSON.readTree(zip.get("files.json")).size()).isZero();
	}

	/**
	 * A quarantined file is left out with a note named after it, which another file may
	 * have as its own path: both come in the archive, the second one numbered.
	 */
	@Test
	void aWithheldFilesNoteAndAFileOfTheSameNameAreBothExported() throws Exception {
		String email = createUser("export-withheld");
		String token = signIn(email, PASSWORD).get("access_token").asString();
		String folder = "/withheld-" + UUID.randomUUID();
		put(token, folder + "/x.pdf", "held back");
		put(token, folder + "/x.pdf.withheld.txt", "a real file");
		put(token, folder + "/office-only.txt", "inside the office");
		jdbc.sql("UPDATE files SET allowed_ips = '10.0.0.0/8' WHERE folder = ? AND name = 'office-only.txt'")
			.param(folder)
			.update();
		long deniedBefore = deniedDownloads();
		jdbc.sql("UPDATE files SET scan_status = 'infected', scan_signature = 'Test.Signature' WHERE folder = ?"
				+ " AND name = 'x.pdf'")
			.param(folder)
			.update();

		assertThat(api.post("/api/v1/me/export", "", token).status()).isEqualTo(202);
		Map<String, byte[]> zip = download(find(mailTo(email, 1).get(0), "(/api/v1/exports/fyx_[A-Za-z0-9_-]+)"));

		assertThat(zip).doesNotContainKey("files" + folder + "/x.pdf");
		assertThat(zip.keySet()).contains("files" + folder + "/x.pdf.withheld.txt",
				"files" + folder + "/x.pdf.withheld.txt (2)");
		assertThat(zip.values().stream().map((bytes) -> new String(bytes, StandardCharsets.UTF_8)))
			.contains("a real file")
			.anySatisfy((text) -> assertThat(text).startsWith("Not included:"));
		assertThat(zip).doesNotContainKey("files" + folder + "/office-only.txt");
		assertThat(new String(zip.get("files" + folder + "/office-only.txt.withheld.txt"), StandardCharsets.UTF_8))
			.isEqualTo("Not included: its downloads are limited to the networks 10.0.0.0/8;"
					+ " download it from one of them.\n");
		assertThat(deniedDownloads()).as("not a refused download of its owner's").isEqualTo(deniedBefore);
	}

	private long deniedDownloads() {
		return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'file.download' AND outcome = 'denied'")
			.query(Long.class)
			.single();
	}

	/**
	 * The mailed link works for a week, but not for an account suspended meanwhile: its
	 * files are no longer its holder's to take.
	 */
	@Test
	void anAccountSuspendedAfterItsExportWasBuiltCannotDownloadIt() throws Exception {
		String email = createUser("export-suspended");
		String token = signIn(email, PASSWORD).get("access_token").asString();
		String userId = api.get("/api/v1/me", token).json().get("id").asString();
		assertThat(api.post("/api/v1/me/export", "", token).status()).isEqualTo(202);
		String link = find(mailTo(email, 1).get(0), "(/api/v1/exports/fyx_[A-Za-z0-9_-]+)");

		assertThat(api.post("/api/v1/admin/users/" + userId + "/suspend", "", adminToken()).status()).isEqualTo(200);

		Api.Response refused = api.get(link, null);
		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(auditDetails("gdpr.export_download"))
			.anySatisfy((details) -> assertThat(details).contains("account_inactive"));
	}

	/**
	 * Two requests sent at once can both be recorded; the next request then answers the
	 * newest instead of failing on two open rows (it was a 500 until both were built).
	 */
	@Test
	void twoOpenRequestsDoNotBreakTheNext() {
		String email = createUser("export-twice");
		String token = signIn(email, PASSWORD).get("access_token").asString();
		String userId = api.get("/api/v1/me", token).json().get("id").asString();
		for (int i = 0; i < 2; i++) {
			jdbc.sql("INSERT INTO gdpr_exports (id, user_id, status, requested_at) VALUES (?, ?, 'pending', ?)")
				.params(UUID.randomUUID().toString(), userId, clock.millis() + i)
				.update();
		}

		Api.Response again = api.post("/api/v1/me/export", "", token);

		assertThat(again.status()).as(again.body()).isBetween(200, 202);
		assertThat(again.contentType()).startsWith("application/json");
	}

	private Map<String, byte[]> download(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(java.net.URI.create(api.base() + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}

	private void put(String token, String path, String content) {
		Api.Response stored = api.send(api.builder("/api/v1/files/content?path=" + path, token)
			.PUT(HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8)));
		assertThat(stored.status()).as(stored.body()).isIn(200, 201);
	}

}
