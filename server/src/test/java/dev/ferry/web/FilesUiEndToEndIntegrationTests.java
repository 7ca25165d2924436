package dev.ferry.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions, trash and bulk operations in a real browser: web/e2e/files-e2e.mjs restores
 * the first version of a file from its versions dialog, restores a deleted file from the
 * Trash page, downloads three selected files as one ZIP (a native browser download with a
 * download ticket), moves them into another folder with one bulk request, and deletes the
 * emptied folder and one made with New folder. web/e2e/files-daily-e2e.mjs tags a file
 * and filters by the tag, watches a throttled upload's progress and time left, and checks
 * the page at phone size for sideways overflow. This test seeds the files through the API
 * and checks the outcome through it too; the screens are scanned with axe-core light and
 * dark and shot at phone width.
 */
class FilesUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("files-versions", "files-trash", "files-bulk",
			"files-empty-folder");

	@Test
	void restoresAVersionAndATrashedFileAndZipsAndMovesFilesInBulk() throws Exception {
		String email = "files-ui-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "files-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Fay Files"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);

		String report = put(token, "/report.txt", "first draft");
		put(token, "/report.txt", "second draft");
		String trashed = put(token, "/minutes.txt", "minutes of the meeting");
		assertThat(api.delete("/api/v1/files/" + trashed, token).status()).isEqualTo(204);
		for (String name : List.of("a.txt", "b.txt", "c.txt")) {
			put(token, "/inbox/" + name, "inbox " + name);
		}

		JsonNode summary = BrowserRun.run("files", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(5));

		BrowserRun.assertScreens(summary, SCREENS);
		BrowserRun.assertPhoneShots(SCREENS);
		assertThat(summary.get("csp")).isEmpty();
		assertThat(summary.get("pageErrors")).isEmpty();
		assertThat(summary.get("bulkRequests").asInt()).as("one request moved all three").isEqualTo(1);
		JsonNode zip = summary.get("zip");
		assertThat(zip.get("filename").asString()).isEqualTo("files.zip");
		assertThat(zip.get("urlPath").asString()).matches("/api/v1/files/zips/[0-9a-f-]{36}/download");
		assertThat(entries(Path.of(zip.get("path").asString()))).containsExactlyInAnyOrderEntriesOf(
				Map.of("a.txt", "inbox a.txt", "b.txt", "inbox b.txt", "c.txt", "inbox c.txt"));
		assertThat(api.get("/api/v1/files/" + report + "/download", token).body()).as("version 1 restored")
			.isEqualTo("first draft");
		assertThat(api.get("/api/v1/files/" + report + "/versions", token).json().get("items")).hasSize(3);
		assertThat(api.get("/api/v1/files/" + trashed, token).json().get("path").asString()).isEqualTo("/minutes.txt");
		assertThat(api.get("/api/v1/trash", token).json().get("items")).isEmpty();
		assertThat(api.get("/api/v1/files?path=/archive", token).json().get("items"))
			.extracting((file) -> file.get("name").asString())
			.containsExactlyInAnyOrder("a.txt", "b.txt", "c.txt");
		assertThat(api.get("/api/v1/files?path=/inbox", token).json().get("items")).isEmpty();
		assertThat(summary.get("deletedFolder").asString()).isEqualTo("scratch");
		assertThat(api.get("/api/v1/files?path=/", token).json().get("folders")).extracting(JsonNode::asString)
			.containsExactly("/archive");
	}

	@Test
	void filtersByATagShowsUploadProgressAndFitsAPhone() throws Exception {
		String email = "files-daily-" + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "files-daily-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "user", "name", "Tia Tags"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		String alpha = put(token, "/alpha.txt", "alpha");
		put(token, "/beta.txt", "beta");
		put(token, "/gamma.txt", "gamma");

		JsonNode summary = BrowserRun.run("files-daily", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password),
				Duration.ofMinutes(5));

		BrowserRun.assertScreens(summary, List.of("files-tag-filter"));
		BrowserRun.assertPhoneShots(List.of("files-tag-filter"));
		assertThat(summary.get("filtered")).extracting(JsonNode::asString).containsExactly("alpha.txt");
		assertThat(api.get("/api/v1/files?tag=invoices", token).json().get("items"))
			.extracting((file) -> file.get("id").asString())
			.containsExactly(alpha);
		assertThat(summary.get("progress").get("value").asInt()).isBetween(1, 99);
		assertThat(summary.get("progress").get("summary").asString()).endsWith(" left");
		assertThat(summary.get("phone").get("scrollWidth").asInt())
			.isLessThanOrEqualTo(summary.get("phone").get("innerWidth").asInt());
		assertThat(BrowserRun.SCREENSHOTS.resolve("files-upload-progress.png")).isNotEmptyFile();
		assertThat(BrowserRun.SCREENSHOTS.resolve("files-phone-390.png")).isNotEmptyFile();
		JsonNode uploaded = api.get("/api/v1/files?path=/", token).json().get("items");
		assertThat(uploaded).extracting((file) -> file.get("size").asLong()).contains(24L * 1024 * 1024);
	}

	/** The ZIP's entries and their text. */
	private static Map<String, String> entries(Path zip) throws IOException {
		Map<String, String> entries = new HashMap<>();
		try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return entries;
	}

	private String put(String token, String path, String content) {
		Api.Response response = api
			.send(api.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), token)
				.PUT(HttpRequest.BodyPublishers.ofString(content)));
		assertThat(response.status()).as(response.body()).isIn(200, 201);
		return response.json().get("id").asString();
	}

}
