package dev.ferry.share;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account language ({@code PATCH /api/v1/me}) and mails in the recipient's language,
 * delivered by the real outbox worker to a real SMTP server (GreenMail).
 */
class LocalisedMailIntegrationTests extends ShareIntegrationTest {

	@Test
	void theAccountLanguageIsStoredShownAndValidated() {
		Account account = newUser();
		assertThat(api.get("/api/v1/me", account.token()).json().get("locale").isNull()).isTrue();

		Api.Response set = api.patch("/api/v1/me", Map.of("locale", "pt-br"), account.token());
		assertThat(set.status()).as(set.body()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", account.token()).json().get("locale").asString()).isEqualTo("pt-BR");

		Api.Response unknown = api.patch("/api/v1/me", Map.of("locale", "xx"), account.token());
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(problemType(unknown)).isEqualTo("/problems/validation");
		assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("locale");
		assertThat(api.get("/api/v1/me", account.token()).json().get("locale").asString()).isEqualTo("pt-BR");

		Map<String, Object> browser = new HashMap<>();
		browser.put("locale", null);
		assertThat(api.patch("/api/v1/me", browser, account.token()).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/me", account.token()).json().get("locale").isNull()).isTrue();
		assertThat(api.patch("/api/v1/me", Map.of(), account.token()).status()).isEqualTo(204);
		assertThat(api.patch("/api/v1/me", Map.of("locale", "de"), null).status()).isEqualTo(401);
		assertThat(auditActions(account.id().toString())).contains("account.locale_change:success",
				"account.locale_change:failure");
	}

	@Test
	void aShareNotificationReachesAGermanRecipientInGerman() throws Exception {
		Account owner = newUser();
		String recipient = "de-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/bericht.txt", "inhalt".getBytes());
		transfer(owner, Map.of("title", "Quartalsbericht", "file_ids", List.of(fileId), "recipients",
				List.of(recipient), "notify_recipients", true, "recipient_locale", "de"));

		MimeMessage mail = mailTo(recipient, 1).get(0);
		assertThat(subject(mail)).endsWith("hat Ihnen Dateien gesendet: Quartalsbericht");
		assertThat(part(mail, "text/plain")).contains("hat Ihnen „Quartalsbericht“ gesendet.")
			.contains("Laden Sie die Dateien hier herunter")
			.contains("Gesendet von Ferry.");
		assertThat(part(mail, "text/html")).contains("<html lang=\"de\" dir=\"ltr\">");
	}

	@Test
	void theRecipientsOwnAccountLanguageWinsAndArabicMailsReadRightToLeft() throws Exception {
		Account owner = newUser();
		Account reader = newUser();
		assertThat(api.patch("/api/v1/me", Map.of("locale", "ar"), reader.token()).status()).isEqualTo(204);
		String fileId = upload(owner, "/r.txt", "r".getBytes());
		transfer(owner, Map.of("title", "Report", "file_ids", List.of(fileId), "recipients", List.of(reader.email()),
				"notify_recipients", true, "recipient_locale", "de"));

		MimeMessage mail = mailTo(reader.email(), 1).get(0);
		assertThat(subject(mail)).contains("أرسل إليك").endsWith("Report");
		assertThat(part(mail, "text/html")).contains("<html lang=\"ar\" dir=\"rtl\">");
	}

	@Test
	void withoutAChoiceTheSendersLanguageIsUsed() throws Exception {
		Account owner = newUser();
		assertThat(api.patch("/api/v1/me", Map.of("locale", "fr"), owner.token()).status()).isEqualTo(204);
		String recipient = "fr-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/f.txt", "f".getBytes());
		transfer(owner, Map.of("title", "Devis", "file_ids", List.of(fileId), "recipients", List.of(recipient),
				"notify_recipients", true));

		assertThat(subject(mailTo(recipient, 1).get(0))).endsWith("vous a envoyé des fichiers : Devis");
	}

	@Test
	void aCodeMailFollowsTheRecipientsAccountLanguage() throws Exception {
		Account owner = newUser();
		Account recipient = newUser();
		assertThat(api.patch("/api/v1/me", Map.of("locale", "ja"), recipient.token()).status()).isEqualTo(204);
		String fileId = upload(owner, "/c.txt", "c".getBytes());
		JsonNode transfer = transfer(owner,
				Map.of("title", "Vertrag", "file_ids", List.of(fileId), "recipients", List.of(recipient.email())));
		String token = tokenOf(link(owner, transfer.get("id").asString(), Map.of("require_email_verification", true)));

		assertThat(publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient.email())).status())
			.isEqualTo(202);
		MimeMessage mail = mailTo(recipient.email(), 1).get(0);
		assertThat(subject(mail)).startsWith("Ferry の確認コード: ");
		assertThat(part(mail, "text/plain")).contains("「Vertrag」を開くためのコード:");
	}

	@Test
	void aCodeMailToARecipientWithoutAccountIsInTheLanguageTheSenderChose() throws Exception {
		Account owner = newUser();
		String recipient = "es-" + UUID.randomUUID() + "@example.test";
		String fileId = upload(owner, "/e.txt", "e".getBytes());
		JsonNode transfer = transfer(owner, Map.of("title", "Contrato", "file_ids", List.of(fileId), "recipients",
				List.of(recipient), "recipient_locale", "es"));
		String token = tokenOf(link(owner, transfer.get("id").asString(), Map.of("require_email_verification", true)));

		assertThat(publicPost("/api/v1/share/" + token + "/verify-email", Map.of("email", recipient)).status())
			.isEqualTo(202);
		MimeMessage mail = mailTo(recipient, 1).get(0);
		assertThat(subject(mail)).startsWith("Tu código de Ferry: ");
		assertThat(part(mail, "text/plain")).contains("Tu código para abrir «Contrato» es:");
	}

	@Test
	void anUnknownRecipientLanguageIsRefused() {
		Account owner = newUser();
		String fileId = upload(owner, "/x.txt", "x".getBytes());
		Api.Response refused = api.post("/api/v1/transfers", Map.of("title", "X", "file_ids", List.of(fileId),
				"recipients", List.of("x@example.test"), "recipient_locale", "klingon"), owner.token());

		assertThat(refused.status()).isEqualTo(400);
		assertThat(problemType(refused)).isEqualTo("/problems/invalid-share-request");
		assertThat(refused.json().get("detail").asString()).contains("recipient_locale");
		assertThat(api.get("/api/v1/transfers", owner.token()).json().get("items")).isEmpty();
	}

	/** The decoded text of the message's first part of this type. */
	static String part(Part part, String type) throws MessagingException, IOException {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = part(child, type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
