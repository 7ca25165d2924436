package dev.ferry.share;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload requests end to end: the real tus-js-client uploads (and resumes) through a
 * request with no account, the file lands in the owner's space and the owner is mailed.
 */
class UploadRequestIntegrationTests extends ShareIntegrationTest {

	private static final Path JS = Path.of("src", "test", "js").toAbsolutePath();

	@TempDir
	Path dir;

	/**
	 * A change commits in one transaction with its audit record; a refusal inside it must
	 * keep its own record: a key without the {@code share} scope is denied, and the
	 * denial is on the trail.
	 */
	@Test
	void aKeyWithoutTheShareScopeIsDeniedOnTheTrail() {
		Account owner = newUser();
		Api.Response made = api.post("/api/v1/auth/api-keys", Map.of("name", "reader", "scopes", List.of("read")),
				owner.token());
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String key = made.json().get("key").asString();

		Api.Response refused = api.post("/api/v1/upload-requests",
				Map.of("title", "Not allowed", "max_files", 1, "max_total_bytes", 1000), key);

		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'upload_request.created' AND outcome = 'denied'"
					+ " AND actor_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM upload_requests WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void tusJsClientUploadsThroughARequestIntoTheOwnersFolder() throws Exception {
		Account owner = newUser();
		int size = 3 * 1024 * 1024 + 17;
		JsonNode request = create(owner, Map.of("title", "Tax papers", "message", "Send me your PDFs", "max_files", 2,
				"max_total_bytes", 10_000_000, "allowed_types", List.of(".bin", "application/pdf")));
		assertThat(request.get("url").asString()).endsWith("/u/" + request.get("token").asString());
		String token = request.get("token").asString();
		JsonNode info = publicGet("/api/v1/upload-requests/public/" + token).json();
		assertThat(info.get("title").asString()).isEqualTo("Tax papers");
		assertThat(info.get("files_left").asInt()).isEqualTo(2);
		assertThat(info.toString()).doesNotContain(owner.email());
		String session = publicPost("/api/v1/upload-requests/public/" + token + "/session", Map.of()).json()
			.get("session_token")
			.asString();
		byte[] content = new byte[size];
		new Random(5).nextBytes(content);
		Path source = dir.resolve("statement.bin");
		Files.write(source, content);

		installClient();
		ProcessBuilder node = new ProcessBuilder("node", JS.resolve("resume-upload.mjs").toString(),
				api.base() + "/api/v1/uploads", source.toString());
		node.environment().put("FERRY_UPLOAD_REQUEST", session);
		JsonNode result = JsonMapper.builder().build().readTree(run(node));

		assertThat(result.get("resumed_from").asLong()).isPositive();
		String url = result.get("url").asString();
		String fileId = url.substring(url.lastIndexOf('/') + 1);
		JsonNode file = api.get("/api/v1/files/" + fileId, owner.token()).json();
		assertThat(file.get("folder").asString()).isEqualTo("/Upload requests/Tax papers");
		assertThat(file.get("size").asLong()).isEqualTo(size);
		Api.Response download = api.get("/api/v1/files/" + fileId + "/download", owner.token());
		assertThat(download.status()).isEqualTo(200);
		JsonNode arrivals = api.get("/api/v1/upload-requests/" + request.get("id").asString() + "/files", owner.token())
			.json();
		assertThat(arrivals.get("items").get(0).get("file_id").asString()).isEqualTo(fileId);
		assertThat(arrivals.get("items").get(0).get("status").asString()).isEqualTo("complete");
		assertThat(subject(mailTo(owner.email(), 1).get(0))).contains("statement.bin");
		assertThat(api.get("/api/v1/upload-requests/" + request.get("id").asString(), owner.token())
			.json()
			.get("files_received")
			.asInt()).isEqualTo(1);
	}

	@Test
	void limitsTypesAndOtherUploadsAreEnforced() {
		Account owner = newUser();
		String ownUpload = tusCreate("Authorization", "Bearer " + owner.token(), 10, "mine.bin").header("Location");
		JsonNode request = create(owner,
				Map.of("title", "Small", "max_files", 1, "max_total_bytes", 100, "allowed_types", List.of(".txt")));
		String token = request.get("token").asString();
		Api.Response nullType = api.send(api.builder("/api/v1/upload-requests", owner.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"title\":\"x\",\"max_files\":1,\"max_total_bytes\":1,\"allowed_types\":[null]}")));
		assertThat(nullType.status()).as(nullType.body()).isEqualTo(400);
		assertThat(nullType.json().get("detail").asString()).contains("allowed_types");
		Api.Response longMessage = api.post("/api/v1/upload-requests",
				Map.of("title", "x", "max_files", 1, "max_total_bytes", 1, "message", "m".repeat(10_001)),
				owner.token());
		assertThat(longMessage.status()).as(longMessage.body()).isEqualTo(400);
		assertThat(longMessage.json().get("detail").asString()).contains("message");
		String session = publicPost("/api/v1/upload-requests/public/" + token + "/session", Map.of()).json()
			.get("session_token")
			.asString();

		assertThat(tusCreate("X-Upload-Request", session, 101, "big.txt").status()).isEqualTo(413);
		assertThat(tusCreate("X-Upload-Request", session, 10, "photo.jpg").status()).isEqualTo(415);
		assertThat(tusCreate("X-Upload-Request", "fss_" + "x".repeat(43), 10, "a.txt").status()).isEqualTo(401);
		Api.Response cancelled = tusCreate("X-Upload-Request", session, 10, "cancelled.txt");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
		assertThat(api
			.send(api.builder(cancelled.header("Location"), null)
				.header("Tus-Resumable", "1.0.0")
				.header("X-Upload-Request", session)
				.DELETE())
			.status()).isEqualTo(204);
		Api.Response created = tusCreate("X-Upload-Request", session, 10, "a.txt");
		assertThat(created.status()).as("a terminated upload gives its file back: %s", created.body()).isEqualTo(201);
		assertThat(tusCreate("X-Upload-Request", session, 10, "b.txt").status()).isEqualTo(413);
		Api.Response foreign = api.send(api.builder(ownUpload, null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(foreign.status()).isEqualTo(404);
		Api.Response ownUploadByPass = api.send(api.builder(created.header("Location"), null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(ownUploadByPass.status()).isEqualTo(200);
		Api.Response filesWithPass = api
			.send(api.builder("/api/v1/files", null).header("X-Upload-Request", session).GET());
		assertThat(filesWithPass.status()).isEqualTo(401);
	}

	@Test
	void theContentIsCheckedWhenTheUploadCompletesAndRefusedFilesAreDeleted() {
		Account owner = newUser();
		JsonNode request = create(owner, Map.of("title", "Photos only", "max_files", 5, "max_total_bytes", 100_000,
				"allowed_types", List.of("image/*", ".pdf")));
		String token = request.get("token").asString();
		String session = publicPost("/api/v1/upload-requests/public/" + token + "/session", Map.of()).json()
			.get("session_token")
			.asString();
		byte[] html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);

		Api.Response disguisedBody = upload(session, "invoice.png", "image/png", html);
		Api.Response disguisedName = upload(session, "invoice.html", "image/png", PNG);
		Api.Response fakePdf = upload(session, "invoice.pdf", "application/pdf", html);
		// Bytes that show no type are no PDF, whatever the name and the declared type
		// say.
		Api.Response unknownPdf = upload(session, "scan.pdf", "application/pdf", new byte[] { 1, 2, 3, 4, 5, 6, 7 });
		Api.Response photo = upload(session, "photo.png", "image/png", PNG);
		Api.Response pdf = upload(session, "report.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

		for (Api.Response refused : List.of(disguisedBody, disguisedName, fakePdf, unknownPdf)) {
			assertThat(refused.status()).as(refused.body()).isEqualTo(415);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().get("type").asString()).isEqualTo("/problems/type-not-allowed");
			assertThat(refused.json().get("detail").asString()).contains("image/*, .pdf");
		}
		assertThat(disguisedBody.json().get("detail").asString()).contains("text/html");
		assertThat(photo.status()).as(photo.body()).isEqualTo(204);
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(204);
		JsonNode files = api.get("/api/v1/files?recursive=true", owner.token()).json().get("items");
		assertThat(files).extracting((f) -> f.get("name").asString())
			.containsExactlyInAnyOrder("photo.png", "report.pdf");
		assertThat(files).extracting((f) -> f.get("content_type").asString())
			.containsExactlyInAnyOrder("image/png", "application/pdf");
		assertThat(publicGet("/api/v1/upload-requests/public/" + token).json().get("files_left").asInt()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM uploads WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_reservations WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).as("refused uploads give their quota back").isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'upload_request.upload' AND object_id = ?")
			.param(request.get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(4);
	}

	/** Creates an upload through the request and sends all of {@code content}. */
	private Api.Response upload(String session, String name, String type, byte[] content) {
		String metadata = "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))
				+ ",filetype " + Base64.getEncoder().encodeToString(type.getBytes(StandardCharsets.UTF_8));
		Api.Response created = api.send(api.builder("/api/v1/uploads", null)
			.header("X-Upload-Request", session)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Integer.toString(content.length))
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		Api.Response patched = api.send(api.builder(created.header("Location"), null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray(content)));
		if (patched.status() != 204) {
			assertThat(api
				.send(api.builder(created.header("Location"), null)
					.header("Tus-Resumable", "1.0.0")
					.header("X-Upload-Request", session)
					.method("HEAD", HttpRequest.BodyPublishers.noBody()))
				.status()).as("a refused upload is gone").isEqualTo(404);
		}
		return patched;
	}

	/** A 1x1 PNG. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@Test
	void passwordAndAllowListGuardTheRequest() {
		Account owner = newUser();
		String allowed = "uploader-" + UUID.randomUUID() + "@example.test";
		JsonNode request = create(owner, Map.of("title", "Guarded", "max_files", 5, "max_total_bytes", 1000, "password",
				"open sesame", "allowed_emails", List.of(allowed)));
		String base = "/api/v1/upload-requests/public/" + request.get("token").asString();

		JsonNode info = publicGet(base).json();
		assertThat(info.get("password_required").asBoolean()).isTrue();
		assertThat(info.get("email_verification_required").asBoolean()).isTrue();
		assertThat(publicPost(base + "/session", Map.of("password", "open sesame")).status()).isEqualTo(401);
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'upload_request.unlock' AND outcome = 'failure'"
					+ " AND object_id = ?")
			.param(request.get("id").asString())
			.query(String.class)
			.list()).singleElement().asString().contains("verification_required");
		publicPost(base + "/verify-email", Map.of("email", allowed));
		String code = find(mailTo(allowed, 1).get(0), "\\b(\\d{6})\\b");
		assertThat(publicPost(base + "/verify-email/confirm", Map.of("email", allowed, "code", code, "password", "no"))
			.status()).isEqualTo(401);
		Api.Response confirmed = publicPost(base + "/verify-email/confirm",
				Map.of("email", allowed, "code", code, "password", "open sesame"));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		String session = confirmed.json().get("session_token").asString();

		Api.Response created = tusCreate("X-Upload-Request", session, 3, "hello.txt");
		assertThat(created.status()).isEqualTo(201);
		Api.Response patch = api.send(api.builder(created.header("Location"), null)
			.header("Tus-Resumable", "1.0.0")
			.header("X-Upload-Request", session)
			.header("Upload-Offset", "0")
			.header("Content-Type", "application/offset+octet-stream")
			.method("PATCH", HttpRequest.BodyPublishers.ofByteArray("hey".getBytes(StandardCharsets.UTF_8))));
		assertThat(patch.status()).isEqualTo(204);
		JsonNode arrivals = api.get("/api/v1/upload-requests/" + request.get("id").asString() + "/files", owner.token())
			.json();
		assertThat(arrivals.get("items").get(0).get("uploader_email").asString()).isEqualTo(allowed);
	}

	@Test
	void revokedAndExpiredRequestsStopAtOnce() {
		Account owner = newUser();
		JsonNode revoked = create(owner, Map.of("title", "Revoked", "max_files", 1, "max_total_bytes", 10));
		JsonNode expired = create(owner, Map.of("title", "Expired", "max_files", 1, "max_total_bytes", 10, "expires_at",
				Instant.now().plus(1, ChronoUnit.DAYS).toString()));
		String session = publicPost("/api/v1/upload-requests/public/" + revoked.get("token").asString() + "/session",
				Map.of())
			.json()
			.get("session_token")
			.asString();
		api.delete("/api/v1/upload-requests/" + revoked.get("id").asString(), owner.token());
		assertThat(api.delete("/api/v1/upload-requests/" + revoked.get("id").asString(), owner.token()).status())
			.isEqualTo(204);
		assertThat(auditActions(revoked.get("id").asString())).containsSubsequence("upload_request.revoked:success",
				"upload_request.revoked:failure");
		jdbc.sql("UPDATE upload_requests SET expires_at = ? WHERE id = ?")
			.params(System.currentTimeMillis() - 1, expired.get("id").asString())
			.update();

		Api.Response revokedInfo = publicGet("/api/v1/upload-requests/public/" + revoked.get("token").asString());
		Api.Response expiredInfo = publicGet("/api/v1/upload-requests/public/" + expired.get("token").asString());

		assertThat(revokedInfo.status()).isEqualTo(404);
		assertThat(expiredInfo.status()).isEqualTo(410);
		Api.Response late = tusCreate("X-Upload-Request", session, 1, "late.txt");
		assertThat(late.status()).as("the request's own answer, as its page gives").isEqualTo(404);
		assertThat(late.json().get("type").asString()).isEqualTo(revokedInfo.json().get("type").asString());
		JsonNode listed = api.get("/api/v1/upload-requests", owner.token()).json();
		assertThat(listed.get("items")).hasSize(2);
	}

	private JsonNode create(Account owner, Map<String, Object> body) {
		Api.Response response = api.post("/api/v1/upload-requests", body, owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private Api.Response tusCreate(String header, String value, long length, String name) {
		String metadata = "filename " + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8));
		return api.send(api.builder("/api/v1/uploads", null)
			.header(header, value)
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", Long.toString(length))
			.header("Upload-Metadata", metadata)
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private void installClient() throws Exception {
		if (!Files.isDirectory(JS.resolve("node_modules").resolve("tus-js-client"))) {
			run(new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", JS.toString()));
		}
	}

	private String run(ProcessBuilder command) throws IOException, InterruptedException {
		Path out = Files.createTempFile(dir, "out-", ".txt");
		Path err = Files.createTempFile(dir, "err-", ".txt");
		Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("%s finished", command.command()).isTrue();
		String stdout = Files.readString(out);
		assertThat(process.exitValue()).as("%s failed:%n%s%n%s", command.command(), stdout, Files.readString(err))
			.isZero();
		List<String> lines = stdout.lines().filter((line) -> !line.isBlank()).toList();
		return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
	}

}
