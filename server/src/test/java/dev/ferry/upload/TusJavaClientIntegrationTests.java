package dev.ferry.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

	/**
	 * tus-java-client ends an upload whose size is a multiple of its request payload with
	 * an empty PATCH (chunked, {@code Expect: 100-continue}). Tomcat answers the
	 * expectation at once; a 204 sent right behind it, before the client has sent its
	 * empty body, reached the JDK's HttpURLConnection in the same read as the 100 about
	 * once in ten uploads, was lost, and the client waited for the connection timeout to
	 * end in "Unexpected end of file from server". The server reads the empty body first.
	 */
	@Test
	void aPatchToAFinishedUploadIsAnsweredOnlyAfterItsBody() throws Exception {
		TestAccounts.Account user = new TestAccounts(api, adminToken()).user();
		Path source = dir.resolve("exact.bin");
		Files.write(source, TusSpecificationIntegrationTests.random(1024 * 1024));
		TusUploader uploader = client(user, new TusURLMemoryStore()).createUpload(upload(source));
		uploader.setRequestPayloadSize(1024 * 1024);
		while (uploader.uploadChunk() > -1) {
			assertThat(uploader.getOffset()).isLessThanOrEqualTo(1024 * 1024);
		}
		uploader.finish();

		URI base = URI.create(api.base());
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + uploader.getUploadURL().getPath() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Authorization: Bearer " + user.token() + "\r\nTus-Resumable: 1.0.0\r\n"
					+ "X-HTTP-Method-Override: PATCH\r\nUpload-Offset: 1048576\r\n"
					+ "Content-Type: application/offset+octet-stream\r\nExpect: 100-continue\r\n"
					+ "Transfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			assertThat(head(in)).startsWith("HTTP/1.1 100");
			socket.setSoTimeout(1000);
			assertThatThrownBy(in::read).as("no answer before the body").isInstanceOf(SocketTimeoutException.class);
			socket.setSoTimeout(10_000);
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(head(in)).startsWith("HTTP/1.1 204").contains("Upload-Offset: 1048576");
		}
	}

	private static String head(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("Connection closed after: " + head);
			}
			head.append((char) next);
		}
		return head.toString();
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
