package dev.ferry.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.ferry.upload.TusSpecificationIntegrationTests.MIB;
import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tiny PATCHes with the default settings: a PATCH that does not finish its upload must
 * bring at least 1 MiB, and bodies cut short (which keep what arrived) are merged into
 * one small last part instead of piling up parts.
 */
class TusSmallPatchIntegrationTests extends IntegrationTest {

	@Autowired
	private UploadRepository repository;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	private Tus tus;

	private TestAccounts.Account user;

	@BeforeEach
	void setUp() {
		tus = new Tus(api);
		user = new TestAccounts(api, adminToken()).user();
	}

	@Test
	void tinyPatchesThatDoNotFinishTheUploadAreRefusedAndStoreNothing() {
		byte[] content = random(300);
		String location = tus.create(user.token(), content.length, Map.of("filename", "tiny.bin")).header("Location");

		for (int i = 0; i < 300; i++) {
			Api.Response tiny = tus.patch(location, user.token(), 0, new byte[] { content[0] });
			assertThat(tiny.status()).as(tiny.body()).isEqualTo(400);
		}
		Api.Response refused = tus.patch(location, user.token(), 0, new byte[] { content[0] });
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/upload-chunk-too-small");
		assertThat(refused.json().get("min_chunk_size").asLong()).isEqualTo(MIB);
		assertThat(refused.json().get("detail").asString()).contains("at least " + MIB + " bytes", "chunkSize");
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		assertThat(partsOf(location)).isEmpty();

		Api.Response whole = tus.patch(location, user.token(), 0, content);
		assertThat(whole.status()).as("the last PATCH may be small").isEqualTo(204);
		assertThat(tus.download(idOf(location), user.token())).isEqualTo(content);
	}

	@Test
	void aSmallChunkedBodyThatDoesNotFinishTheUploadIsRefused() {
		String location = tus.create(user.token(), 2 * MIB, Map.of("filename", "chunked.bin")).header("Location");
		Api.Response chunked = api.send(tus.request(location, user.token())
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(random(1000)))));
		assertThat(chunked.status()).isEqualTo(400);
		assertThat(chunked.json().get("type").asString()).isEqualTo("/problems/upload-chunk-too-small");
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		assertThat(partsOf(location)).isEmpty();
	}

	@Test
	void bodiesCutShortAreMergedIntoOneSmallLastPart() throws IOException {
		byte[] content = random(3 * MIB);
		String location = tus.create(user.token(), content.length, Map.of("filename", "flaky.bin")).header("Location");

		long offset = 0;
		for (int cut = 0; cut < 5; cut++) {
			sendCutShort(location, offset, Arrays.copyOfRange(content, (int) offset, content.length), 10_000);
			offset += 10_000;
			String expected = Long.toString(offset);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> expected.equals(tus.head(location, user.token()).header("Upload-Offset")));
			assertThat(partsOf(location)).containsExactly(offset);
		}
		assertThat(tus.patch(location, user.token(), offset, Arrays.copyOfRange(content, (int) offset, MIB + 50_000))
			.status()).isEqualTo(204);
		assertThat(partsOf(location)).containsExactly(MIB + 50_000L);

		assertThat(tus
			.patch(location, user.token(), MIB + 50_000, Arrays.copyOfRange(content, MIB + 50_000, content.length))
			.status()).isEqualTo(204);
		assertThat(partsOf(location)).containsExactly(MIB + 50_000L, content.length - MIB - 50_000L);
		assertThat(tus.download(idOf(location), user.token())).isEqualTo(content);
	}

	/**
	 * Starts a PATCH that declares all of {@code rest}, sends only {@code sent} bytes and
	 * hangs up once the server is reading it.
	 */
	private void sendCutShort(String location, long offset, byte[] rest, int sent) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port));
			OutputStream out = socket.getOutputStream();
			out.write(("PATCH " + location + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAuthorization: Bearer "
					+ user.token() + "\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\n"
					+ "Upload-Offset: " + offset + "\r\nContent-Length: " + rest.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(rest, 0, sent);
			out.flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() >= 1);
		}
	}

	private double activeRequests() {
		return meters.get("ferry.uploads.active").gauge().value();
	}

	/** Plaintext lengths of the upload's stored parts, in order. */
	private List<Long> partsOf(String location) {
		UUID blobId = repository.find(UUID.fromString(idOf(location))).orElseThrow().blobId();
		return jdbc.sql("SELECT plain_length FROM blob_parts WHERE blob_id = ? ORDER BY part_index")
			.param(blobId.toString())
			.query(Long.class)
			.list();
	}

	private static String idOf(String location) {
		return location.substring(Tus.BASE.length() + 1);
	}

}
