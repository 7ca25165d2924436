package dev.ferry.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A full disk, for real: the blob store lives on a 48 MiB tmpfs (the test mounts it, so
 * it needs root, as bin/test has), a filler file takes most of it, and uploads through
 * every channel must fail with 507 and leave nothing behind; once the filler goes, the
 * same uploads succeed without a restart. The uploads are several times Tomcat's 2 MB
 * swallow limit past the point where the disk fills, so the 507 reaches the JDK client
 * (which drops the answer when its write fails) only because the server reads the rest.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DiskFullIntegrationTests extends IntegrationTest {

	private static final int MIB = 1024 * 1024;

	private static final Path STORE = mountSmallDisk();

	private static final Path FILLER = STORE.resolve("filler");

	private static final SecureRandom RANDOM = new SecureRandom();

	private String token;

	@DynamicPropertySource
	static void smallStore(DynamicPropertyRegistry registry) {
		registry.add("ferry.storage.dir", () -> STORE.resolve("blobs").toString());
	}

	@BeforeEach
	void signIn() {
		token = adminToken();
	}

	@AfterAll
	static void unmount() {
		Curl.run(List.of("umount", "-l", STORE.toString()));
	}

	@Test
	void uploadsFailWith507LeaveNothingAndWorkAgainOnceThereIsRoom() throws IOException, InterruptedException {
		Files.write(FILLER, random(44 * MIB));
		long usedBefore = storedBytes();

		byte[] content = random(16 * MIB);
		Api.Response put = api.send(api.builder("/api/v1/files/content?path=/full/plain.bin", token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertFull(put);

		Api.Response created = api.send(api.builder("/api/v1/uploads", token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Integer.toString(content.length))
			.header("Upload-Metadata", "filename dHVzLmJpbg==")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		String location = created.header("Location");
		Api.Response patch = api.send(api.builder(location, token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
		assertFull(patch);

		assertThat(storedBytes()).as("nothing half-written is left").isLessThanOrEqualTo(usedBefore + MIB);
		assertThat(api.get("/health", null).status()).isEqualTo(200);

		Files.delete(FILLER);
		Api.Response retried = api.send(api.builder("/api/v1/files/content?path=/full/plain.bin", token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(retried.status()).isEqualTo(201);
		String id = retried.json().get("id").asString();
		assertThat(downloaded(id)).isEqualTo(content);

		Api.Response resumed = api.send(api.builder(location, token)
			.header("Tus-Resumable", "1.0.0")
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		long offset = Long.parseLong(resumed.header("Upload-Offset"));
		byte[] rest = Arrays.copyOfRange(content, (int) offset, content.length);
		Api.Response finished = api.send(api.builder(location, token)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", Long.toString(offset))
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(rest)));
		assertThat(finished.status()).isEqualTo(204);
		assertThat(downloaded(location.substring(location.lastIndexOf('/') + 1))).isEqualTo(content);
	}

	private static void assertFull(Api.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(507);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/storage-full");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.ferry");
	}

	private byte[] downloaded(String id) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(api.builder("/api/v1/files/" + id + "/download", token).build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static long storedBytes() throws IOException {
		try (Stream<Path> files = Files.walk(STORE)) {
			return files.filter(Files::isRegularFile).filter((file) -> !file.equals(FILLER)).mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}).sum();
		}
	}

	private static Path mountSmallDisk() {
		try {
			Path dir = Files.createTempDirectory("ferry-full-");
			Curl.Result mounted = Curl.run(List.of("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", dir.toString()));
			if (mounted.exitCode() != 0) {
				throw new AssertionError(
						"This test mounts a 48 MiB tmpfs and needs root (bin/test runs as root in CI): "
								+ mounted.output());
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
