package dev.ferry.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/v1/files/upload}, the classic route, with the real curl: multipart
 * with a folder field, and chunked with {@code Content-Range}, cut off and resumed.
 */
class ClassicUploadIntegrationTests extends FilesTestSupport {

	private static final int MIB = 1024 * 1024;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void multipartWithAFolderFieldStoresEveryFile() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		Files.write(dir.resolve("a.txt"), "first".getBytes());
		Files.write(dir.resolve("b.bin"), bytes(200_000, 11));
		Curl curl = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "folder=/inbox", "-F", "file=@a.txt",
				"-F", "file=@b.bin", url("/api/v1/files/upload"), "-w", "\n%{http_code}");
		assertThat(curl.out()).endsWith("\n201");
		JsonNode items = json.readTree(body(curl)).get("items");
		assertThat(items).hasSize(2);
		assertThat(items.get(0).get("path").asString()).isEqualTo("/inbox/a.txt");
		assertThat(items.get(1).get("path").asString()).isEqualTo("/inbox/b.bin");
		assertThat(items.get(1).get("sha256").asString()).isEqualTo(sha256(bytes(200_000, 11)));
	}

	@Test
	void aRefusedMultipartRequestPutsBackTheFileItReplacedEvenWhenOnlyOneVersionIsKept() throws Exception {
		Account user = newUser();
		keepVersions(user, 1);
		setQuota(user, 50_000);
		byte[] original = bytes(10_000, 21);
		String id = put(user, "/inbox/report.txt", original).get("id").asString();
		Path dir = tempDir();
		Files.write(dir.resolve("report.txt"), bytes(10_000, 22));
		Files.write(dir.resolve("big.bin"), bytes(60_000, 23));

		Curl curl = curl(dir, "-H", "Authorization: Bearer " + user.token(), "-F", "folder=/inbox", "-F",
				"file=@report.txt", "-F", "file=@big.bin", url("/api/v1/files/upload"), "-w", "\n%{http_code}");

		assertThat(curl.out()).endsWith("\n413");
		Api.Response kept = api.get("/api/v1/files/" + id, user.token());
		assertThat(kept.status()).as("the file the request replaced first is back").isEqualTo(200);
		assertThat(kept.json().get("sha256").asString()).isEqualTo(sha256(original));
	}

	@Test
	void chunkedUploadCutOffMidChunkResumesWhereTheServerStands() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		byte[] content = bytes(5 * MIB, 12);
		Files.write(dir.resolve("first.part"), Arrays.copyOfRange(content, 0, 2 * MIB));
		Files.write(dir.resolve("rest.part"), Arrays.copyOfRange(content, 2 * MIB, 5 * MIB));
		String auth = "Authorization: Bearer " + user.token();

		Curl opened = curl(dir, "-X", "POST", "-H", auth, "-H", "Content-Range: bytes */" + content.length,
				url("/api/v1/files/upload?path=/big/video.bin"), "-D", "-");
		assertThat(opened.out()).contains("HTTP/1.1 202");
		JsonNode session = json.readTree(opened.out().substring(opened.out().indexOf('{')));
		assertThat(session.get("offset").asLong()).isZero();
		String location = "/api/v1/files/upload/" + session.get("id").asString();
		assertThat(opened.out()).containsIgnoringCase("location: " + location);

		// The client announces 3 MiB but only 2 MiB leave before it gives up.
		Curl cut = curl(dir, "-T", "first.part", "-H", auth, "-H", "Content-Length: " + 3 * MIB, "-H",
				"Content-Range: bytes 0-" + (3 * MIB - 1) + "/" + content.length, "--max-time", "3", url(location));
		assertThat(cut.exit()).as(cut.err()).isEqualTo(28);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> api.get(location, user.token()).json().get("offset").asLong() == 2 * MIB);
		Curl status = curl(dir, "-H", auth, url(location), "-D", "-");
		assertThat(status.out()).containsIgnoringCase("range: bytes=0-" + (2 * MIB - 1));

		// A chunk may carry the file's own type, one the API would otherwise parse (and
		// cap) as a document.
		Curl rest = curl(dir, "-T", "rest.part", "-H", auth, "-H", "Content-Type: text/csv", "-H",
				"Content-Range: bytes " + 2 * MIB + "-" + (content.length - 1) + "/" + content.length, url(location),
				"-w", "\n%{http_code}");
		assertThat(rest.out()).endsWith("\n201");
		JsonNode done = json.readTree(body(rest));
		assertThat(done.get("complete").asBoolean()).isTrue();
		assertThat(done.get("sha256").asString()).isEqualTo(sha256(content));
		Api.Response file = api.get("/api/v1/files/" + done.get("id").asString(), user.token());
		assertThat(file.json().get("path").asString()).isEqualTo("/big/video.bin");
		assertThat(file.json().get("size").asLong()).isEqualTo(content.length);
	}

	@Test
	void aSmallFileGoesInOneChunkedRequest() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		byte[] content = bytes(70_000, 13);
		Files.write(dir.resolve("small.bin"), content);
		Curl curl = curl(dir, "--data-binary", "@small.bin", "-H", "Authorization: Bearer " + user.token(), "-H",
				"Content-Type: application/octet-stream", "-H",
				"Content-Range: bytes 0-" + (content.length - 1) + "/" + content.length,
				url("/api/v1/files/upload?path=/one.bin"), "-w", "\n%{http_code}");
		assertThat(curl.out()).endsWith("\n201");
		assertThat(json.readTree(body(curl)).get("sha256").asString()).isEqualTo(sha256(content));
	}

	@Test
	void badInputIsAProblemAndKeepsNothing() throws Exception {
		Account user = newUser();
		Path dir = tempDir();
		Files.write(dir.resolve("one.bin"), bytes(MIB, 14));
		Files.write(dir.resolve("note.txt"), "a field, no file".getBytes());
		String auth = "Authorization: Bearer " + user.token();

		Curl noFile = curl(dir, "-H", auth, "-F", "folder=/x", "-F", "note=<note.txt", url("/api/v1/files/upload"),
				"-w", "\n%{http_code}");
		assertThat(noFile.out()).endsWith("\n400").contains("/problems/invalid-upload");

		Curl noRange = curl(dir, "-T", "one.bin", "-X", "POST", "-H", auth, url("/api/v1/files/upload?path=/a.bin"),
				"-w", "\n%{http_code}");
		assertThat(noRange.out()).endsWith("\n400").contains("/problems/invalid-content-range");
		Curl malformed = curl(dir, "-T", "one.bin", "-X", "POST", "-H", auth, "-H", "Content-Range: bytes 0-9/*",
				url("/api/v1/files/upload?path=/a.bin"), "-w", "\n%{http_code}");
		assertThat(malformed.out()).endsWith("\n400").contains("total must be known");
		Curl wrongLength = curl(dir, "-T", "one.bin", "-X", "POST", "-H", auth, "-H",
				"Content-Range: bytes 0-99/" + 2 * MIB, url("/api/v1/files/upload?path=/a.bin"), "-w",
				"\n%{http_code}");
		assertThat(wrongLength.out()).endsWith("\n400").contains("does not match Content-Range");
		Curl pastTotal = curl(dir, "-T", "one.bin", "-X", "POST", "-H", auth, "-H",
				"Content-Range: bytes 0-" + (MIB - 1) + "/100", url("/api/v1/files/upload?path=/a.bin"), "-w",
				"\n%{http_code}");
		assertThat(pastTotal.out()).endsWith("\n400").contains("goes past the total");

		Curl first = curl(dir, "-T", "one.bin", "-X", "POST", "-H", auth, "-H",
				"Content-Range: bytes 0-" + (MIB - 1) + "/" + 3 * MIB, url("/api/v1/files/upload?path=/a.bin"), "-D",
				"-");
		assertThat(first.out()).contains("HTTP/1.1 202");
		String location = "/api/v1/files/upload/"
				+ json.readTree(first.out().substring(first.out().indexOf('{'))).get("id").asString();
		Curl overlap = curl(dir, "-T", "one.bin", "-H", auth, "-H",
				"Content-Range: bytes " + MIB / 2 + "-" + (MIB / 2 + MIB - 1) + "/" + 3 * MIB, url(location), "-w",
				"\n%{http_code}");
		assertThat(overlap.out()).endsWith("\n409")
			.contains("/problems/offset-mismatch")
			.contains("overlaps what arrived")
			.contains("starting at byte " + MIB);
		Curl otherTotal = curl(dir, "-T", "one.bin", "-H", auth, "-H",
				"Content-Range: bytes " + MIB + "-" + (2 * MIB - 1) + "/" + 4 * MIB, url(location), "-w",
				"\n%{http_code}");
		assertThat(otherTotal.out()).endsWith("\n400").contains("is " + 3 * MIB + " bytes long");
		assertThat(api.get(location, user.token()).json().get("offset").asLong()).isEqualTo(MIB);
		assertThat(
				jdbc.sql("SELECT details FROM audit_log WHERE object_id = ? AND action = 'upload.failed' ORDER BY seq")
					.param(location.substring(location.lastIndexOf('/') + 1))
					.query(String.class)
					.list())
			.as("both refusals of the upload on the trail")
			.satisfiesExactly((details) -> assertThat(details).contains("/problems/offset-mismatch"),
					(details) -> assertThat(details).contains("/problems/invalid-content-range"));

		Curl cancelled = curl(dir, "-X", "DELETE", "-H", auth, url(location), "-w", "%{http_code}");
		assertThat(cancelled.out()).isEqualTo("204");
		assertThat(api.get(location, user.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).isEmpty();
	}

	@Test
	void anotherAccountCannotSeeOrContinueAnUpload() throws Exception {
		Account owner = newUser();
		Account other = newUser();
		Path dir = tempDir();
		Curl opened = curl(dir, "-X", "POST", "-H", "Authorization: Bearer " + owner.token(), "-H",
				"Content-Range: bytes */10", url("/api/v1/files/upload?path=/p.bin"));
		String location = "/api/v1/files/upload/" + json.readTree(opened.out()).get("id").asString();
		assertThat(api.get(location, other.token()).status()).isEqualTo(404);
		assertThat(api.get(location, owner.token()).status()).isEqualTo(200);
	}

	private static String body(Curl curl) {
		return curl.out().substring(0, curl.out().lastIndexOf('\n'));
	}

}
