package dev.ferry.files;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.Api;
import dev.ferry.testing.FuzzBudget;
import dev.ferry.testing.FuzzServer;
import org.junit.jupiter.api.BeforeAll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jazzer fuzz target for the multipart upload parser ({@code POST /api/v1/files}, commons
 * fileupload): random boundaries, part headers, part layouts and endings, sent over HTTP
 * to a real server. A body is stored whole (201) or refused with a problem, and a refused
 * one leaves no blob behind. See {@code bin/fuzz}.
 */
class MultipartUploadFuzzTests {

	/** Malformed (400), an on_conflict=fail clash (409), or no multipart type (415). */
	private static final Set<Integer> REFUSALS = Set.of(400, 409, 413, 415);

	private static final String[] FIELDS = { "path", "folder", "on_conflict", "note" };

	/**
	 * The server starts (and the fixtures are made) before Jazzer's clock runs, so the
	 * budget goes to inputs.
	 */
	@BeforeAll
	static void startServer() {
		FuzzServer.get();
	}

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aMultipartBodyIsStoredWholeOrRefusedWithoutABlob(FuzzedDataProvider data) {
		FuzzServer server = FuzzServer.get();
		String boundary = data.consumeBoolean() ? "fuzz" + data.consumeInt(0, 99) : headerSafe(data.consumeString(72));
		String contentType = contentType(data, boundary);
		byte[] body = body(data, boundary);
		Set<Path> blobsBefore = server.blobFiles();
		Api.Response response = server.api()
			.send(server.request("/api/v1/files", server.adminToken())
				.header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
		if (response.status() == 201) {
			assertThat(response.json().get("items").isEmpty()).as(response.toString()).isFalse();
			server.assertNoStackTrace(response);
			return;
		}
		server.assertProblem(response, REFUSALS);
		// Only new files count: a duplicate stored by an earlier input may be purged
		// meanwhile. A part of this request that was a duplicate (its data key destroyed
		// at once) has its objects purged on a background thread, so they may outlive the
		// answer for a moment: waited for, never longer than a real leak would last.
		await().pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(server.blobFiles()).as("blobs after a refused upload").isSubsetOf(blobsBefore));
	}

	private static String contentType(FuzzedDataProvider data, String boundary) {
		return switch (data.consumeInt(0, 4)) {
			case 0 -> "multipart/form-data; boundary=\"" + boundary + "\"";
			case 1 -> "multipart/form-data";
			case 2 -> headerSafe("multipart/form-data; " + data.consumeString(48));
			case 3 -> headerSafe("multipart/" + data.consumeString(16) + "; boundary=" + boundary);
			default -> "multipart/form-data; boundary=" + boundary;
		};
	}

	/** Parts (form fields and files) between delimiters, then some ending. */
	private static byte[] body(FuzzedDataProvider data, String boundary) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		String newline = data.consumeBoolean() ? "\r\n" : "\n";
		int parts = data.consumeInt(0, 4);
		for (int i = 0; i < parts; i++) {
			write(body, "--" + boundary + newline);
			if (data.consumeBoolean()) {
				write(body, "Content-Disposition: form-data; name=\"" + data.pickValue(FIELDS) + "\"" + newline);
			}
			else {
				write(body, "Content-Disposition: form-data; name=\"f\"; filename=\""
						+ (data.consumeBoolean() ? "fuzz.txt" : data.consumeString(24)) + "\"" + newline);
			}
			write(body, data.consumeString(48));
			write(body, newline + newline);
			body.writeBytes(data.consumeBytes(data.consumeInt(0, 256)));
			write(body, newline);
		}
		switch (data.consumeInt(0, 2)) {
			case 0 -> write(body, "--" + boundary + "--" + newline);
			case 1 -> write(body, "--" + boundary);
			default -> {
				// cut off after the last part
			}
		}
		body.writeBytes(data.consumeRemainingAsBytes());
		return body.toByteArray();
	}

	/** What HttpClient lets through in a header value (no control characters). */
	private static String headerSafe(String value) {
		StringBuilder safe = new StringBuilder();
		value.chars().filter((c) -> c >= 0x20 && c < 0x7f).forEach((c) -> safe.append((char) c));
		return safe.toString();
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}

}
