package dev.ferry.share;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bulk {@code share} operation through the real API: one transfer with its link for
 * many selected files, and nothing at all when one id is not the caller's.
 */
class BulkShareIntegrationTests extends ShareIntegrationTest {

	@Test
	void sharesManyFilesAsOneTransferWithItsLink() throws Exception {
		Account owner = newUser();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 150; i++) {
			ids.add(upload(owner, "/many/file-" + i + ".txt", ("file " + i).getBytes(StandardCharsets.UTF_8)));
		}
		Api.Response shared = api.post("/api/v1/files/bulk", Map.of("operation", "share", "ids", ids, "transfer",
				Map.of("title", "Selection", "link", Map.of("max_downloads", 2))), owner.token());
		assertThat(shared.status()).as(shared.body()).isEqualTo(201);
		JsonNode transfer = shared.json();
		assertThat(transfer.get("files")).hasSize(150);
		assertThat(transfer.get("link").get("max_downloads").asInt()).isEqualTo(2);
		assertThat(transfer.get("link").get("url").asString()).contains("/s/");

		HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient()
			.send(api.builder("/api/v1/share/" + tokenOf(transfer.get("link")) + "/download", null).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(entries(zip.body())).hasSize(150).contains("file-0.txt", "file-149.txt");
		assertThat(auditActions(transfer.get("id").asString())).contains("transfer.created:success");
	}

	@Test
	void anotherUsersFileRefusesTheWholeShare() {
		Account owner = newUser();
		Account other = newUser();
		String mine = upload(owner, "/mine.txt", "mine".getBytes(StandardCharsets.UTF_8));
		String theirs = upload(other, "/theirs.txt", "theirs".getBytes(StandardCharsets.UTF_8));

		Api.Response refused = api.post("/api/v1/files/bulk",
				Map.of("operation", "share", "ids", List.of(mine, theirs), "transfer", Map.of("title", "Both")),
				owner.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(404);
		assertThat(problemType(refused)).isEqualTo("/problems/not-found");
		Api.Response fileIds = api.post("/api/v1/files/bulk", Map.of("operation", "share", "ids", List.of(mine),
				"transfer", Map.of("title", "Sneaky", "file_ids", List.of(theirs))), owner.token());
		assertThat(fileIds.status()).isEqualTo(400);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).as("nothing created").isZero();

		Account guest = newUser("GUEST");
		String guestFile = upload(owner, "/for-guest.txt", "x".getBytes(StandardCharsets.UTF_8));
		Api.Response noScope = api.post("/api/v1/files/bulk",
				Map.of("operation", "share", "ids", List.of(guestFile), "transfer", Map.of("title", "Guest")),
				guest.token());
		assertThat(noScope.status()).as("guests have no share scope").isEqualTo(403);
	}

	private static List<String> entries(byte[] zip) throws IOException {
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
