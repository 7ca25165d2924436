package dev.ferry.upload;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tus 1.0.0 protocol as a client sees it on the wire, header by header. */
class TusProtocolIntegrationTests extends IntegrationTest {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Tus tus;

	private TestAccounts.Account user;

	@BeforeEach
	void signIn() {
		tus = new Tus(api);
		user = new TestAccounts(api, adminToken()).user();
	}

	@Test
	void optionsAdvertisesVersionExtensionsChecksumsAndMaxSizeWithoutSignIn() {
		Api.Response response = api
			.send(api.builder(Tus.BASE, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(response.header("Tus-Version")).isEqualTo("1.0.0");
		assertThat(response.header("Tus-Extension"))
			.isEqualTo("creation,creation-with-upload,creation-defer-length,expiration,checksum,termination");
		assertThat(response.header("Tus-Checksum-Algorithm")).isEqualTo("sha1,sha256,md5");
		assertThat(response.header("Tus-Max-Size")).isEqualTo(Long.toString(100L * 1024 * 1024 * 1024));
	}

	@Test
	void uploadInTwoChecksummedPatchesBecomesAFile() {
		byte[] content = random(MIB + 300_000);
		Api.Response created = tus.create(user.token(), content.length,
				Map.of("filename", "report ü.bin", "filetype", "application/octet-stream", "path", "/tus/reports"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(created.header("Upload-Offset")).isEqualTo("0");
		String location = created.header("Location");
		assertThat(location).matches("/api/v1/uploads/[0-9a-f-]{36}");
		ZonedDateTime expires = ZonedDateTime.parse(created.header("Upload-Expires"),
				DateTimeFormatter.RFC_1123_DATE_TIME);
		assertThat(expires).isAfter(ZonedDateTime.now().plusHours(23));

		Api.Response head = tus.head(location, user.token());
		assertThat(head.status()).isEqualTo(200);
		assertThat(head.header("Upload-Offset")).isEqualTo("0");
		assertThat(head.header("Upload-Length")).isEqualTo(Integer.toString(content.length));
		assertThat(head.header("Cache-Control")).contains("no-store");
		assertThat(head.header("Upload-Metadata"))
			.contains("filename " + Tus.metadata(Map.of("x", "report ü.bin")).substring(2));

		byte[] first = Arrays.copyOfRange(content, 0, MIB);
		Api.Response patched = api.send(tus.patchRequest(location, user.token(), 0, first)
			.header("Upload-Checksum", "sha1 " + Tus.checksum("SHA-1", first)));
		assertThat(patched.status()).isEqualTo(204);
		assertThat(patched.header("Upload-Offset")).isEqualTo(Integer.toString(MIB));
		assertThat(patched.header("Upload-Expires")).isNotNull();
		assertThat(patched.header("Link")).isNull();

		byte[] rest = Arrays.copyOfRange(content, MIB, content.length);
		Api.Response last = api.send(tus.patchRequest(location, user.token(), MIB, rest)
			.header("Upload-Checksum", "sha256 " + Tus.checksum("SHA-256", rest)));
		assertThat(last.status()).isEqualTo(204);
		assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
		String id = location.substring(location.lastIndexOf('/') + 1);
		assertThat(last.header("Link")).isEqualTo("</api/v1/files/" + id + ">; rel=\"file\"");

		Api.Response after = tus.head(location, user.token());
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
		assertThat(after.header("Upload-Expires")).isNull();

		Api.Response file = api.get("/api/v1/files/" + id, user.token());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.json().get("name").asString()).isEqualTo("report ü.bin");
		assertThat(file.json().get("folder").asString()).isEqualTo("/tus/reports");
		assertThat(file.json().get("size").asLong()).isEqualTo(content.length);
		assertThat(file.json().get("sha256").asString()).isEqualTo(Tus.sha256Hex(content));
		assertThat(tus.download(id, user.token())).isEqualTo(content);
	}

	@Test
	void creationWithUploadTakesTheWholeFileInThePost() {
		byte[] content = random(70_000);
		Api.Response created = api.send(tus.request(Tus.BASE, user.token())
			.header("Upload-Length", Integer.toString(content.length))
			.header("Upload-Metadata", Tus.metadata(Map.of("filename", "whole.bin")))
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Checksum", "md5 " + Tus.checksum("MD5", content))
			.POST(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
		String id = created.header("Location").substring(Tus.BASE.length() + 1);
		assertThat(tus.download(id, user.token())).isEqualTo(content);
	}

	@Test
	void zeroByteUploadCompletesAtCreation() {
		Api.Response created = tus.create(user.token(), 0, Map.of("filename", "empty.txt"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Upload-Offset")).isEqualTo("0");
		String id = created.header("Location").substring(Tus.BASE.length() + 1);
		assertThat(created.header("Link")).contains(id);
		Api.Response file = api.get("/api/v1/files/" + id, user.token());
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.json().get("size").asLong()).isZero();
		assertThat(file.json().get("sha256").asString()).isEqualTo(Tus.sha256Hex(new byte[0]));
	}

	@Test
	void deferredLengthIsDeclaredByALaterPatch() {
		byte[] content = random(MIB + 50_000);
		Api.Response created = api.send(tus.request(Tus.BASE, user.token())
			.header("Upload-Defer-Length", "1")
			.header("Upload-Metadata", Tus.metadata(Map.of("filename", "stream.log")))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		String location = created.header("Location");
		Api.Response head = tus.head(location, user.token());
		assertThat(head.header("Upload-Defer-Length")).isEqualTo("1");
		assertThat(head.header("Upload-Length")).isNull();

		assertThat(tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, MIB)).status()).isEqualTo(204);
		Api.Response last = api
			.send(tus.patchRequest(location, user.token(), MIB, Arrays.copyOfRange(content, MIB, content.length))
				.header("Upload-Length", Integer.toString(content.length)));
		assertThat(last.status()).isEqualTo(204);
		assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
		assertThat(tus.head(location, user.token()).header("Upload-Length"))
			.isEqualTo(Integer.toString(content.length));
		String id = location.substring(Tus.BASE.length() + 1);
		assertThat(tus.download(id, user.token())).isEqualTo(content);
	}

	@Test
	void checksumMismatchAnswers460AndKeepsTheOffset() {
		String location = tus.create(user.token(), 400, Map.of("filename", "c.bin")).header("Location");
		byte[] body = random(400);
		Api.Response mismatch = api.send(tus.patchRequest(location, user.token(), 0, body)
			.header("Upload-Checksum", "sha256 " + Tus.checksum("SHA-256", random(400))));
		assertThat(mismatch.status()).isEqualTo(460);
		assertThat(mismatch.contentType()).startsWith("application/problem+json");
		assertThat(mismatch.json().get("type").asString()).isEqualTo("/problems/checksum-mismatch");
		assertThat(mismatch.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");

		Api.Response unsupported = api
			.send(tus.patchRequest(location, user.token(), 0, body).header("Upload-Checksum", "crc32 AAAAAA=="));
		assertThat(unsupported.status()).isEqualTo(400);
		assertThat(unsupported.json().get("type").asString()).isEqualTo("/problems/unsupported-checksum");
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void wrongOffsetAnswers409() {
		String location = tus.create(user.token(), 100, Map.of("filename", "o.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, random(100)).status()).isEqualTo(204);
		Api.Response stale = tus.patch(location, user.token(), 0, random(100));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("upload_offset").asLong()).isEqualTo(100);
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("100");
	}

	@Test
	void patchNeedsTheOffsetOctetStreamContentType() {
		String location = tus.create(user.token(), 1000, Map.of("filename", "t.bin")).header("Location");
		Api.Response response = api.send(tus.request(location, user.token())
			.header("Content-Type", "application/octet-stream")
			.header("Upload-Offset", "0")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(10))));
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
	}

	@Test
	void unsupportedOrMissingTusVersionAnswers412WithTheSupportedVersion() {
		Api.Response wrong = api.send(api.builder(Tus.BASE, user.token())
			.header("Tus-Resumable", "0.2.2")
			.header("Upload-Length", "10")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(wrong.status()).isEqualTo(412);
		assertThat(wrong.header("Tus-Version")).isEqualTo("1.0.0");
		assertThat(wrong.header("Tus-Resumable")).isEqualTo("1.0.0");
		Api.Response missing = api.send(api.builder(Tus.BASE, user.token())
			.header("Upload-Length", "10")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(missing.status()).isEqualTo(412);
	}

	@Test
	void patchBeyondTheDeclaredLengthAnswers413AndStoresNothing() {
		String location = tus.create(user.token(), 100, Map.of("filename", "l.bin")).header("Location");
		Api.Response response = tus.patch(location, user.token(), 0, random(101));
		assertThat(response.status()).isEqualTo(413);
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void methodOverrideTurnsAPostIntoAPatch() {
		String location = tus.create(user.token(), 10, Map.of("filename", "m.bin")).header("Location");
		Api.Response response = api.send(tus.request(location, user.token())
			.header("X-HTTP-Method-Override", "PATCH")
			.header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", "0")
			.POST(HttpRequest.BodyPublishers.ofByteArray(random(10))));
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.header("Upload-Offset")).isEqualTo("10");
	}

	@Test
	void terminationDestroysTheUpload() {
		String location = tus.create(user.token(), MIB + 500, Map.of("filename", "d.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, random(MIB)).status()).isEqualTo(204);
		Api.Response deleted = tus.delete(location, user.token());
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(tus.head(location, user.token()).status()).isEqualTo(404);
		assertThat(tus.patch(location, user.token(), MIB, random(10)).status()).isEqualTo(404);
	}

	@Test
	void unknownOrMalformedIdsAnswer404() {
		assertThat(tus.head(Tus.BASE + "/00000000-0000-0000-0000-000000000000", user.token()).status()).isEqualTo(404);
		assertThat(tus.head(Tus.BASE + "/not-an-id", user.token()).status()).isEqualTo(404);
	}

	@Test
	void withoutConfiguredOriginsBrowsersGetNoCorsHeaders() {
		Api.Response preflight = api.send(api.builder(Tus.BASE, null)
			.header("Origin", "https://elsewhere.example.test")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	/**
	 * FERRY_UPLOAD_MIN_CHUNK's default: the least a PATCH that is not the last brings.
	 */
	static final int MIB = 1024 * 1024;

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
