package dev.ferry.share;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Link and upload-request secrets are limited per link whatever the client address:
 * requests come from real, different loopback addresses.
 */
class SecretLimitsIntegrationTests extends ShareIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aLinkPasswordIsLimitedPerLinkWhateverTheAddress() {
		Account owner = newUser();
		String fileId = upload(owner, "/guarded-" + UUID.randomUUID() + ".txt", "guarded".getBytes());
		JsonNode link = link(owner, transfer(owner, fileId).get("id").asString(), Map.of("password", "right one"));
		String unlock = "/api/v1/share/" + tokenOf(link) + "/unlock";
		guess(unlock, Map.of("password", "wrong"), "127.0.4.", 401);

		Api.Response right = post("127.0.4.9", unlock, Map.of("password", "right one"));

		assertThat(right.status()).as(right.body()).isEqualTo(429);
		assertThat(problemType(right)).isEqualTo("/problems/too-many-attempts");
		assertThat(right.header("Retry-After")).isNotNull();
		assertThat(auditActions(link.get("id").asString())).contains("share.unlock:failure");
	}

	@Test
	void anUploadRequestPasswordIsLimitedPerRequestWhateverTheAddress() {
		Account owner = newUser();
		Api.Response created = api.post("/api/v1/upload-requests",
				Map.of("title", "Guarded", "max_files", 5, "max_total_bytes", 1000, "password", "open sesame"),
				owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String session = "/api/v1/upload-requests/public/" + created.json().get("token").asString() + "/session";
		guess(session, Map.of("password", "wrong"), "127.0.5.", 401);

		Api.Response right = post("127.0.5.9", session, Map.of("password", "open sesame"));

		assertThat(right.status()).as(right.body()).isEqualTo(429);
		assertThat(problemType(right)).isEqualTo("/problems/too-many-attempts");
	}

	@Test
	void mailedCodesAreLimitedPerLinkWhateverTheAddress() {
		Account owner = newUser();
		String fileId = upload(owner, "/contract-" + UUID.randomUUID() + ".txt", "terms".getBytes());
		String recipient = "recipient-" + UUID.randomUUID() + "@example.test";
		String transferId = transfer(owner,
				Map.of("title", "Contract", "file_ids", List.of(fileId), "recipients", List.of(recipient)))
			.get("id")
			.asString();
		JsonNode link = link(owner, transferId, Map.of("require_email_verification", true));
		String base = "/api/v1/share/" + tokenOf(link);
		assertThat(post("127.0.6.9", base + "/verify-email", Map.of("email", recipient)).status()).isEqualTo(202);
		String code = find(mailTo(recipient, 1).get(0), "\\b(\\d{6})\\b");
		String wrong = code.equals("000000") ? "000001" : "000000";
		guess(base + "/verify-email/confirm", Map.of("email", "stranger@example.test", "code", wrong), "127.0.6.", 400);

		Api.Response right = post("127.0.6.9", base + "/verify-email/confirm",
				Map.of("email", recipient, "code", code));

		assertThat(right.status()).as(right.body()).isEqualTo(429);
		assertThat(problemType(right)).isEqualTo("/problems/too-many-attempts");
	}

	@Test
	void askingForCodesIsLimitedPerLinkAndAddress() {
		Account owner = newUser();
		String fileId = upload(owner, "/codes-" + UUID.randomUUID() + ".txt", "terms".getBytes());
		String transferId = transfer(owner, Map.of("title", "Codes", "file_ids", List.of(fileId), "recipients",
				List.of("someone-" + UUID.randomUUID() + "@example.test")))
			.get("id")
			.asString();
		JsonNode link = link(owner, transferId, Map.of("require_email_verification", true));
		String ask = "/api/v1/share/" + tokenOf(link) + "/verify-email";
		guess(ask, Map.of("email", "stranger@example.test"), "127.0.7.", 202);

		Api.Response limited = post("127.0.7.9", ask, Map.of("email", "stranger@example.test"));

		assertThat(limited.status()).isEqualTo(429);
		assertThat(problemType(limited)).isEqualTo("/problems/too-many-attempts");
	}

	/** Five attempts from each of four addresses {@code prefix}1..4: 20 in all. */
	private void guess(String path, Map<String, String> body, String prefix, int expected) {
		for (int address = 1; address <= 4; address++) {
			for (int i = 0; i < 5; i++) {
				Api.Response response = post(prefix + address, path, body);
				assertThat(response.status()).as(response.body()).isEqualTo(expected);
			}
		}
	}

	private Api.Response post(String address, String path, Object body) {
		return api.from(address)
			.send(api.builder(path, null)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

}
