package dev.ferry.upload;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import io.tus.java.client.TusClient;
import io.tus.java.client.TusURLMemoryStore;
import io.tus.java.client.TusUpload;
import io.tus.java.client.TusUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real tus Java client (which sends PATCH as POST with X-HTTP-Method-Override):
 * uploads half a file, stops, and a new client resumes from the server's offset.
 */
class TusJavaClientIntegrationTests extends IntegrationTest {

	private static final int SIZE = 6 * 1024 * 1024 + 12_345;

	@TempDir
	Path dir;

	@Test
	void uploadStopsHalfWayAndANewClientResumesIt() throws Exception {
		TestAccounts.Account user = new TestAccounts(api, adminToken()).user();
		Path source = dir.resolve("resumed.bin");
		Files.write(source, TusSpecificationIntegrationTests.random(SIZE));
		TusURLMemoryStore urls = new TusURLMemoryStore();

		TusUploader first = client(user, urls).resumeOrCreateUpload(upload(source));
		first.setChunkSize(64 * 1024);
		first.setRequestPayloadSize(1024 * 1024);
		// Stops past half-way after whole 1 MiB requests: a shorter PATCH that does not
		// finish the upload is refused (FERRY_UPLOAD_MIN_CHUNK).
		while (first.getOffset() < 4 * 1024 * 1024) {
			assertThat(first.uploadChunk()).isPositive();
		}
		first.finish();
		long stoppedAt = first.getOffset();
		URL uploadUrl = first.getUploadURL();

		TusUploader second = client(user, urls).resumeUpload(upload(source));
		assertThat(second.getUploadURL()).isEqualTo(uploadUrl);
		assertThat(second.getOffset()).isEqualTo(stoppedAt).isBetween(SIZE / 2L, SIZE - 1L);
		second.setChunkSize(64 * 1024);
		second.setRequestPayloadSize(1024 * 1024);
		while (second.uploadChunk() > -1) {
			assertThat(second.getOffset()).isLessThanOrEqualTo(SIZE);
		}
		second.finish();

		String id = uploadUrl.getPath().substring(Tus.BASE.length() + 1);
		byte[] stored = new Tus(api).download(id, user.token());
		assertThat(Tus.sha256Hex(stored)).isEqualTo(Tus.sha256Hex(Files.readAllBytes(source)));
		assertThat(api.get("/api/v1/files/" + id, user.token()).json().get("name").asString()).isEqualTo("resumed.bin");
	}

	private TusClient client(TestAccounts.Account user, TusURLMemoryStore urls) throws IOException {
		TusClient client = new TusClient();
		client.setUploadCreationURL(new URL(api.base() + Tus.BASE));
		client.setHeaders(Map.of("Authorization", "Bearer " + user.token()));
		client.enableResuming(urls);
		return client;
	}

	private static TusUpload upload(Path source) throws IOException {
		TusUpload upload = new TusUpload(source.toFile());
		upload.setMetadata(Map.of("filename", source.getFileName().toString(), "filetype", "application/octet-stream",
				"path", "/java-client"));
		return upload;
	}

}
