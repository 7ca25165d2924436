package dev.ferry.share;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ShareDownloadTicketIntegrationTests extends ShareIntegrationTest {

	@Test
	void aTicketDownloadsAndCountsLikeTheSessionItWasIssuedTo(CapturedOutput output) {
		Account owner = newUser();
		String fileId = upload(owner, "/limited.txt", "one download only".getBytes(StandardCharsets.UTF_8));
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(),
				Map.of("password", "correct horse", "max_downloads", 1));
		String token = tokenOf(link);
		Map<String, String> file = Map.of("file_id", fileId);

		Api.Response locked = publicPost(tickets(token), file);
		assertThat(locked.status()).isEqualTo(401);
		assertThat(problemType(locked)).isEqualTo("/problems/share-locked");

		String session = unlock(token);
		String url = ticket(token, session, file);
		assertThat(url).startsWith("/api/v1/share/" + token + "/files/" + fileId + "/download?ticket=fdt_");
		Api.Response download = publicGet(url, "Range", "bytes=0-3");
		assertThat(download.status()).as(download.body()).isEqualTo(206);
		assertThat(download.body()).isEqualTo("one ");
		assertThat(publicGet(url, "Range", "bytes=4-").body()).isEqualTo("download only");
		assertThat(publicGet(url).status()).as("spent").isEqualTo(401);
		assertThat(publicGet(url, "Range", "bytes=0-").status()).as("served already").isEqualTo(401);
		assertThat(downloads(link)).isEqualTo(1);

		Api.Response again = publicGet(ticket(token, session, file));
		assertThat(again.status()).as("the same session downloading again counts").isEqualTo(410);
		Api.Response otherVisitor = publicPost("/api/v1/share/" + token + "/unlock",
				Map.of("password", "correct horse"));
		assertThat(otherVisitor.status()).as("no new session on an exhausted link").isEqualTo(410);
		assertThat(problemType(otherVisitor)).isEqualTo("/problems/share-exhausted");
		assertThat(downloads(link)).isEqualTo(1);
		assertThat(auditActions(link.get("id").asString())).contains("share.download_started:success",
				"share.download:failure");
		assertThat(output.getAll()).doesNotContain(url.substring(url.indexOf("ticket=") + 7)).doesNotContain(token);
	}

	@Test
	void aSpentTicketCannotFetchAWatermarkedFileAgainWithARange() {
		Account owner = newUser();
		String fileId = upload(owner, "/stamped.pdf", TestDocuments.pdf("Stamped once"));
		String token = tokenOf(link(owner, transfer(owner, fileId).get("id").asString(),
				Map.of("password", "correct horse", "watermark", true)));
		String url = ticket(token, unlock(token), Map.of("file_id", fileId));

		assertThat(publicGet(url).status()).isEqualTo(200);
		Api.Response again = publicGet(url, "Range", "bytes=0-");
		assertThat(again.status()).as("a watermarked file has no ranges: the ticket served all of it").isEqualTo(401);
		assertThat(problemType(again)).isEqualTo("/problems/download-ticket-invalid");
	}

	@Test
	void aTicketIsForOneFileOfItsOwnLink() {
		Account owner = newUser();
		String a = upload(owner, "/ta.txt", "a".getBytes(StandardCharsets.UTF_8));
		String b = upload(owner, "/tb.txt", "b".getBytes(StandardCharsets.UTF_8));
		String outside = upload(owner, "/outside.txt", "x".getBytes(StandardCharsets.UTF_8));
		String token = tokenOf(link(owner, transfer(owner, a, b).get("id").asString(), Map.of("password", "pw-1")));
		String otherToken = tokenOf(link(owner, transfer(owner, a).get("id").asString(), Map.of("password", "pw-2")));
		String session = unlock(token, "pw-1");
		String url = ticket(token, session, Map.of("file_id", a));
		String ticket = url.substring(url.indexOf("ticket=") + 7);

		assertThat(publicGet("/api/v1/share/" + token + "/files/" + b + "/download?ticket=" + ticket).status())
			.isEqualTo(401);
		assertThat(publicGet("/api/v1/share/" + token + "/download?ticket=" + ticket).status()).isEqualTo(401);
		assertThat(publicGet("/api/v1/share/" + otherToken + "/files/" + a + "/download?ticket=" + ticket).status())
			.isEqualTo(401);
		assertThat(publicGet("/api/v1/files/" + a + "/download?ticket=" + ticket).status()).isEqualTo(401);
		assertThat(publicPost(tickets(token), Map.of("file_id", outside), "X-Share-Session", session).status())
			.isEqualTo(404);
		assertThat(publicGet(url).body()).isEqualTo("a");
	}

	@Test
	void theZipDownloadsWithATicket() {
		Account owner = newUser();
		String a = upload(owner, "/za.txt", "a".getBytes(StandardCharsets.UTF_8));
		String b = upload(owner, "/zb.txt", "b".getBytes(StandardCharsets.UTF_8));
		JsonNode link = link(owner, transfer(owner, a, b).get("id").asString(), Map.of("password", "zip-pw"));
		String token = tokenOf(link);
		String url = ticket(token, unlock(token, "zip-pw"), Map.of());
		assertThat(url).startsWith("/api/v1/share/" + token + "/download?ticket=fdt_");
		Api.Response zip = publicGet(url);
		assertThat(zip.status()).isEqualTo(200);
		assertThat(zip.contentType()).startsWith("application/zip");
		assertThat(downloads(link)).isEqualTo(1);
		assertThat(publicGet(url, "Range", "bytes=100-").status()).as("a ZIP cannot be resumed").isEqualTo(401);
		assertThat(downloads(link)).isEqualTo(1);
	}

	@Test
	void anEmailVerifiedTicketDownloadIsLoggedForTheRecipient() {
		Account owner = newUser();
		String recipient = "ticket-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/verified.txt", "for your eyes".getBytes(StandardCharsets.UTF_8));
		String transferId = transfer(owner,
				Map.of("title", "Verified", "file_ids", List.of(fileId), "recipients", List.of(recipient)))
			.get("id")
			.asString();
		String token = tokenOf(link(owner, transferId, Map.of("require_email_verification", true)));
		Map<String, String> file = Map.of("file_id", fileId);
		String anonymous = publicPost("/api/v1/share/" + token + "/unlock", Map.of()).json()
			.get("session_token")
			.asString();
		Api.Response unverified = publicPost(tickets(token), file, "X-Share-Session", anonymous);
		assertThat(unverified.status()).isEqualTo(401);
		assertThat(problemType(unverified)).isEqualTo("/problems/share-locked");

		publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient));
		String code = find(mailTo(recipient, 1).get(0), "\\b(\\d{6})\\b");
		String session = publicPost("/api/v1/share/" + token + "/verify-email/confirm",
				Map.of("email", recipient, "code", code))
			.json()
			.get("session_token")
			.asString();
		assertThat(publicGet(ticket(token, session, file)).body()).isEqualTo("for your eyes");
		JsonNode activity = api.get("/api/v1/transfers/" + transferId + "/activity", owner.token()).json();
		assertThat(activity.get("items").get(0).get("email").asString()).isEqualTo(recipient);

		String late = ticket(token, session, file);
		jdbc.sql("UPDATE share_sessions SET expires_at = ? WHERE email = ?")
			.params(Instant.now().minusSeconds(1).toEpochMilli(), recipient)
			.update();
		Api.Response expired = publicGet(late);
		assertThat(expired.status()).isEqualTo(401);
		assertThat(problemType(expired)).isEqualTo("/problems/share-session-invalid");
	}

	@Test
	void anOpenLinkNeedsNoTicket() {
		Account owner = newUser();
		String fileId = upload(owner, "/open.txt", "open".getBytes(StandardCharsets.UTF_8));
		String token = tokenOf(link(owner, transfer(owner, fileId).get("id").asString(), Map.of()));
		assertThat(publicPost(tickets(token), Map.of("file_id", fileId)).status()).isEqualTo(400);
	}

	private static String tickets(String token) {
		return "/api/v1/share/" + token + "/download-tickets";
	}

	private String unlock(String token) {
		return unlock(token, "correct horse");
	}

	private String unlock(String token, String password) {
		Api.Response unlocked = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", password));
		assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
		return unlocked.json().get("session_token").asString();
	}

	private String ticket(String token, String session, Map<String, String> body) {
		Api.Response issued = publicPost(tickets(token), body, "X-Share-Session", session);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		assertThat(issued.json().get("expires_at").asString()).isNotBlank();
		return issued.json().get("url").asString();
	}

	private int downloads(JsonNode link) {
		return jdbc.sql("SELECT downloads FROM share_links WHERE id = ?")
			.param(link.get("id").asString())
			.query(Integer.class)
			.single();
	}

}
