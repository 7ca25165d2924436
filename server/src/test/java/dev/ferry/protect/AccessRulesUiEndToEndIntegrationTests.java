package dev.ferry.protect;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access-rules screens in a real browser (web/e2e/access-rules-e2e.mjs, Debian's
 * Chromium): an admin sets an account's network rules in the user dialog, bad entries are
 * refused with the API's problem detail under their field and the saved rules are the
 * ones the API then answers; a transfer's link is created with an allowed network and
 * bound to the first device; an upload request created with "Require a CAPTCHA" asks a
 * stranger's browser for the proof of work, which it solves before sending a file that
 * arrives. Screenshots land in target/screenshots.
 */
class AccessRulesUiEndToEndIntegrationTests extends IntegrationTest {

	@Test
	void anAdminSetsNetworkRulesAndAStrangerSolvesAnUploadRequestsCaptcha() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String email = "rules-ui-" + suffix + "@ferry.test";
		String password = "rules-e2e-password-" + UUID.randomUUID();
		String admin = adminToken();
		Api.Response browserAdmin = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Robin Rules"), admin);
		assertThat(browserAdmin.status()).as(browserAdmin.body()).isEqualTo(201);
		// Sorted first among the users, so it is on the list's first page however many
		// exist.
		String target = "a-rules-ui-" + suffix + "@ferry.test";
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", target, "password", "rules-target-" + UUID.randomUUID()), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String targetPath = "/api/v1/admin/users/" + created.json().get("id").asString();
		String token = api.login(email, password);
		String title = "Checked papers " + suffix;
		String file = "plan-" + suffix + ".txt";
		Api.Response uploaded = api.send(api.builder("/api/v1/files/content?path=/" + file, token)
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("harbour plan")));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		try {
			JsonNode summary = BrowserRun.run("access-rules", port, Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD",
					password, "FERRY_TARGET", target, "FERRY_REQUEST_TITLE", title, "FERRY_FILE", file),
					Duration.ofMinutes(5));

			assertThat(summary.get("networkError").asString()).contains("CIDR notation");
			assertThat(summary.get("countryError").asString()).contains("ISO 3166 alpha-2");
			BrowserRun.assertScreens(summary, List.of("admin-user-rules", "request-captcha"));
			JsonNode saved = api.get(targetPath, admin).json();
			List<String> networks = saved.get("allowed_ips").valueStream().map(JsonNode::asString).toList();
			assertThat(networks).hasSize(2).first().isEqualTo("192.0.2.0/24");
			assertThat(networks.get(1)).startsWith("2001:db8:").endsWith("/32");
			assertThat(summary.get("savedNetworks").asString()).as("the dialog shows what the API answers")
				.isEqualTo(String.join(", ", networks));
			assertThat(saved.get("allowed_countries")).isEmpty();
			JsonNode link = transferLink(token, title);
			assertThat(link.get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.0/8");
			assertThat(link.get("bind_to_first_device").asBoolean()).isTrue();
			JsonNode request = request(token, title);
			assertThat(request.get("captcha").asBoolean()).as("created with Require a CAPTCHA").isTrue();
			assertThat(request.get("allowed_ips").get(0).asString()).isEqualTo("127.0.0.0/8");
			String requestPath = "/api/v1/upload-requests/" + request.get("id").asString();
			JsonNode arrived = api.get(requestPath + "/files", token).json().get("items");
			assertThat(arrived).singleElement()
				.satisfies((arrival) -> assertThat(arrival.get("status").asString()).isEqualTo("complete"));
		}
		finally {
			// The server is shared: later browser runs expect neither the user nor an
			// open request.
			assertThat(api.delete(targetPath, admin).status()).isEqualTo(204);
			JsonNode request = request(token, title);
			if (request != null) {
				api.delete("/api/v1/upload-requests/" + request.get("id").asString(), token);
			}
		}
	}

	private JsonNode transferLink(String token, String title) {
		JsonNode transfer = api.get("/api/v1/transfers", token)
			.json()
			.get("items")
			.valueStream()
			.filter((t) -> t.get("title").asString().equals(title))
			.findFirst()
			.orElseThrow();
		return api.get("/api/v1/transfers/" + transfer.get("id").asString(), token).json().get("shares").get(0);
	}

	private JsonNode request(String token, String title) {
		return api.get("/api/v1/upload-requests", token)
			.json()
			.get("items")
			.valueStream()
			.filter((r) -> r.get("title").asString().equals(title))
			.findFirst()
			.orElse(null);
	}

}
