package dev.ferry.share;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Mail through a real SMTP server (GreenMail), sent by the background outbox worker. */
class ShareMailIntegrationTests extends ShareIntegrationTest {

	@Test
	void recipientsGetAWorkingLinkAndTheSenderHearsOfTheFirstDownload() {
		Account owner = newUser();
		String recipient = "friend-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/holiday.txt", "photos soon".getBytes());
		JsonNode transfer = transfer(owner, Map.of("title", "Holiday <b>pics</b>", "message", "Enjoy & share",
				"file_ids", List.of(fileId), "recipients", List.of(recipient), "notify_recipients", true));
		assertThat(transfer.get("mail").asString()).isEqualTo("enabled");
		assertThat(transfer.get("link").get("url").asString()).contains("/s/");

		MimeMessage mail = mailTo(recipient, 1).get(0);
		assertThat(subject(mail)).contains("Holiday <b>pics</b>");
		assertThat(body(mail)).contains("Holiday &lt;b&gt;pics&lt;/b&gt;");
		String token = find(mail, "/s/([A-Za-z0-9_-]{43})");
		Api.Response info = publicGet("/api/v1/share/" + token);
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.json().get("message").asString()).isEqualTo("Enjoy & share");
		Api.Response download = publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download");
		assertThat(download.body()).isEqualTo("photos soon");

		MimeMessage notice = mailTo(owner.email(), 1).get(0);
		assertThat(subject(notice)).contains("First download");
		JsonNode recipients = api
			.get("/api/v1/transfers/" + transfer.get("id").asString() + "/recipients", owner.token())
			.json()
			.get("items");
		assertThat(recipients.get(0).get("email").asString()).isEqualTo(recipient);
		assertThat(recipients.get(0).get("notified_at").isNull()).isFalse();
		assertThat(recipients.get(0).get("downloaded_at").isNull()).isTrue();
	}

	/**
	 * A password session that has not verified an address yet is valid but locked: the
	 * visitor is told to verify, and the trail says locked, not invalid.
	 */
	@Test
	void aPasswordSessionStillToVerifyAnAddressIsLockedNotInvalid() {
		Account owner = newUser();
		String fileId = upload(owner, "/both.txt", "both".getBytes());
		JsonNode transfer = transfer(owner, Map.of("title", "Both", "file_ids", List.of(fileId), "recipients",
				List.of("both-" + UUID.randomUUID() + "@example.test")));
		JsonNode link = link(owner, transfer.get("id").asString(),
				Map.of("password", "correct horse battery", "require_email_verification", true));
		String token = tokenOf(link);
		String session = publicPost("/api/v1/share/" + token + "/unlock", Map.of("password", "correct horse battery"))
			.json()
			.get("session_token")
			.asString();
		Api.Response download = publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download",
				"X-Share-Session", session);
		assertThat(download.status()).isEqualTo(401);
		assertThat(problemType(download)).isEqualTo("/problems/share-locked");
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE object_id = ? AND action = 'share.download' "
					+ "AND outcome <> 'success'")
			.param(link.get("id").asString())
			.query(String.class)
			.list()).singleElement().asString().contains("locked").doesNotContain("invalid_session");
	}

	@Test
	void emailVerificationGivesASessionBoundToTheRecipient() {
		Account owner = newUser();
		String recipient = "verified-" + UUID.randomUUID() + "@example.test";
		String stranger = "stranger-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/contract.txt", "sign here".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Contract", "file_ids", List.of(fileId), "recipients", List.of(recipient)));
		String transferId = transfer.get("id").asString();
		JsonNode link = link(owner, transferId, Map.of("require_email_verification", true));
		String token = tokenOf(link);
		String download = "/api/v1/share/" + token + "/files/" + fileId + "/download";

		assertThat(publicGet(download).status()).isEqualTo(401);
		Api.Response forStranger = publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", stranger));
		Api.Response forRecipient = publicPost("/api/v1/share/" + token + "/verify-email",
				Map.of("email", recipient.toUpperCase()));
		assertThat(forStranger.status()).isEqualTo(202);
		assertThat(forRecipient.status()).isEqualTo(202);
		assertThat(forStranger.body()).isEqualTo(forRecipient.body());
		assertThat(publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", "no address")).status())
			.isEqualTo(400);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND action = 'share.verification_requested' "
					+ "AND outcome = 'failure' AND details LIKE '%invalid_email%'")
			.param(link.get("id").asString())
			.query(Long.class)
			.single()).as("the refused address is on the trail").isEqualTo(1);

		String code = find(mailTo(recipient, 1).get(0), "\\b(\\d{6})\\b");
		assertThat(received(stranger)).isEmpty();
		String wrongCode = code.equals("000000") ? "111111" : "000000";
		Api.Response wrong = publicPost("/api/v1/share/" + token + "/verify-email/confirm",
				Map.of("email", recipient, "code", wrongCode));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(problemType(wrong)).isEqualTo("/problems/verification-code-invalid");
		Api.Response confirmed = publicPost("/api/v1/share/" + token + "/verify-email/confirm",
				Map.of("email", recipient, "code", code));
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
		assertThat(confirmed.json().get("email").asString()).isEqualTo(recipient);
		String session = confirmed.json().get("session_token").asString();
		Api.Response reused = publicPost("/api/v1/share/" + token + "/verify-email/confirm",
				Map.of("email", recipient, "code", code));
		assertThat(reused.status()).isEqualTo(400);

		assertThat(publicGet(download, "X-Share-Session", session).body()).isEqualTo("sign here");
		JsonNode activity = api.get("/api/v1/transfers/" + transferId + "/activity", owner.token()).json();
		assertThat(activity.get("items").get(0).get("email").asString()).isEqualTo(recipient);
		JsonNode recipients = api.get("/api/v1/transfers/" + transferId + "/recipients", owner.token()).json();
		assertThat(recipients.get("items").get(0).get("verified_at").isNull()).isFalse();
		assertThat(recipients.get("items").get(0).get("downloaded_at").isNull()).isFalse();
		assertThat(auditActions(link.get("id").asString())).contains("share.verification_requested:success",
				"share.verification:failure", "share.verification:success");

		Api.Response removed = api.patch("/api/v1/transfers/" + transferId,
				Map.of("recipients", List.of("someone-else-" + UUID.randomUUID() + "@example.test")), owner.token());
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(publicGet(download, "X-Share-Session", session).status())
			.as("taken off the recipients, the verified session stops at once")
			.isEqualTo(401);
		JsonNode page = publicGet("/api/v1/share/" + token, "X-Share-Session", session).json();
		assertThat(page.get("unlocked").asBoolean()).as("the page is locked for a removed recipient too").isFalse();
		assertThat(page.get("files")).isEmpty();
		assertThat(page.hasNonNull("message")).isFalse();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE object_id = ? AND details LIKE '%not_recipient%'")
			.param(link.get("id").asString())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void expiredCodesAndTooManyGuessesAreRefused() {
		Account owner = newUser();
		String recipient = "guesser-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/g.txt", "g".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Guess", "file_ids", List.of(fileId), "recipients", List.of(recipient)));
		String token = tokenOf(link(owner, transfer.get("id").asString(), Map.of("require_email_verification", true)));
		String confirm = "/api/v1/share/" + token + "/verify-email/confirm";

		publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient));
		String code = find(mailTo(recipient, 1).get(0), "\\b(\\d{6})\\b");
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(publicPost(confirm, Map.of("email", recipient, "code", wrong)).status()).isEqualTo(400);
		}
		assertThat(publicPost(confirm, Map.of("email", recipient, "code", code)).status())
			.as("five wrong codes from one address also use up its guesses on this link")
			.isEqualTo(429);
		Api elsewhere = api.from("127.0.9.1");
		assertThat(elsewhere.post(confirm, Map.of("email", recipient, "code", code), null).status())
			.as("the code died after five wrong guesses")
			.isEqualTo(400);

		publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient));
		String second = find(mailTo(recipient, 2).get(1), "\\b(\\d{6})\\b");
		jdbc.sql("UPDATE email_codes SET expires_at = ? WHERE email = ?")
			.params(System.currentTimeMillis() - 1, recipient)
			.update();
		assertThat(elsewhere.post(confirm, Map.of("email", recipient, "code", second), null).status()).isEqualTo(400);
	}

	@Test
	void notifyCreatesAFreshLinkForEveryRecipient() {
		Account owner = newUser();
		String first = "n1-" + UUID.randomUUID() + "@example.test";
		String second = "n2-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/n.txt", "n".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Notify", "file_ids", List.of(fileId), "recipients", List.of(first, second)));

		Api.Response response = api.post("/api/v1/transfers/" + transfer.get("id").asString() + "/notify",
				Map.of("max_downloads", 5), owner.token());

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("recipients").asInt()).isEqualTo(2);
		assertThat(response.json().get("mail").asString()).isEqualTo("enabled");
		String token = response.json().get("link").get("token").asString();
		assertThat(find(mailTo(first, 1).get(0), "/s/([A-Za-z0-9_-]{43})")).isEqualTo(token);
		assertThat(find(mailTo(second, 1).get(0), "/s/([A-Za-z0-9_-]{43})")).isEqualTo(token);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ? AND status = 'sent' "
					+ "AND subject = '' AND text_body = '' AND html_body = '' AND sealed_body IS NULL")
			.param(first)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE subject || text_body || html_body LIKE ?")
			.param("%" + token + "%")
			.query(Integer.class)
			.single()).as("share link in plaintext at rest").isZero();
	}

	@Test
	void notifyOnDownloadMailsTheSenderForEveryCountedDownload() {
		Account owner = newUser();
		String fileId = upload(owner, "/watched.txt", "w".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Watched", "file_ids", List.of(fileId), "notify_sender", false));
		String token = tokenOf(link(owner, transfer.get("id").asString(), Map.of("notify_on_download", true)));

		publicGet("/api/v1/share/" + token + "/files/" + fileId + "/download");
		publicGet("/api/v1/share/" + token + "/download");

		List<MimeMessage> notices = mailTo(owner.email(), 2);
		assertThat(notices).extracting(ShareIntegrationTest::subject)
			.allMatch((s) -> s.contains("\"Watched\" was downloaded"));
		assertThat(notices).extracting(ShareIntegrationTest::body).anyMatch((b) -> b.contains("all files (ZIP)"));
	}

}
