package dev.ferry.scan;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.ferry.testing.Api;
import dev.ferry.testing.ContentSafetyTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload policy through the real API: "only .txt between 0.5 KB and 2 KB" for users,
 * judged by content (a PNG renamed .txt is refused), on plain uploads and on tus (size at
 * creation, type at the first bytes, nothing stored when refused).
 */
class UploadPolicyIntegrationTests extends ContentSafetyTest {

	private static final Map<String, Object> ONLY_TEXT = Map.of("name", "Only .txt", "roles", List.of("user"),
			"allowed_types", List.of("text/plain"), "allowed_extensions", List.of(".txt"), "min_size", 512, "max_size",
			2048);

	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

	@AfterEach
	void noRules() {
		assertThat(api.send(putPolicy(Map.of("rules", List.of()), admin())).status()).isEqualTo(200);
	}

	@Test
	void onlyTextBetweenHalfAndTwoKilobytesOnPlainUploads() {
		setPolicy();
		Account user = newUser("user");
		assertRefused(put(user, "/tiny.txt", text(100)), "requires at least 512 bytes; this file has 100.");
		assertRefused(put(user, "/big.txt", text(3000)), "allows at most 2048 bytes; this file has 3000.");
		assertRefused(put(user, "/picture.txt", Arrays.copyOf(PNG, 1024)),
				"allows only text/plain; this file's content is image/png.");
		assertRefused(put(user, "/notes.md", text(1024)), "allows only files ending in .txt.");
		Api.Response accepted = put(user, "/notes.txt", text(1024));
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		JsonNode files = api.get("/api/v1/files", user.token()).json().get("items");
		assertThat(files).hasSize(1);
		assertThat(files.get(0).get("name").asString()).isEqualTo("notes.txt");
		Account admin = newUser("admin");
		assertThat(put(admin, "/picture.png", PNG).status()).as("the rule is for users only").isEqualTo(201);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'upload.refused' AND details LIKE ?")
			.param("%tiny.txt%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/**
	 * An empty file is registered by its creation request: when the type rule refuses it
	 * there, the client never learns the upload's URL, so nothing may be left of it.
	 */
	@Test
	void anEmptyFileTheTypeRuleRefusesLeavesNoUploadBehind() {
		assertThat(api.send(putPolicy(
				Map.of("rules", List
					.of(Map.of("name", "Only PNG", "roles", List.of("user"), "allowed_types", List.of("image/png")))),
				admin()))
			.status()).isEqualTo(200);
		Account user = newUser("user");
		Api.Response refused = tusCreate(user, "empty.png", 0);
		assertThat(refused.status()).as(refused.body()).isEqualTo(422);
		assertThat(refused.header("Location")).isNull();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM uploads WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("nothing left that no client could resume").isZero();
	}

	@Test
	void tusChecksSizeAtCreationAndTypeAtTheFirstBytes() {
		setPolicy();
		Account user = newUser("user");
		assertRefused(tusCreate(user, "big.txt", 3000), "allows at most 2048 bytes");
		assertRefused(tusCreate(user, "image.png", 1024), "allows only files ending in .txt.");
		Api.Response created = tusCreate(user, "picture.txt", 1024);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String location = created.header("Location");
		assertRefused(tusPatch(user, location, Arrays.copyOf(PNG, 1024)), "this file's content is image/png.");
		assertThat(api
			.send(api.builder(location, user.token())
				.header("Tus-Resumable", "1.0.0")
				.method("HEAD", HttpRequest.BodyPublishers.noBody()))
			.status()).isEqualTo(404);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM uploads WHERE owner_id = ?")
			.param(user.id().toString())
			.query(Long.class)
			.single()).as("a refused upload stores nothing").isZero();
		Api.Response text = tusCreate(user, "fine.txt", 1024);
		assertThat(tusPatch(user, text.header("Location"), text(1024)).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/files", user.token()).json().get("items")).hasSize(1);
	}

	@Test
	void everyoneReadsTheRulesForTheirRoleOnlyAdminsChangeThem() {
		setPolicy();
		Account user = newUser("user");
		JsonNode mine = api.get("/api/v1/upload-policy", user.token()).json().get("rules");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("allowed_extensions").get(0).asString()).isEqualTo(".txt");
		assertThat(mine.get(0).get("min_size").asLong()).isEqualTo(512);
		assertThat(api.get("/api/v1/upload-policy", admin()).json().get("rules")).isEmpty();
		assertThat(api.get("/api/v1/admin/upload-policy", admin()).json().get("rules")).hasSize(1);
		assertThat(api.get("/api/v1/admin/upload-policy", user.token()).status()).isEqualTo(403);
		assertThat(api.send(putPolicy(Map.of("rules", List.of()), user.token())).status()).isEqualTo(403);
		Api.Response bad = api
			.send(putPolicy(Map.of("rules", List.of(Map.of("allowed_extensions", List.of("txt")))), admin()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("type").asString()).isEqualTo("/problems/invalid-upload-policy");
		assertThat(bad.json().get("detail").asString()).contains("Rule 1: allowed_extensions holds 'txt'");
		Api.Response sizes = api.send(putPolicy(
				Map.of("rules", List.of(Map.of("min_size", 10, "max_size", 5, "roles", List.of("user")))), admin()));
		assertThat(sizes.json().get("detail").asString()).contains("min_size is larger than max_size");
		Api.Response longType = api.send(putPolicy(
				Map.of("rules", List.of(Map.of("allowed_types", List.of("text/" + "x".repeat(200))))), admin()));
		assertThat(longType.status()).as("a subtype longer than RFC 6838's 127").isEqualTo(400);
		List<String> manyExtensions = IntStream.range(0, 200).mapToObj((i) -> ".e" + "x".repeat(25) + i).toList();
		Api.Response tooLarge = api.send(putPolicy(
				Map.of("rules", Collections.nCopies(20, Map.of("denied_extensions", manyExtensions))), admin()));
		assertThat(tooLarge.status()).as("more than the 64 KiB MariaDB stores").isEqualTo(400);
		assertThat(tooLarge.json().get("detail").asString()).contains("65535 bytes");
	}

	@Test
	void theCallersRulesKeepTheirNumberInThePolicySoClientsWordRefusalsTheSame() {
		Api.Response set = api.send(putPolicy(
				Map.of("rules",
						List.of(Map.of("name", "Admins", "roles", List.of("admin"), "max_size", 1_000_000), ONLY_TEXT)),
				admin()));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		Account user = newUser("user");

		JsonNode mine = api.get("/api/v1/upload-policy", user.token()).json().get("rules");
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("number").asInt()).isEqualTo(2);
		assertThat(mine.get(0).get("name").asString()).isEqualTo("Only .txt");
		Api.Response refused = put(user, "/tiny.txt", text(100));
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("Upload policy rule 2 (\"Only .txt\") requires at least 512 bytes; this file has 100.");
	}

	private void setPolicy() {
		Api.Response set = api.send(putPolicy(Map.of("rules", List.of(ONLY_TEXT)), admin()));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().get("rules").get(0).get("max_size").asLong()).isEqualTo(2048);
	}

	private HttpRequest.Builder putPolicy(Object body, String token) {
		return api.builder("/api/v1/admin/upload-policy", token)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers
				.ofString(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body)));
	}

	private static void assertRefused(Api.Response response, String detail) {
		assertThat(response.status()).as(response.body()).isEqualTo(422);
		assertThat(response.json().get("type").asString()).isEqualTo("/problems/upload-policy");
		assertThat(response.json().get("detail").asString()).startsWith("Upload policy rule 1 (\"Only .txt\")")
			.contains(detail);
		assertThat(response.json().get("rule").asInt()).isEqualTo(1);
	}

	private static byte[] text(int size) {
		return "a line of plain text\n".repeat(size / 21 + 1).substring(0, size).getBytes(StandardCharsets.US_ASCII);
	}

}
