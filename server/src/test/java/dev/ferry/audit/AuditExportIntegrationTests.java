package dev.ferry.audit;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportIntegrationTests extends AuditIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void csvExportIsAnAttachmentThatParsesBackToTheRecords() {
		String from = Instant.now().minusSeconds(1).toString();
		String awkward = TestAccounts.uniqueEmail("csv,\"quoted\"");
		loginAttempt(awkward, "Agent, with \"quotes\"");
		loginAttempt(TestAccounts.uniqueEmail("formula"), "=HYPERLINK(\"http://evil\")");

		Api.Response response = api.get("/api/v1/admin/audit-logs/export"
				+ query(Map.of("format", "csv", "action", "auth.login", "from", from)), adminToken());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/csv");
		assertThat(response.header("Content-Disposition")).startsWith("attachment;").contains(".csv\"");

		List<List<String>> rows = Csv.parse(response.body());
		assertThat(rows.get(0)).containsExactlyElementsOf(AuditCsv.COLUMNS);
		List<List<String>> records = rows.subList(1, rows.size());
		assertThat(records).allSatisfy((row) -> assertThat(row).hasSize(AuditCsv.COLUMNS.size()));
		assertThat(records).extracting((row) -> Long.parseLong(row.get(1))).isSorted();
		List<String> quoted = records.stream()
			.filter((row) -> row.get(13).contains("quoted"))
			.findFirst()
			.orElseThrow();
		assertThat(quoted.get(column("user_agent"))).isEqualTo("Agent, with \"quotes\"");
		assertThat(JSON.readTree(quoted.get(column("details"))).get("email").asString()).isEqualTo(awkward);
		assertThat(quoted.get(column("action"))).isEqualTo("auth.login");
		assertThat(Instant.parse(quoted.get(column("time")))).isAfter(Instant.parse(from));
		assertThat(records).extracting((row) -> row.get(column("user_agent"))).contains("'=HYPERLINK(\"http://evil\")");
	}

	@Test
	void ndjsonExportHasOneItemPerLineOldestFirst() {
		String email = TestAccounts.uniqueEmail("ndjson");
		String from = Instant.now().minusSeconds(1).toString();
		failedLogin(email);
		failedLogin(email);

		Api.Response response = api.get(
				"/api/v1/admin/audit-logs/export"
						+ query(Map.of("format", "ndjson", "action", "auth.*", "outcome", "failure", "from", from)),
				adminToken());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/x-ndjson");
		assertThat(response.header("Content-Disposition")).startsWith("attachment;").contains(".ndjson\"");
		List<JsonNode> lines = Arrays.stream(response.body().split("\n")).map(JSON::readTree).toList();
		// Tests running beside this one share the server, so the window may hold their
		// failures too, some without an email.
		assertThat(lines).filteredOn((line) -> email.equals(line.path("details").path("email").asString()))
			.hasSize(2)
			.allSatisfy((line) -> assertThat(line.get("action").asString()).startsWith("auth."));
		assertThat(lines).extracting((line) -> line.get("seq").asLong()).isSorted();
		assertThat(lines.get(0).propertyNames()).containsExactly("id", "seq", "time", "actor", "action", "object",
				"outcome", "ip", "user_agent", "request_id", "details", "hash");
	}

	@Test
	void anExportIsAuditedAndUnknownFormatsAreRefused() {
		String admin = adminToken();
		Api.Response bad = api.get("/api/v1/admin/audit-logs/export?format=xlsx", admin);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.json().get("parameter").asString()).isEqualTo("format");

		assertThat(api.get("/api/v1/admin/audit-logs/export?format=ndjson&outcome=denied", admin).status())
			.isEqualTo(200);
		JsonNode exported = items(search(admin, Map.of("action", "audit.export", "limit", "1"))).get(0);
		assertThat(exported.get("details").get("format").asString()).isEqualTo("ndjson");
		assertThat(exported.get("details").get("filter").get("outcome").asString()).isEqualTo("denied");
	}

	private void loginAttempt(String email, String userAgent) {
		api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.header("User-Agent", userAgent)
			.POST(HttpRequest.BodyPublishers
				.ofString(JSON.writeValueAsString(Map.of("email", email, "password", "wrong-password")))));
	}

	private static int column(String name) {
		return AuditCsv.COLUMNS.indexOf(name);
	}

}
