package dev.ferry.share;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The all-files ZIP, checked with the JDK's {@link ZipFile} and Debian's {@code unzip -t}
 * (installed by bin/test-services).
 */
class ShareZipIntegrationTests extends ShareIntegrationTest {

	@Test
	void zipHoldsEveryFileUnderSafeUniqueNames() throws Exception {
		Account owner = newUser();
		byte[] text = "line of text\n".repeat(5000).getBytes(StandardCharsets.UTF_8);
		byte[] random = new byte[700_000];
		new Random(11).nextBytes(random);
		String a = upload(owner, "/one/notes.txt", text);
		String b = upload(owner, "/two/notes.txt", "second notes".getBytes(StandardCharsets.UTF_8));
		String c = upload(owner, "/pics/photo.jpg", random);
		JsonNode transfer = transfer(owner, Map.of("title", "Q3 / report", "file_ids", List.of(a, b, c)));
		JsonNode link = link(owner, transfer.get("id").asString(), Map.of("max_downloads", 2));

		Path zip = Files.createTempFile("ferry-share-", ".zip");
		HttpResponse<Path> response = HttpClient.newHttpClient()
			.send(api.builder("/api/v1/share/" + tokenOf(link) + "/download", null).GET().build(),
					HttpResponse.BodyHandlers.ofFile(zip));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/zip");
		assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".zip");
		try (ZipFile file = new ZipFile(zip.toFile())) {
			List<String> names = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
			assertThat(names).hasSize(3).doesNotHaveDuplicates().allMatch((n) -> !n.contains("/") && !n.equals(".."));
			assertThat(read(file, names.get(0))).isEqualTo(text);
			assertThat(read(file, names.get(1))).isEqualTo("second notes".getBytes(StandardCharsets.UTF_8));
			assertThat(read(file, names.get(2))).isEqualTo(random);
			assertThat(names.get(0)).isEqualTo("notes.txt");
			assertThat(names.get(1)).isEqualTo("notes (1).txt");
		}
		Process unzip = new ProcessBuilder("unzip", "-t", zip.toString()).redirectErrorStream(true).start();
		String output = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(unzip.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(unzip.exitValue()).as(output).isZero();
		assertThat(output).contains("No errors detected");
		assertThat(jdbc.sql("SELECT downloads FROM share_links WHERE id = ?")
			.param(link.get("id").asString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		// Completion is recorded after the last byte is flushed, a moment after the
		// client has it.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode activity = api
				.get("/api/v1/transfers/" + transfer.get("id").asString() + "/activity", owner.token())
				.json();
			assertThat(activity.get("items").get(0).get("kind").asString()).isEqualTo("zip");
			assertThat(activity.get("items").get(0).get("completed").asBoolean()).isTrue();
		});
		Files.delete(zip);
	}

	private static byte[] read(ZipFile file, String name) throws IOException {
		try (InputStream in = file.getInputStream(file.getEntry(name))) {
			return in.readAllBytes();
		}
	}

}
