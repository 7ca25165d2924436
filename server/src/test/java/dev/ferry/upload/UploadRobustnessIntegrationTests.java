package dev.ferry.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
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
 * What happens when the network or another request gets in the way: cut-off bodies,
 * requests that meet a PATCH in flight, a node that died between storing bytes and
 * recording them.
 */
class UploadRobustnessIntegrationTests extends IntegrationTest {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private UploadRepository repository;

	@Autowired
	private BlobStorage blobs;

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
	void aBodyCutShortKeepsTheBytesThatArrived() throws IOException {
		String location = tus.create(user.token(), 1_000_000, Map.of("filename", "cut.bin")).header("Location");
		byte[] content = random(1_000_000);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			startPatch(socket, location, 0, content.length, null);
			socket.getOutputStream().write(content, 0, 300_000);
			socket.getOutputStream().flush();
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "300000".equals(tus.head(location, user.token()).header("Upload-Offset")));
		Api.Response rest = tus.patch(location, user.token(), 300_000,
				Arrays.copyOfRange(content, 300_000, content.length));
		assertThat(rest.status()).isEqualTo(204);
		assertThat(tus.download(idOf(location), user.token())).isEqualTo(content);
	}

	/**
	 * What a browser does when it reloads mid-PATCH: it asks for the offset before the
	 * server has noticed that the old connection closed. The answer must count the bytes
	 * that connection brought, or the client sends them again.
	 */
	@Test
	void aHeadDuringAPatchIsAnsweredOnceThePatchStoredItsBytes() throws IOException {
		String location = tus.create(user.token(), 1_000_000, Map.of("filename", "reload.bin")).header("Location");
		double received = bytesReceived();
		CompletableFuture<Api.Response> head;
		try (Socket socket = new Socket("127.0.0.1", port)) {
			startPatch(socket, location, 0, 1_000_000, null);
			socket.getOutputStream().write(random(300_000));
			socket.getOutputStream().flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> bytesReceived() - received == 300_000);

			head = CompletableFuture.supplyAsync(() -> tus.head(location, user.token()));
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingRequests() == 1);
		}
		assertThat(head.join().header("Upload-Offset")).isEqualTo("300000");
	}

	/**
	 * An upload expires after sitting idle, and one that is receiving a body is not: a
	 * PATCH that starts a moment before the expiry moves it on, so the cleanup job cannot
	 * end the upload (and shred its bytes) under the body still arriving.
	 */
	@Test
	void aPatchThatIsStillArrivingKeepsItsUploadFromExpiring() throws IOException {
		String location = tus.create(user.token(), 2_000_000, Map.of("filename", "slow.bin")).header("Location");
		UUID id = UUID.fromString(idOf(location));
		Instant soon = Instant.now().plusSeconds(2);
		jdbc.sql("UPDATE uploads SET expires_at = ? WHERE id = ?").params(soon.toEpochMilli(), id.toString()).update();
		double received = bytesReceived();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			startPatch(socket, location, 0, 2_000_000, null);
			socket.getOutputStream().write(random(100_000));
			socket.getOutputStream().flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> bytesReceived() - received == 100_000);

			assertThat(repository.find(id).orElseThrow().expiresAt()).isAfter(Instant.now().plus(Duration.ofHours(1)));
		}
	}

	/**
	 * An upload whose length comes later is held to the upload policy's size rules when
	 * the length is declared, not after every byte arrived.
	 */
	@Test
	void aDeferredLengthIsHeldToTheUploadPolicyWhenDeclared() {
		assertThat(uploadPolicy(List.of(Map.of("name", "Small files", "max_size", 2048))).status()).isEqualTo(200);
		try {
			Api.Response created = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Defer-Length", "1")
				.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("big.bin".getBytes()))
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			String location = created.header("Location");

			Api.Response declared = api.send(tus.patchRequest(location, user.token(), 0, random(MIB))
				.header("Upload-Length", Integer.toString(4 * MIB)));

			assertThat(declared.status()).as(declared.body()).isEqualTo(422);
			assertThat(declared.json().get("type").asString()).isEqualTo("/problems/upload-policy");
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}
		finally {
			assertThat(uploadPolicy(List.of()).status()).isEqualTo(200);
		}
	}

	private Api.Response uploadPolicy(List<Map<String, Object>> rules) {
		return api.put("/api/v1/admin/upload-policy", Map.of("rules", rules), adminToken());
	}

	@Test
	void aBodyCutShortWithAChecksumKeepsNothing() throws IOException {
		String location = tus.create(user.token(), 100_000, Map.of("filename", "cut-sum.bin")).header("Location");
		byte[] content = random(100_000);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			startPatch(socket, location, 0, content.length, "sha256 " + Tus.checksum("SHA-256", content));
			socket.getOutputStream().write(content, 0, 40_000);
			socket.getOutputStream().flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() == 1);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() == 0);
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void aSecondPatchWaitsForTheFirstAndThenGets409() throws IOException {
		String location = tus.create(user.token(), 2 * MIB, Map.of("filename", "race.bin")).header("Location");
		byte[] slow = random(MIB);
		try (Socket socket = new Socket("127.0.0.1", port)) {
			startPatch(socket, location, 0, slow.length, null);
			socket.getOutputStream().write(slow, 0, 5_000);
			socket.getOutputStream().flush();
			await().atMost(Duration.ofSeconds(30)).until(() -> activeRequests() == 1);

			CompletableFuture<Api.Response> second = CompletableFuture
				.supplyAsync(() -> tus.patch(location, user.token(), 0, random(MIB)));
			await().atMost(Duration.ofSeconds(30)).until(() -> waitingRequests() == 1);

			socket.getOutputStream().write(slow, 5_000, MIB - 5_000);
			socket.getOutputStream().flush();
			assertThat(statusLine(socket)).startsWith("HTTP/1.1 204");
			Api.Response refused = second.join();
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.json().get("upload_offset").asLong()).isEqualTo(MIB);
		}
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo(Integer.toString(MIB));
	}

	@Test
	void bytesStoredButNotRecordedAreFoundAndTheFileHashIsStillRight() throws IOException {
		byte[] content = random(MIB + 200_000);
		String location = tus.create(user.token(), content.length, Map.of("filename", "gap.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, MIB)).status()).isEqualTo(204);
		Upload upload = repository.find(UUID.fromString(idOf(location))).orElseThrow();
		// What a node leaves behind when it dies right after the blob store accepted a
		// part.
		try (PendingPart part = blobs.beginPart(upload.blobId(), MIB)) {
			part.stream().write(content, MIB, 70_000);
			part.commit();
		}
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo(Integer.toString(MIB + 70_000));
		Api.Response rest = tus.patch(location, user.token(), MIB + 70_000,
				Arrays.copyOfRange(content, MIB + 70_000, content.length));
		assertThat(rest.status()).isEqualTo(204);
		Api.Response file = api.get("/api/v1/files/" + idOf(location), user.token());
		assertThat(file.json().get("sha256").asString()).isEqualTo(Tus.sha256Hex(content));
	}

	/**
	 * Every kind of upload counts into one counter under one tag key, the one
	 * {@code ferry.bytes.out} uses, so one query sums or splits them by channel.
	 */
	@Test
	void metricsCountBytesReceived() {
		String location = tus.create(user.token(), 4096, Map.of("filename", "metered.bin")).header("Location");
		double before = bytesReceived();
		tus.patch(location, user.token(), 0, random(4096));
		assertThat(bytesReceived()).isEqualTo(before + 4096);
		api.putFile("/metered-plain.bin", "plain bytes", user.token());
		Api.Response scrape = api.get("/metrics", null);
		assertThat(scrape.body()).contains("ferry_bytes_in_bytes_total{channel=\"tus\"}")
			.contains("ferry_bytes_in_bytes_total{channel=\"plain\"}")
			.contains("ferry_uploads_active")
			.contains("ferry_uploads_waiting");
	}

	private void startPatch(Socket socket, String location, long offset, long length, String checksum)
			throws IOException {
		StringBuilder request = new StringBuilder().append("PATCH ")
			.append(location)
			.append(" HTTP/1.1\r\nHost: 127.0.0.1:")
			.append(port)
			.append("\r\nAuthorization: Bearer ")
			.append(user.token())
			.append("\r\nTus-Resumable: 1.0.0\r\nContent-Type: application/offset+octet-stream\r\nUpload-Offset: ")
			.append(offset)
			.append("\r\nContent-Length: ")
			.append(length)
			.append("\r\n");
		if (checksum != null) {
			request.append("Upload-Checksum: ").append(checksum).append("\r\n");
		}
		OutputStream out = socket.getOutputStream();
		out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	private static String statusLine(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		StringBuilder line = new StringBuilder();
		for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
			line.append((char) c);
		}
		return line.toString().strip();
	}

	private double waitingRequests() {
		return meters.get("ferry.uploads.waiting").gauge().value();
	}

	private double bytesReceived() {
		return meters.get("ferry.bytes.in").tag("channel", "tus").counter().count();
	}

	private double activeRequests() {
		return meters.get("ferry.uploads.active").gauge().value();
	}

	private static String idOf(String location) {
		return location.substring(Tus.BASE.length() + 1);
	}

}
