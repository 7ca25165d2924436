package dev.ferry.share;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share and upload-request tokens are secrets in a path: after every public route has
 * been used with them (successes, refusals, unknown routes, web UI pages), neither they
 * nor the session tokens and tickets derived from them appear anywhere in the server's
 * output or the audit trail.
 */
@ExtendWith(OutputCaptureExtension.class)
class PublicRouteLogIntegrationTests extends ShareIntegrationTest {

	@Test
	void noPublicRouteLogsItsToken(CapturedOutput output) {
		Account owner = newUser();
		String fileId = upload(owner, "/logged.txt", "secret-free log".getBytes(StandardCharsets.UTF_8));
		String recipient = "log-" + owner.id() + "@example.test";
		String transferId = transfer(owner,
				Map.of("title", "Logs", "file_ids", List.of(fileId), "recipients", List.of(recipient)))
			.get("id")
			.asString();
		JsonNode link = link(owner, transferId, Map.of("password", "log-pw", "max_downloads", 50));
		String share = tokenOf(link);
		Api.Response request = api.post("/api/v1/upload-requests",
				Map.of("title", "Logged uploads", "password", "up-pw", "max_files", 5, "max_total_bytes", 1000),
				owner.token());
		assertThat(request.status()).as(request.body()).isEqualTo(201);
		String upload = request.json().get("token").asString();
		List<String> secrets = new ArrayList<>(List.of(share, upload));

		String base = "/api/v1/share/" + share;
		List<Integer> statuses = new ArrayList<>();
		statuses.add(publicGet("/s/" + share).status());
		statuses.add(publicGet("/s/" + share + "/").status());
		statuses.add(publicGet(base).status());
		statuses.add(publicPost(base + "/unlock", Map.of("password", "wrong")).status());
		String session = publicPost(base + "/unlock", Map.of("password", "log-pw")).json()
			.get("session_token")
			.asString();
		secrets.add(session);
		statuses.add(publicGet(base, "X-Share-Session", session).status());
		statuses.add(publicPost(base + "/verify-email", Map.of("email", recipient)).status());
		statuses.add(publicPost(base + "/verify-email/confirm", Map.of("email", recipient, "code", "000000"),
				"X-Share-Session", session)
			.status());
		String ticketUrl = publicPost(base + "/download-tickets", Map.of("file_id", fileId), "X-Share-Session", session)
			.json()
			.get("url")
			.asString();
		secrets.add(ticketUrl.substring(ticketUrl.indexOf("ticket=") + 7));
		statuses.add(head(ticketUrl));
		statuses.add(publicGet(ticketUrl).status());
		statuses.add(publicGet(ticketUrl).status());
		String file = base + "/files/" + fileId + "/download";
		statuses.add(head(file, "X-Share-Session", session));
		statuses.add(publicGet(file, "X-Share-Session", session).status());
		statuses.add(publicGet(file, "Range", "bytes=0-3", "Authorization", "Bearer " + session).status());
		statuses.add(publicGet(file).status());
		statuses.add(head(base + "/download", "X-Share-Session", session));
		statuses.add(publicGet(base + "/download", "X-Share-Session", session).status());
		statuses.add(publicGet(base + "/files/not-an-id/download", "X-Share-Session", session).status());
		statuses.add(publicGet(base + "/no-such-route").status());
		statuses.add(publicPost(base, Map.of()).status());
		statuses.add(publicGet("/api/v1/share/" + share.substring(1) + "x").status());
		// Copied with the sentence's full stop, or percent-encoded character by
		// character.
		statuses.add(publicGet("/s/" + share + ".").status());
		String encoded = share.chars().mapToObj((c) -> String.format("%%%02X", c)).collect(Collectors.joining());
		secrets.add(encoded);
		statuses.add(publicGet("/s/" + encoded).status());
		statuses.add(publicGet("/api/v1/share/" + encoded + "/nothing").status());

		String uploadBase = "/api/v1/upload-requests/public/" + upload;
		statuses.add(publicGet("/u/" + upload).status());
		statuses.add(publicGet(uploadBase).status());
		statuses.add(publicPost(uploadBase + "/session", Map.of("password", "wrong")).status());
		String uploadSession = publicPost(uploadBase + "/session", Map.of("password", "up-pw")).json()
			.get("session_token")
			.asString();
		secrets.add(uploadSession);
		statuses.add(publicPost(uploadBase + "/verify-email", Map.of("email", recipient)).status());
		statuses.add(api.send(api.builder("/api/v1/uploads", null)
			.header("X-Upload-Request", uploadSession)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", "3")
			.header("Upload-Metadata", "filename " + Base64.getEncoder().encodeToString("up.txt".getBytes()))
			.POST(HttpRequest.BodyPublishers.noBody())).status());
		statuses.add(publicGet(uploadBase + "/no-such-route").status());

		assertThat(api.delete("/api/v1/transfers/" + transferId + "/shares/" + link.get("id").asString(), owner.token())
			.status()).isEqualTo(204);
		statuses.add(publicGet(base).status());
		statuses.add(publicGet("/s/" + share).status());

		assertThat(statuses).contains(200, 201, 202, 206, 400, 401, 404, 405);
		String all = output.getAll();
		assertThat(all).contains("/s/{redacted}", "/u/{redacted}", "/api/v1/share/{token}");
		for (String secret : secrets) {
			assertThat(all).doesNotContain(secret);
			assertThat(jdbc
				.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE ? OR user_agent LIKE ? OR object_id LIKE ?")
				.params("%" + secret + "%", "%" + secret + "%", "%" + secret + "%")
				.query(Long.class)
				.single()).isZero();
		}
	}

	private int head(String path, String... headers) {
		HttpRequest.Builder builder = api.builder(path, null);
		for (int i = 0; i < headers.length; i += 2) {
			builder.header(headers[i], headers[i + 1]);
		}
		Api.Response response = api.send(builder.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		return response.status();
	}

}
