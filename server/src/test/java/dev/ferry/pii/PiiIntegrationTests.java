package dev.ferry.pii;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.TestAccounts.Account;
import dev.ferry.testing.TestDocuments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PII detection through the real API, on a server of its own with
 * {@code FERRY_PII_BLOCK_PUBLIC_SHARING=true}: seeded CSV, text and PDF files get every
 * kind flagged by the background scan, a file of random look-alike digits gets none, the
 * flags and the {@code file.pii_flagged} audit record hold kinds and counts but never a
 * value, and public links to flagged (or not yet scanned) files are refused with 409.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = FerryApplication.class)
class PiiIntegrationTests {

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final List<String> EVERY_KIND = List.of("email", "phone", "payment_card", "iban", "us_ssn",
			"de_tax_id");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api api;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "pii");
		registry.add("ferry.pii.block-public-sharing", () -> "true");
		registry.add("ferry.pii.interval", () -> "200ms");
	}

	@BeforeEach
	void connectClient() {
		api = new Api("http://127.0.0.1:" + port);
	}

	@Test
	void seededCsvTextAndPdfFilesAreFlaggedWithEveryKind() {
		Account owner = accounts().user();
		String csv = "name,email,phone,card,iban,ssn,tax_id\nJane," + String.join(",", PiiSamples.ALL) + "\n";
		String csvId = put(owner, "/customers.csv", csv.getBytes(StandardCharsets.UTF_8));
		String txtId = put(owner, "/notes.txt", PiiSamples.everyKind().getBytes(StandardCharsets.UTF_8));
		String pdfId = put(owner, "/letter.pdf",
				TestDocuments.pdf("Contact " + PiiSamples.EMAIL,
						"Call " + PiiSamples.PHONE + " card " + PiiSamples.CARD, "IBAN " + PiiSamples.IBAN,
						"SSN " + PiiSamples.SSN + " Steuer-ID " + PiiSamples.TAX_ID));

		for (String id : List.of(csvId, txtId, pdfId)) {
			JsonNode file = awaitScanned(owner, id);
			assertThat(file.get("pii_flags").valueStream().map(JsonNode::asString))
				.containsExactlyInAnyOrderElementsOf(EVERY_KIND);
			assertThat(file.toString()).doesNotContain(PiiSamples.ALL);
			String details = jdbc
				.sql("SELECT details FROM audit_log WHERE action = 'file.pii_flagged' AND object_id = ? "
						+ "AND outcome = 'success'")
				.param(id)
				.query(String.class)
				.single();
			assertThat(details).contains("\"count_email\":1", "\"count_iban\":1", "\"count_payment_card\":1")
				.doesNotContain(PiiSamples.ALL);
			// Random ids in the details (the owner's) may hold "4111" or "3704" by
			// chance.
			assertThat(details.replaceAll(UUID_PATTERN, "<id>")).doesNotContain("4111", "jane.doe", "123-45", "3704");
		}
		assertThat(api.get("/api/v1/files?path=/", owner.token()).body()).contains("\"pii_flags\":[")
			.doesNotContain(PiiSamples.ALL);
	}

	@Test
	void randomDigitsThatFailTheirChecksAreNotFlagged() {
		Account owner = accounts().user();
		String id = put(owner, "/orders.csv", PiiSamples.randomDigits(42, 2_000).getBytes(StandardCharsets.UTF_8));

		assertThat(awaitScanned(owner, id).get("pii_flags")).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'file.pii_flagged' AND object_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void publicLinksToFlaggedFilesAreRefusedAndCleanFilesShareAsUsual() {
		Account owner = accounts().user();
		String flagged = put(owner, "/payroll.txt", PiiSamples.everyKind().getBytes(StandardCharsets.UTF_8));
		String clean = put(owner, "/menu.txt", "Soup, bread, coffee.".getBytes(StandardCharsets.UTF_8));
		awaitScanned(owner, flagged);
		awaitScanned(owner, clean);

		String both = transfer(owner, flagged, clean);
		Api.Response refused = api.post("/api/v1/transfers/" + both + "/share", Map.of(), owner.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.contentType()).isEqualTo("application/problem+json");
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/pii-sharing-blocked");
		assertThat(refused.json().get("detail").asString()).contains("personal data", "email", "iban");
		assertThat(refused.json().get("file_ids").valueStream().map(JsonNode::asString)).containsExactly(flagged);
		assertThat(refused.body()).doesNotContain(PiiSamples.ALL);
		assertThat(jdbc
			.sql("SELECT details FROM audit_log WHERE action = 'share.created' AND outcome = 'denied' "
					+ "AND object_id = ?")
			.param(both)
			.query(String.class)
			.single()).contains("pii_flagged", flagged);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM share_links WHERE transfer_id = ?")
			.param(both)
			.query(Integer.class)
			.single()).isZero();
		Api.Response german = api.send(api.builder("/api/v1/transfers/" + both + "/share", owner.token())
			.header("Content-Type", "application/json")
			.header("Accept-Language", "de")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(german.status()).isEqualTo(409);
		assertThat(german.json().get("title").asString()).isEqualTo("Öffentliches Teilen gesperrt");
		assertThat(german.json().get("detail").asString()).startsWith("Die Richtlinie verbietet öffentliche Links")
			.contains("1 dieser Dateien", "email", "iban");

		String cleanOnly = transfer(owner, clean);
		Api.Response created = api.post("/api/v1/transfers/" + cleanOnly + "/share", Map.of(), owner.token());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	@Test
	void aFileNotScannedYetCannotBeSharedPublicly() {
		Account owner = accounts().user();
		String id = put(owner, "/fresh.txt", "Nothing personal.".getBytes(StandardCharsets.UTF_8));
		awaitScanned(owner, id);
		// Put back in the queue, as if the worker had not come to it yet.
		jdbc.sql("UPDATE pii_scans SET status = 'pending', due_at = ? WHERE file_id = ?")
			.params(Long.MAX_VALUE, id)
			.update();

		Api.Response refused = api.post("/api/v1/transfers/" + transfer(owner, id) + "/share", Map.of(), owner.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/pii-sharing-blocked");
		assertThat(refused.json().get("detail").asString()).contains("still being scanned");
	}

	/**
	 * A scan that comes due while the file is in the trash finds no file and is dropped;
	 * restoring the file queues it again, so a restored file cannot slip past the policy
	 * unscanned.
	 */
	@Test
	void aFileRestoredFromTheTrashIsScannedBeforeItCanBeShared() {
		Account owner = accounts().user();
		String id = put(owner, "/restored.txt", PiiSamples.everyKind().getBytes(StandardCharsets.UTF_8));
		jdbc.sql("UPDATE pii_scans SET due_at = ? WHERE file_id = ?").params(Long.MAX_VALUE, id).update();
		assertThat(api.delete("/api/v1/files/" + id, owner.token()).status()).isEqualTo(204);
		jdbc.sql("UPDATE pii_scans SET due_at = 0 WHERE file_id = ?").param(id).update();
		await().atMost(WAIT)
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM pii_scans WHERE file_id = ?")
				.param(id)
				.query(Long.class)
				.single() == 0);

		Api.Response restored = api.post("/api/v1/trash/" + id + "/restore", Map.of(), owner.token());
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);

		assertThat(awaitScanned(owner, id).get("pii_flags")).isNotEmpty();
		Api.Response refused = api.post("/api/v1/transfers/" + transfer(owner, id) + "/share", Map.of(), owner.token());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(refused.json().get("type").asString()).isEqualTo("/problems/pii-sharing-blocked");
	}

	private JsonNode awaitScanned(Account owner, String id) {
		await().atMost(WAIT)
			.until(() -> "done".equals(jdbc.sql("SELECT status FROM pii_scans WHERE file_id = ?")
				.param(id)
				.query(String.class)
				.optional()
				.orElse(null)));
		Api.Response file = api.get("/api/v1/files/" + id, owner.token());
		assertThat(file.status()).isEqualTo(200);
		return file.json();
	}

	private String transfer(Account owner, String... fileIds) {
		Api.Response response = api.post("/api/v1/transfers", Map.of("title", "PII", "file_ids", List.of(fileIds)),
				owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private String put(Account owner, String path, byte[] content) {
		Api.Response response = api.send(api
			.builder("/api/v1/files/content?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8), owner.token())
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	private TestAccounts accounts() {
		return new TestAccounts(api, api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));
	}

}
