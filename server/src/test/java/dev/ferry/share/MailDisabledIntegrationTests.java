package dev.ferry.share;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The default server has no SMTP: sharing works and says that mail is off. */
class MailDisabledIntegrationTests extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwords;

	@Test
	void transfersWorkAndReportMailDisabled() {
		String token = user();
		Api.Response put = api.send(api.builder("/api/v1/files/content?path=/off.txt", token)
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("off")));
		String fileId = put.json().get("id").asString();

		Api.Response created = api.post("/api/v1/transfers", Map.of("title", "No mail", "file_ids", List.of(fileId),
				"recipients", List.of("r@example.test"), "notify_recipients", true), token);

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode transfer = created.json();
		assertThat(transfer.get("mail").asString()).isEqualTo("disabled");
		String link = transfer.get("link").get("token").asString();
		assertThat(api.get("/api/v1/share/" + link, null).status()).isEqualTo(200);
		Api.Response notify = api.post("/api/v1/transfers/" + transfer.get("id").asString() + "/notify", Map.of(),
				token);
		assertThat(notify.json().get("mail").asString()).isEqualTo("disabled");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Long.class).single()).isZero();
		assertThat(api.get("/api/v1/transfers/" + transfer.get("id").asString() + "/recipients", token)
			.json()
			.get("items")
			.get(0)
			.get("notified_at")
			.isNull()).isTrue();
	}

	private String user() {
		UUID id = UUID.randomUUID();
		String email = "nomail-" + id + "@ferry.test";
		TestAccounts.row().id(id).email(email).passwordHash(passwords.encode("password-" + id)).insert(jdbc);
		return api.login(email, "password-" + id);
	}

}
