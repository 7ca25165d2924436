package dev.ferry.upload;

import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tus 1.0.0 specification (tus.io/protocols/resumable-upload), rule by rule, as a
 * client sees it on the wire. One nested class per section of the specification, so a
 * failing rule points at the paragraph it breaks.
 */
class TusSpecificationIntegrationTests extends IntegrationTest {

	/**
	 * FERRY_UPLOAD_MIN_CHUNK's default: the least a PATCH that is not the last brings.
	 */
	static final int MIB = 1024 * 1024;

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	JdbcClient jdbc;

	private Tus tus;

	private TestAccounts.Account user;

	@BeforeEach
	void signIn() {
		tus = new Tus(api);
		user = new TestAccounts(api, adminToken()).user();
	}

	/** Core protocol: HEAD, PATCH, OPTIONS and the headers every request carries. */
	@Nested
	class CoreProtocol {

		@Test
		void optionsAdvertisesVersionExtensionsAndMaxSizeWithoutSignInOrTusResumable() {
			Api.Response response = api
				.send(api.builder(Tus.BASE, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
			assertThat(response.status()).isEqualTo(204);
			assertAdvertisesTus(response);
		}

		@Test
		void headAnswersOffsetLengthMetadataAndNoStore() {
			Api.Response created = tus.create(user.token(), MIB + 5000,
					Map.of("filename", "report ü.bin", "filetype", "application/octet-stream"));
			String location = created.header("Location");
			assertThat(tus.patch(location, user.token(), 0, random(MIB)).status()).isEqualTo(204);

			Api.Response head = tus.head(location, user.token());
			assertThat(head.status()).isEqualTo(200);
			assertThat(head.header("Tus-Resumable")).isEqualTo("1.0.0");
			assertThat(head.header("Upload-Offset")).isEqualTo(Integer.toString(MIB));
			assertThat(head.header("Upload-Length")).isEqualTo(Integer.toString(MIB + 5000));
			assertThat(head.header("Cache-Control")).contains("no-store");
			assertThat(head.header("Upload-Metadata"))
				.contains("filename " + Tus.metadata(Map.of("x", "report ü.bin")).substring(2));
		}

		@Test
		void patchAppendsAtTheOffsetAndAnswers204WithTheNewOffset() {
			String location = tus.create(user.token(), 300, Map.of("filename", "p.bin")).header("Location");
			Api.Response patched = tus.patch(location, user.token(), 0, random(300));
			assertThat(patched.status()).isEqualTo(204);
			assertThat(patched.header("Tus-Resumable")).isEqualTo("1.0.0");
			assertThat(patched.header("Upload-Offset")).isEqualTo("300");
		}

		@Test
		void patchAtAnotherOffsetAnswers409AndKeepsTheUpload() {
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
			for (String type : List.of("application/octet-stream", ";", " ; ;")) {
				Api.Response response = api.send(tus.request(location, user.token())
					.header("Content-Type", type)
					.header("Upload-Offset", "0")
					.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(10))));
				assertThat(response.status()).as(type).isEqualTo(415);
				assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
			}
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

		@Test
		void uploadOffsetMustBeANonNegativeInteger() {
			String location = tus.create(user.token(), 1000, Map.of("filename", "n.bin")).header("Location");
			for (String offset : new String[] { "-1", "ten", "1e3", "" }) {
				Api.Response response = api.send(tus.request(location, user.token())
					.header("Content-Type", "application/offset+octet-stream")
					.header("Upload-Offset", offset)
					.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(10))));
				assertThat(response.status()).as("Upload-Offset '%s'", offset).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
			}
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

		@Test
		void patchBeyondTheDeclaredLengthAnswers413AndStoresNothing() {
			String location = tus.create(user.token(), 100, Map.of("filename", "l.bin")).header("Location");
			Api.Response response = tus.patch(location, user.token(), 0, random(101));
			assertThat(response.status()).isEqualTo(413);
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

		@Test
		void unsupportedOrMissingTusResumableAnswers412WithTheSupportedVersion() {
			Api.Response wrong = api.send(api.builder(Tus.BASE, user.token())
				.header("Tus-Resumable", "0.2.2")
				.header("Upload-Length", "10")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(wrong.status()).isEqualTo(412);
			assertThat(wrong.header("Tus-Version")).isEqualTo("1.0.0");
			assertThat(wrong.header("Tus-Resumable")).isEqualTo("1.0.0");

			String location = tus.create(user.token(), 10, Map.of("filename", "v.bin")).header("Location");
			Api.Response patchWithout = api.send(api.builder(location, user.token())
				.header("Content-Type", "application/offset+octet-stream")
				.header("Upload-Offset", "0")
				.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(random(10))));
			assertThat(patchWithout.status()).isEqualTo(412);
			assertThat(patchWithout.header("Tus-Version")).isEqualTo("1.0.0");
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

		@Test
		void unknownOrMalformedIdsAnswer404WithoutAnOffset() {
			Api.Response unknown = tus.head(Tus.BASE + "/00000000-0000-0000-0000-000000000000", user.token());
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.header("Upload-Offset")).isNull();
			assertThat(tus.head(Tus.BASE + "/not-an-id", user.token()).status()).isEqualTo(404);
		}

	}

	/**
	 * Core protocol, X-HTTP-Method-Override: "MUST be interpreted as the request's
	 * method".
	 */
	@Nested
	class MethodOverride {

		@Test
		void aGetOverriddenToOptionsAdvertisesTus() {
			Api.Response response = api
				.send(api.builder(Tus.BASE, null).header("X-HTTP-Method-Override", "OPTIONS").GET());
			assertThat(response.status()).isEqualTo(204);
			assertAdvertisesTus(response);
		}

		@Test
		void aGetOverriddenToHeadAnswersTheOffset() {
			String location = tus.create(user.token(), MIB + 50, Map.of("filename", "h.bin")).header("Location");
			assertThat(tus.patch(location, user.token(), 0, random(MIB)).status()).isEqualTo(204);
			Api.Response response = api
				.send(tus.request(location, user.token()).header("X-HTTP-Method-Override", "HEAD").GET());
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.header("Upload-Offset")).isEqualTo(Integer.toString(MIB));
			assertThat(response.header("Upload-Length")).isEqualTo(Integer.toString(MIB + 50));
		}

		@Test
		void aPostOverriddenToPatchAppends() {
			String location = tus.create(user.token(), 10, Map.of("filename", "m.bin")).header("Location");
			Api.Response response = api.send(tus.request(location, user.token())
				.header("X-HTTP-Method-Override", "patch")
				.header("Content-Type", "application/offset+octet-stream")
				.header("Upload-Offset", "0")
				.POST(HttpRequest.BodyPublishers.ofByteArray(random(10))));
			assertThat(response.status()).isEqualTo(204);
			assertThat(response.header("Upload-Offset")).isEqualTo("10");
		}

		@Test
		void aPostOverriddenToDeleteTerminates() {
			String location = tus.create(user.token(), 10, Map.of("filename", "x.bin")).header("Location");
			Api.Response response = api.send(tus.request(location, user.token())
				.header("X-HTTP-Method-Override", "DELETE")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.status()).isEqualTo(204);
			assertThat(tus.head(location, user.token()).status()).isEqualTo(404);
		}

		@Test
		void theOverriddenMethodStillNeedsItsCredentials() {
			String location = tus.create(user.token(), 10, Map.of("filename", "a.bin")).header("Location");
			Api.Response response = api
				.send(tus.request(location, null).header("X-HTTP-Method-Override", "DELETE").GET());
			assertThat(response.status()).isEqualTo(401);
			assertThat(tus.head(location, user.token()).status()).isEqualTo(200);
		}

	}

	/**
	 * Creation extension: POST with Upload-Length makes an upload and answers its URL.
	 */
	@Nested
	class Creation {

		@Test
		void postAnswers201WithTheUploadUrlAndTheUploadBecomesAFile() {
			byte[] content = random(MIB + 300_000);
			Api.Response created = tus.create(user.token(), content.length,
					Map.of("filename", "report ü.bin", "filetype", "application/octet-stream", "path", "/tus/reports"));
			assertThat(created.status()).isEqualTo(201);
			assertThat(created.header("Tus-Resumable")).isEqualTo("1.0.0");
			assertThat(created.header("Upload-Offset")).isEqualTo("0");
			String location = created.header("Location");
			assertThat(location).matches("/api/v1/uploads/[0-9a-f-]{36}");

			assertThat(tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, MIB)).status())
				.isEqualTo(204);
			Api.Response last = tus.patch(location, user.token(), MIB,
					Arrays.copyOfRange(content, MIB, content.length));
			assertThat(last.status()).isEqualTo(204);
			assertThat(last.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
			String id = location.substring(location.lastIndexOf('/') + 1);
			assertThat(last.header("Link")).isEqualTo("</api/v1/files/" + id + ">; rel=\"file\"");

			Api.Response file = api.get("/api/v1/files/" + id, user.token());
			assertThat(file.status()).isEqualTo(200);
			assertThat(file.json().get("name").asString()).isEqualTo("report ü.bin");
			assertThat(file.json().get("folder").asString()).isEqualTo("/tus/reports");
			assertThat(file.json().get("size").asLong()).isEqualTo(content.length);
			assertThat(file.json().get("sha256").asString()).isEqualTo(Tus.sha256Hex(content));
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

			Api.Response withBytes = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Length", "0")
				.header("Upload-Metadata", Tus.metadata(Map.of("filename", "not-empty.txt")))
				.header("Content-Type", "application/offset+octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(random(10))));
			assertThat(withBytes.status()).as("an empty upload takes no bytes").isEqualTo(413);
			assertThat(withBytes.header("Location")).isNull();
		}

		@Test
		void aLengthOverTusMaxSizeAnswers413() {
			Api.Response response = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Length", Long.toString(100L * 1024 * 1024 * 1024 + 1))
				.header("Upload-Metadata", Tus.metadata(Map.of("filename", "huge.bin")))
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.status()).isEqualTo(413);
			assertThat(response.header("Tus-Max-Size")).isEqualTo(Long.toString(100L * 1024 * 1024 * 1024));
			assertThat(response.header("Location")).isNull();
		}

		@Test
		void aPostWithoutUploadLengthOrDeferLengthAnswers400() {
			Api.Response response = api
				.send(tus.request(Tus.BASE, user.token()).POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.json().get("type").asString()).isEqualTo("/problems/upload-length-required");
		}

		@Test
		void uploadMetadataMustBeKeyAndBase64ValuePairsWithUniqueKeys() {
			for (String metadata : new String[] { "filename not base64!", "name YQ==,name Yg==", "filename YQ==,,x" }) {
				Api.Response response = api.send(tus.request(Tus.BASE, user.token())
					.header("Upload-Length", "10")
					.header("Upload-Metadata", metadata)
					.POST(HttpRequest.BodyPublishers.noBody()));
				assertThat(response.status()).as("Upload-Metadata '%s'", metadata).isEqualTo(400);
				assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-upload-metadata");
			}
			Api.Response keyOnly = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Length", "10")
				.header("Upload-Metadata", "is_confidential,filename YS50eHQ=")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(keyOnly.status()).isEqualTo(201);
		}

	}

	/** Creation With Upload extension: the POST may carry the first bytes. */
	@Nested
	class CreationWithUpload {

		@Test
		void thePostTakesTheWholeFile() {
			byte[] content = random(70_000);
			Api.Response created = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Length", Integer.toString(content.length))
				.header("Upload-Metadata", Tus.metadata(Map.of("filename", "whole.bin")))
				.header("Content-Type", "application/offset+octet-stream")
				.POST(HttpRequest.BodyPublishers.ofByteArray(content)));
			assertThat(created.status()).isEqualTo(201);
			assertThat(created.header("Upload-Offset")).isEqualTo(Integer.toString(content.length));
			String id = created.header("Location").substring(Tus.BASE.length() + 1);
			assertThat(tus.download(id, user.token())).isEqualTo(content);
		}

	}

	/** Creation Defer Length extension: the length arrives with a later PATCH. */
	@Nested
	class CreationDeferLength {

		@Test
		void theLengthIsDeclaredByALaterPatch() {
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

			assertThat(tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, MIB)).status())
				.isEqualTo(204);
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
		void deferLengthMustBeOne() {
			Api.Response response = api.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Defer-Length", "2")
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.header("Location")).isNull();
		}

	}

	/**
	 * Expiration extension: Upload-Expires until the upload completes; gone afterwards.
	 */
	@Nested
	class Expiration {

		@Test
		void creationAndPatchAnswerUploadExpiresAndCompletionDropsIt() {
			Api.Response created = tus.create(user.token(), MIB + 10, Map.of("filename", "e.bin"));
			ZonedDateTime expires = ZonedDateTime.parse(created.header("Upload-Expires"),
					DateTimeFormatter.RFC_1123_DATE_TIME);
			assertThat(expires).isAfter(ZonedDateTime.now().plusHours(23));
			String location = created.header("Location");
			Api.Response patched = tus.patch(location, user.token(), 0, random(MIB));
			assertThat(patched.header("Upload-Expires")).isNotNull();
			Api.Response last = tus.patch(location, user.token(), MIB, random(10));
			assertThat(last.header("Upload-Expires")).isNull();
			assertThat(tus.head(location, user.token()).header("Upload-Expires")).isNull();
		}

		@Test
		void anExpiredUploadAnswers410() {
			String location = tus.create(user.token(), 100, Map.of("filename", "old.bin")).header("Location");
			String id = location.substring(Tus.BASE.length() + 1);
			jdbc.sql("UPDATE uploads SET expires_at = 1 WHERE id = :id").param("id", id).update();
			Api.Response patched = tus.patch(location, user.token(), 0, random(100));
			assertThat(patched.status()).isEqualTo(410);
			assertThat(patched.json().get("type").asString()).isEqualTo("/problems/upload-expired");
		}

	}

	/** Checksum extension: Upload-Checksum per PATCH, 460 on a mismatch. */
	@Nested
	class Checksum {

		@Test
		void checksummedPatchesAreAccepted() {
			byte[] first = random(MIB);
			byte[] rest = random(5000);
			String location = tus.create(user.token(), first.length + rest.length, Map.of("filename", "s.bin"))
				.header("Location");
			assertThat(api
				.send(tus.patchRequest(location, user.token(), 0, first)
					.header("Upload-Checksum", "sha1 " + Tus.checksum("SHA-1", first)))
				.status()).isEqualTo(204);
			assertThat(api
				.send(tus.patchRequest(location, user.token(), MIB, rest)
					.header("Upload-Checksum", "sha256 " + Tus.checksum("SHA-256", rest)))
				.status()).isEqualTo(204);
		}

		@Test
		void aMismatchAnswers460AndKeepsTheOffset() {
			String location = tus.create(user.token(), 400, Map.of("filename", "c.bin")).header("Location");
			byte[] body = random(400);
			Api.Response mismatch = api.send(tus.patchRequest(location, user.token(), 0, body)
				.header("Upload-Checksum", "sha256 " + Tus.checksum("SHA-256", random(400))));
			assertThat(mismatch.status()).isEqualTo(460);
			assertThat(mismatch.contentType()).startsWith("application/problem+json");
			assertThat(mismatch.json().get("type").asString()).isEqualTo("/problems/checksum-mismatch");
			assertThat(mismatch.header("Tus-Resumable")).isEqualTo("1.0.0");
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

		@Test
		void anUnsupportedAlgorithmAnswers400() {
			String location = tus.create(user.token(), 400, Map.of("filename", "u.bin")).header("Location");
			Api.Response unsupported = api.send(tus.patchRequest(location, user.token(), 0, random(400))
				.header("Upload-Checksum", "crc32 AAAAAA=="));
			assertThat(unsupported.status()).isEqualTo(400);
			assertThat(unsupported.json().get("type").asString()).isEqualTo("/problems/unsupported-checksum");
			assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		}

	}

	/** Termination extension: DELETE frees the upload; later requests answer 404. */
	@Nested
	class Termination {

		@Test
		void deleteDestroysTheUpload() {
			String location = tus.create(user.token(), MIB + 500, Map.of("filename", "d.bin")).header("Location");
			assertThat(tus.patch(location, user.token(), 0, random(MIB)).status()).isEqualTo(204);
			Api.Response deleted = tus.delete(location, user.token());
			assertThat(deleted.status()).isEqualTo(204);
			assertThat(deleted.header("Tus-Resumable")).isEqualTo("1.0.0");
			assertThat(tus.head(location, user.token()).status()).isEqualTo(404);
			assertThat(tus.patch(location, user.token(), MIB, random(10)).status()).isEqualTo(404);
		}

	}

	/**
	 * Not tus: browsers from other origins get nothing unless FERRY_CORS_ORIGINS names
	 * them.
	 */
	@Test
	void withoutConfiguredOriginsBrowsersGetNoCorsHeaders() {
		Api.Response preflight = api.send(api.builder(Tus.BASE, null)
			.header("Origin", "https://elsewhere.example.test")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
	}

	private static void assertAdvertisesTus(Api.Response response) {
		assertThat(response.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(response.header("Tus-Version")).isEqualTo("1.0.0");
		assertThat(response.header("Tus-Extension"))
			.isEqualTo("creation,creation-with-upload,creation-defer-length,expiration,checksum,termination");
		assertThat(response.header("Tus-Checksum-Algorithm")).isEqualTo("sha1,sha256,md5");
		assertThat(response.header("Tus-Max-Size")).isEqualTo(Long.toString(100L * 1024 * 1024 * 1024));
	}

	static byte[] random(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

}
