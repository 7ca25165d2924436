package dev.ferry.files;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.ferry.crypto.SecureTokens;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class DownloadTicketIntegrationTests extends FilesTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aTicketStartsOneDownloadAndThenOnlyResumesIt() throws Exception {
		Account user = newUser();
		byte[] content = bytes(10_000, 21);
		String id = put(user, "/ticket.bin", content).get("id").asString();
		JsonNode ticket = ticket(user, "/api/v1/files/" + id + "/download");
		String url = ticket.get("url").asString();
		assertThat(url).startsWith("/api/v1/files/" + id + "/download?ticket=fdt_");
		assertThat(Instant.parse(ticket.get("expires_at").asString())).isBetween(Instant.now().plusSeconds(30),
				Instant.now().plusSeconds(61));

		HttpResponse<byte[]> head = send("HEAD", url);
		assertThat(head.statusCode()).isEqualTo(200);
		HttpResponse<byte[]> first = send("GET", url, "Range", "bytes=0-3999");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(first.body()).isEqualTo(Arrays.copyOfRange(content, 0, 4000));
		assertThat(first.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("ticket.bin"));
		assertThat(first.headers().firstValue("Referrer-Policy")).contains("no-referrer");

		HttpResponse<byte[]> again = send("GET", url);
		assertThat(again.statusCode()).isEqualTo(401);
		assertThat(again.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(new String(again.body())).contains("download link");

		HttpResponse<byte[]> resumed = send("GET", url, "Range", "bytes=4000-", "If-Range",
				head.headers().firstValue("ETag").orElseThrow());
		assertThat(resumed.statusCode()).isEqualTo(206);
		assertThat(resumed.body()).isEqualTo(Arrays.copyOfRange(content, 4000, content.length));
		assertThat(send("HEAD", url).statusCode()).isEqualTo(200);
	}

	@Test
	void aSpentTicketNeverServesTheSameBytesTwice() throws Exception {
		Account user = newUser();
		byte[] content = bytes(500_000, 30);
		String id = put(user, "/served-once.bin", content).get("id").asString();
		String url = url(ticket(user, "/api/v1/files/" + id + "/download").get("url").asString());
		Path dir = tempDir();
		Curl full = curl(dir, "-o", "full.bin", "-w", "%{http_code}", url);
		assertThat(full.out()).as(full.err()).isEqualTo("200");
		assertThat(sha256(Files.readAllBytes(dir.resolve("full.bin")))).isEqualTo(sha256(content));

		assertThat(curl(dir, "-r", "0-", "-o", "replay.bin", "-w", "%{http_code}", url).out()).isEqualTo("401");
		assertThat(curl(dir, "-r", "499999-", "-o", "replay.bin", "-w", "%{http_code}", url).out()).isEqualTo("401");
		assertThat(
				curl(dir, "-r", "500000-", "-H", "If-Range: \"stale\"", "-o", "replay.bin", "-w", "%{http_code}", url)
					.out())
			.as("an If-Range that fails would serve everything")
			.isEqualTo("401");
		assertThat(curl(dir, "-C", "-", "-o", "full.bin", "-w", "%{http_code}", url).out()).as("nothing is missing")
			.isEqualTo("416");
		assertThat(Files.size(dir.resolve("full.bin"))).isEqualTo(content.length);
		String ticketId = ticketId(url);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'download_ticket.redeem' "
					+ "AND outcome = 'failure' AND details LIKE '%already_served%'")
			.param(ticketId)
			.query(Long.class)
			.single()).isEqualTo(3);
	}

	@Test
	void aBrokenDownloadHandsBackWhatItDidNotSend() throws Exception {
		Account user = newUser();
		int size = 24 * 1024 * 1024;
		byte[] content = bytes(size, 32);
		String id = put(user, "/broken.bin", content).get("id").asString();
		String url = url(ticket(user, "/api/v1/files/" + id + "/download").get("url").asString());
		Path dir = tempDir();
		Process broken = new ProcessBuilder("sh", "-c", "curl -sS \"$0\" | head -c 100000 > part.bin", url)
			.directory(dir.toFile())
			.start();
		assertThat(broken.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		String ticketId = ticketId(url);
		await().atMost(Duration.ofSeconds(30)).until(() -> servedTo(ticketId) < size);
		long mark = servedTo(ticketId);
		assertThat(mark).isGreaterThanOrEqualTo(100_000);

		assertThat(curl(dir, "-r", (mark - 1) + "-", "-o", "early.bin", "-w", "%{http_code}", url).out())
			.as("a byte that went out")
			.isEqualTo("401");
		Curl rest = curl(dir, "-r", mark + "-", "-o", "rest.bin", "-w", "%{http_code}", url);
		assertThat(rest.out()).as(rest.err()).isEqualTo("206");
		assertThat(Files.readAllBytes(dir.resolve("rest.bin")))
			.isEqualTo(Arrays.copyOfRange(content, (int) mark, size));
		assertThat(servedTo(ticketId)).isEqualTo(size);
	}

	private long servedTo(String ticketId) {
		return jdbc.sql("SELECT served_to FROM download_tickets WHERE id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

	@Test
	void usingATicketDoesNotKeepItsSessionAlive() throws Exception {
		Account user = newUser();
		String id = put(user, "/idle.bin", bytes(1_000, 31)).get("id").asString();
		String url = ticket(user, "/api/v1/files/" + id + "/download").get("url").asString();
		String sessionId = jdbc.sql("SELECT holder_id FROM download_tickets WHERE id = ?")
			.param(ticketId(url))
			.query(String.class)
			.single();
		long earlier = Instant.now().minusSeconds(600).toEpochMilli();
		jdbc.sql("UPDATE sessions SET last_used_at = ? WHERE id = ?").params(earlier, sessionId).update();

		assertThat(send("GET", url, "Range", "bytes=0-99").statusCode()).isEqualTo(206);
		assertThat(send("GET", url, "Range", "bytes=100-").statusCode()).isEqualTo(206);
		assertThat(send("HEAD", url).statusCode()).isEqualTo(200);

		assertThat(
				jdbc.sql("SELECT last_used_at FROM sessions WHERE id = ?").param(sessionId).query(Long.class).single())
			.isEqualTo(earlier);
	}

	@Test
	void curlResumesATicketDownload() throws Exception {
		Account user = newUser();
		byte[] content = bytes(3_000_000, 22);
		String id = put(user, "/ticket-resume.bin", content).get("id").asString();
		String url = url(ticket(user, "/api/v1/files/" + id + "/download").get("url").asString());
		Path dir = tempDir();
		Curl half = curl(dir, "-r", "0-1199999", "-o", "part.bin", url);
		assertThat(half.exit()).as(half.err()).isZero();
		assertThat(Files.size(dir.resolve("part.bin"))).isEqualTo(1_200_000);
		Curl resumed = curl(dir, "-C", "-", "-o", "part.bin", url, "-w", "%{http_code}");
		assertThat(resumed.exit()).as(resumed.err()).isZero();
		assertThat(resumed.out()).isEqualTo("206");
		assertThat(sha256(Files.readAllBytes(dir.resolve("part.bin")))).isEqualTo(sha256(content));
	}

	@Test
	void anExpiredTicketIsRefusedWithAProblem() throws Exception {
		Account user = newUser();
		String id = put(user, "/expired.bin", bytes(100, 23)).get("id").asString();
		String unused = ticket(user, "/api/v1/files/" + id + "/download").get("url").asString();
		moveToPast(unused, "expires_at = ?, usable_until = ?");
		HttpResponse<byte[]> refused = send("GET", unused);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(new String(refused.body())).contains("\"status\":401");

		String started = ticket(user, "/api/v1/files/" + id + "/download").get("url").asString();
		assertThat(send("GET", started).statusCode()).isEqualTo(200);
		moveToPast(started, "usable_until = ?");
		assertThat(send("GET", started, "Range", "bytes=10-").statusCode()).isEqualTo(401);
	}

	@Test
	void aTicketIsBoundToItsFileAndToDownloads() throws Exception {
		Account user = newUser();
		String a = put(user, "/a.bin", bytes(100, 24)).get("id").asString();
		String b = put(user, "/b.bin", bytes(100, 25)).get("id").asString();
		String url = ticket(user, "/api/v1/files/" + a + "/download").get("url").asString();
		String ticket = url.substring(url.indexOf("ticket=") + 7);
		assertThat(send("GET", "/api/v1/files/" + b + "/download?ticket=" + ticket).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/files?ticket=" + ticket).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/files/" + a + "?ticket=" + ticket).statusCode()).isEqualTo(401);
		assertThat(send("DELETE", "/api/v1/files/" + a + "?ticket=" + ticket).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/files/" + a + "/download", "Authorization", "Bearer " + ticket).statusCode())
			.isEqualTo(401);
		assertThat(send("GET", url).statusCode()).as("still unused").isEqualTo(200);
	}

	@Test
	void anotherUsersFileStaysNotFound() throws Exception {
		Account owner = newUser();
		Account other = newUser();
		String id = put(owner, "/private.bin", bytes(100, 26)).get("id").asString();
		String url = ticket(other, "/api/v1/files/" + id + "/download").get("url").asString();
		assertThat(send("GET", url).statusCode()).isEqualTo(404);
	}

	@Test
	void filesSharedWithMeDownloadWithTicketsWithinTheGrant() throws Exception {
		Account owner = newUser();
		Account reader = newUser();
		Account viewer = newUser();
		byte[] content = bytes(500, 29);
		String id = put(owner, "/granted.bin", content).get("id").asString();
		for (Object[] grant : new Object[][] { { reader, "download" }, { viewer, "view" } }) {
			Api.Response granted = api.post("/api/v1/files/" + id + "/grants",
					Map.of("email", ((Account) grant[0]).email(), "permission", grant[1]), owner.token());
			assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		}
		String path = "/api/v1/shared-with-me/files/" + id + "/download";
		HttpResponse<byte[]> download = send("GET", ticket(reader, path).get("url").asString());
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(content);
		assertThat(send("GET", ticket(viewer, path).get("url").asString()).statusCode()).isEqualTo(404);
	}

	@Test
	void anOlderVersionDownloadsWithATicket() throws Exception {
		Account user = newUser();
		byte[] first = bytes(3_000, 41);
		String id = put(user, "/versioned.bin", first).get("id").asString();
		put(user, "/versioned.bin", bytes(2_000, 42));
		String url = ticket(user, "/api/v1/files/" + id + "/versions/1/download").get("url").asString();
		HttpResponse<byte[]> download = send("GET", url);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(first);
		assertThat(send("GET", url).statusCode()).as("spent").isEqualTo(401);
		assertThat(api
			.post("/api/v1/download-tickets", Map.of("path", "/api/v1/files/" + id + "/versions/1/restore"),
					user.token())
			.status()).as("a restore is no download").isEqualTo(400);
	}

	@Test
	void onlyDownloadPathsGetTickets() {
		Account user = newUser();
		for (String path : new String[] { "/api/v1/files", "/api/v1/auth/sessions", "https://elsewhere.test/x",
				"/api/v1/files/x/download/../../../me", "/api/v1/files/x/download?ticket=fdt_x" }) {
			Api.Response refused = api.post("/api/v1/download-tickets", Map.of("path", path), user.token());
			assertThat(refused.status()).as(path).isEqualTo(400);
		}
		assertThat(api.post("/api/v1/download-tickets", Map.of("path", "/api/v1/files/x/download"), null).status())
			.isEqualTo(401);
		Api.Response key = api
			.post("/api/v1/auth/api-keys", Map.of("name", "script", "scopes", List.of("read"), "expires_at",
					Instant.now().plusSeconds(86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()),
					user.token());
		assertThat(key.status()).as(key.body()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/download-tickets", Map.of("path", "/api/v1/files/x/download"),
					key.json().get("key").asString())
			.status()).as("API keys send their header themselves").isEqualTo(403);
	}

	@Test
	void signingOutEndsTheSessionsTickets() throws Exception {
		Account user = newUser();
		String id = put(user, "/signout.bin", bytes(100, 27)).get("id").asString();
		String url = ticket(user, "/api/v1/files/" + id + "/download").get("url").asString();
		JsonNode sessions = api.get("/api/v1/auth/sessions", user.token()).json();
		String current = sessions.get("items").get(0).get("id").asString();
		assertThat(api.delete("/api/v1/auth/sessions/" + current, user.token()).status()).isEqualTo(204);
		assertThat(send("GET", url).statusCode()).isEqualTo(401);
	}

	@Test
	void auditExportsDownloadWithTicketsForAdminsOnly() throws Exception {
		String admin = adminToken();
		String path = "/api/v1/admin/audit-logs/export?format=ndjson&action=" + encode("file.*");
		String url = ticket(admin, path).get("url").asString();
		HttpResponse<byte[]> export = send("GET", url);
		assertThat(export.statusCode()).as(new String(export.body())).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Type")).contains("application/x-ndjson");
		assertThat(send("GET", url.replace("format=ndjson", "format=csv")).statusCode()).isEqualTo(401);

		Account user = newUser();
		assertThat(send("GET", ticket(user.token(), path).get("url").asString()).statusCode()).isEqualTo(403);
	}

	@Test
	void ticketDownloadsAreAuditedAndTheTicketIsNeverLogged(CapturedOutput output) throws Exception {
		Account user = newUser();
		String id = put(user, "/audited.bin", bytes(100, 28)).get("id").asString();
		String url = ticket(user, "/api/v1/files/" + id + "/download").get("url").asString();
		String ticket = url.substring(url.indexOf("ticket=") + 7);
		assertThat(send("GET", url).statusCode()).isEqualTo(200);
		assertThat(send("GET", url).statusCode()).isEqualTo(401);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc
				.sql("SELECT actor_id FROM audit_log WHERE action = 'file.download' AND object_id = ? "
						+ "AND outcome = 'success'")
				.param(id)
				.query(String.class)
				.list()
				.contains(user.id().toString()));
		String ticketId = jdbc.sql("SELECT id FROM download_tickets WHERE ticket_hash = ?")
			.param(SecureTokens.hash(ticket))
			.query(String.class)
			.single();
		assertThat(jdbc.sql("SELECT action || ':' || outcome FROM audit_log WHERE object_id = ? ORDER BY seq")
			.param(ticketId)
			.query(String.class)
			.list()).containsExactly("download_ticket.issue:success", "download_ticket.redeem:success",
					"download_ticket.redeem:failure");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE details LIKE ? OR user_agent LIKE ?")
			.params("%" + ticket + "%", "%" + ticket + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(output.getAll()).doesNotContain(ticket).contains("/api/v1/files/{id}/download");
	}

	private JsonNode ticket(Account user, String path) {
		return ticket(user.token(), path);
	}

	private JsonNode ticket(String token, String path) {
		Api.Response issued = api.post("/api/v1/download-tickets", Map.of("path", path), token);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		return issued.json();
	}

	private String ticketId(String url) {
		return jdbc.sql("SELECT id FROM download_tickets WHERE ticket_hash = ?")
			.param(SecureTokens.hash(url.substring(url.indexOf("ticket=") + 7)))
			.query(String.class)
			.single();
	}

	private void moveToPast(String url, String assignments) {
		String ticket = url.substring(url.indexOf("ticket=") + 7);
		long past = Instant.now().minusSeconds(1).toEpochMilli();
		Object[] params = assignments.contains(",") ? new Object[] { past, past, SecureTokens.hash(ticket) }
				: new Object[] { past, SecureTokens.hash(ticket) };
		assertThat(jdbc.sql("UPDATE download_tickets SET " + assignments + " WHERE ticket_hash = ?")
			.params(params)
			.update()).isEqualTo(1);
	}

	private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(url(path)))
			.method(method, HttpRequest.BodyPublishers.noBody());
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
