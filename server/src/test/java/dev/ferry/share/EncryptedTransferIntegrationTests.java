package dev.ferry.share;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end encrypted transfers with the real {@code age} CLI (Debian's): a file
 * encrypted with {@code age -r} and uploaded with curl goes into an {@code e2e} transfer,
 * the server recognises the age header, stores the encrypted manifest as given, and the
 * share link hands back the exact ciphertext, which {@code age -d} opens. Plaintext
 * files, plain messages and malformed manifests are refused.
 */
class EncryptedTransferIntegrationTests extends ShareIntegrationTest {

	@TempDir
	static Path work;

	static Path identity;

	static String recipient;

	@BeforeAll
	static void keys() throws IOException {
		identity = work.resolve("key.txt");
		Curl.Result keygen = Curl.run(List.of("age-keygen", "-o", identity.toString()));
		assertThat(keygen.exitCode()).as(keygen.output()).isZero();
		recipient = Files.readAllLines(identity)
			.stream()
			.filter((line) -> line.startsWith("# public key: "))
			.findFirst()
			.orElseThrow()
			.substring("# public key: ".length());
	}

	@Test
	void anAgeFileUploadedWithCurlIsSentAndComesBackByteForByte() throws IOException {
		Account owner = newUser();
		byte[] plain = new byte[200_000];
		new Random(13).nextBytes(plain);
		byte[] ciphertext = ageEncrypt(plain);
		String fileId = upload(owner, "/4f1c9a.age", ciphertext);
		String manifest = Base64.getEncoder()
			.encodeToString(ageEncrypt("{\"files\":[{\"name\":\"plan.pdf\"}]}".getBytes(StandardCharsets.UTF_8)));

		JsonNode transfer = transfer(owner, Map.of("title", "Sealed", "file_ids", List.of(fileId), "e2e", true,
				"manifest", manifest, "link", Map.of()));
		assertThat(transfer.get("e2e").asBoolean()).isTrue();
		assertThat(transfer.get("manifest").asString()).isEqualTo(manifest);

		String token = transfer.get("link").get("token").asString();
		JsonNode info = publicGet("/api/v1/share/" + token).json();
		assertThat(info.get("e2e").asBoolean()).isTrue();
		assertThat(info.get("manifest").asString()).isEqualTo(manifest);
		assertThat(info.get("files").get(0).get("age").asBoolean()).isTrue();

		Path downloaded = work.resolve("downloaded-" + fileId + ".age");
		Curl.Result get = Curl.run(List.of("curl", "-sS", "--fail", "-o", downloaded.toString(),
				api.base() + "/api/v1/share/" + token + "/files/" + fileId + "/download"));
		assertThat(get.exitCode()).as(get.output()).isZero();
		assertThat(Files.readAllBytes(downloaded)).isEqualTo(ciphertext);
		Path opened = work.resolve("opened-" + fileId);
		Curl.Result decrypt = Curl
			.run(List.of("age", "-d", "-i", identity.toString(), "-o", opened.toString(), downloaded.toString()));
		assertThat(decrypt.exitCode()).as(decrypt.output()).isZero();
		assertThat(Files.readAllBytes(opened)).isEqualTo(plain);
	}

	@Test
	void aPlainFileCannotGoIntoAnEncryptedTransfer() {
		Account owner = newUser();
		String plainId = upload(owner, "/plain.txt", "not encrypted at all".getBytes(StandardCharsets.UTF_8));

		Api.Response response = api.post("/api/v1/transfers",
				Map.of("title", "Oops", "file_ids", List.of(plainId), "e2e", true), owner.token());

		assertThat(response.status()).isEqualTo(400);
		assertThat(problemType(response)).endsWith("/invalid-share-request");
		assertThat(response.json().get("detail").asString()).contains("not an age file");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM transfers WHERE owner_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Version 1 plaintext, version 2 an age file: pinning version 1 is refused, and an
	 * unpinned transfer is pinned to version 2, so a plaintext version 3 uploaded later
	 * never goes out through its link.
	 */
	@Test
	void anEncryptedTransferServesOnlyTheAgeVersionItChecked() throws IOException {
		Account owner = newUser();
		String id = upload(owner, "/versions.age", "plaintext first".getBytes(StandardCharsets.UTF_8));
		byte[] ciphertext = ageEncrypt("the sealed version".getBytes(StandardCharsets.UTF_8));
		assertThat(upload(owner, "/versions.age", ciphertext)).isEqualTo(id);

		assertRefused(owner, Map.of("title", "Old", "file_ids", List.of(id), "e2e", true, "versions", Map.of(id, 1)),
				"(version 1) is not an age file");
		// Checked before the transaction: a plaintext version 3 could arrive before its
		// pin.
		assertRefused(owner, Map.of("title", "Next", "file_ids", List.of(id), "e2e", true, "versions", Map.of(id, 3)),
				"has no version 3.");
		JsonNode transfer = transfer(owner,
				Map.of("title", "Sealed", "file_ids", List.of(id), "e2e", true, "link", Map.of()));
		assertThat(transfer.get("files").get(0).get("version").asInt()).as("pinned to the checked version")
			.isEqualTo(2);

		upload(owner, "/versions.age", "plaintext again".getBytes(StandardCharsets.UTF_8));
		String token = transfer.get("link").get("token").asString();
		Path downloaded = work.resolve("pinned-" + id + ".age");
		Curl.Result get = Curl.run(List.of("curl", "-sS", "--fail", "-o", downloaded.toString(),
				api.base() + "/api/v1/share/" + token + "/files/" + id + "/download"));
		assertThat(get.exitCode()).as(get.output()).isZero();
		assertThat(Files.readAllBytes(downloaded)).isEqualTo(ciphertext);
	}

	/**
	 * The sender's look at their own file's first bytes is no download: a file only the
	 * office network may download still goes into an encrypted transfer sent from
	 * elsewhere (its recipients' downloads stay under the rule).
	 */
	@Test
	void theAgeCheckIsTheOwnersOwnReadNotADownload() throws IOException {
		Account owner = newUser();
		String id = upload(owner, "/office.age", ageEncrypt("office only".getBytes(StandardCharsets.UTF_8)));
		jdbc.sql("UPDATE files SET allowed_ips = '10.0.0.0/8' WHERE id = ?").param(id).update();

		JsonNode transfer = transfer(owner, Map.of("title", "Sealed", "file_ids", List.of(id), "e2e", true));

		assertThat(transfer.get("e2e").asBoolean()).isTrue();
		assertThat(auditActions(id)).doesNotContain("file.download:denied");
	}

	/**
	 * Senders encrypt to the saved recipient, so an API key may read the wrapped key
	 * (audited) but not replace it; a replacement names the recipient it replaced.
	 */
	@Test
	void onlyAnInteractiveSessionReplacesTheKeyAndReadsAreOnTheTrail() throws IOException {
		Account alice = newUser();
		String wrapped = Base64.getEncoder().encodeToString(ageEncrypt("AGE-SECRET-KEY-1...".getBytes()));
		String body = "{\"recipient\":\"" + recipient + "\",\"wrapped_identity\":\"" + wrapped + "\"}";
		assertThat(api.get("/api/v1/e2e/key", alice.token()).status()).isEqualTo(404);
		assertThat(saveKey(alice.token(), body).status()).isEqualTo(200);
		assertThat(saveKey(alice.token(), body).status()).isEqualTo(200);
		String key = api
			.post("/api/v1/auth/api-keys", Map.of("name", "script", "scopes", List.of("read", "share")), alice.token())
			.json()
			.get("key")
			.asString();

		Api.Response byKey = saveKey(key, body);

		assertThat(byKey.status()).as(byKey.body()).isEqualTo(403);
		assertThat(api.get("/api/v1/e2e/key", key).status()).isEqualTo(200);
		assertThat(auditActions(alice.id().toString())).containsSubsequence("e2e.key.read:failure",
				"e2e.key.saved:success", "e2e.key.saved:success", "e2e.key.read:success");
		assertThat(
				jdbc.sql("SELECT details FROM audit_log WHERE object_id = ? AND action = 'e2e.key.saved' ORDER BY seq")
					.param(alice.id().toString())
					.query(String.class)
					.list())
			.satisfiesExactly((first) -> assertThat(first).doesNotContain("replaced"),
					(second) -> assertThat(second).contains("\"replaced\":\"" + recipient + "\""));
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'e2e.key.saved' AND outcome = 'denied'"
					+ " AND actor_id = ?")
			.param(alice.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private Api.Response saveKey(String token, String body) {
		return api.send(api.builder("/api/v1/e2e/key", token)
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
	}

	@Test
	void aMissingFileIsRefusedAndTheRefusalStaysOnTheTrail() {
		Account owner = newUser();
		String missing = UUID.randomUUID().toString();

		Api.Response response = api.post("/api/v1/transfers",
				Map.of("title", "Gone", "file_ids", List.of(missing), "e2e", true), owner.token());

		assertThat(response.status()).as(response.body()).isEqualTo(404);
		assertThat(auditActions(missing)).containsExactly("transfer.created:denied");
	}

	@Test
	void aPlainMessageOrABadManifestIsRefused() throws IOException {
		Account owner = newUser();
		String fileId = upload(owner, "/c.age", ageEncrypt(new byte[10]));

		assertRefused(owner, Map.of("title", "T", "file_ids", List.of(fileId), "e2e", true, "message", "secret"),
				"encrypted manifest");
		assertRefused(owner, Map.of("title", "T", "file_ids", List.of(fileId), "e2e", true, "manifest", "%%%"),
				"base64");
		assertRefused(owner, Map.of("title", "T", "file_ids", List.of(fileId), "e2e", true, "manifest",
				Base64.getEncoder().encodeToString("plain".getBytes(StandardCharsets.UTF_8))), "age file");
		assertRefused(owner, Map.of("title", "T", "file_ids", List.of(fileId), "manifest", "YWdl"), "e2e: true");

		String id = transfer(owner, Map.of("title", "T", "file_ids", List.of(fileId), "e2e", true)).get("id")
			.asString();
		Api.Response change = api.patch("/api/v1/transfers/" + id, Map.of("message", "now in clear"), owner.token());
		assertThat(change.status()).as(change.body()).isEqualTo(400);
		Api.Response foreign = api.patch("/api/v1/transfers/" + id, Map.of("message", "now in clear"),
				newUser().token());
		assertThat(foreign.status()).as("another's transfer does not exist, encrypted or not").isEqualTo(404);
	}

	@Test
	void aUsersAgeKeyIsKeptWrappedAndOthersFindOnlyItsRecipient() throws IOException {
		Account alice = newUser();
		Account bob = newUser();
		String wrapped = Base64.getEncoder().encodeToString(ageEncrypt("AGE-SECRET-KEY-1...".getBytes()));

		Api.Response saved = api.send(api.builder("/api/v1/e2e/key", alice.token())
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"recipient\":\"" + recipient + "\",\"wrapped_identity\":\"" + wrapped + "\"}")));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);

		JsonNode own = api.get("/api/v1/e2e/key", alice.token()).json();
		assertThat(own.get("wrapped_identity").asString()).isEqualTo(wrapped);
		JsonNode found = api.get("/api/v1/e2e/recipients?email=" + alice.email(), bob.token()).json();
		assertThat(found.get("recipient").asString()).isEqualTo(recipient);
		assertThat(found.has("wrapped_identity")).isFalse();
		assertThat(api.get("/api/v1/e2e/key", bob.token()).status()).isEqualTo(404);
		assertThat(api.get("/api/v1/e2e/recipients?email=" + bob.email(), alice.token()).status()).isEqualTo(404);

		Api.Response bad = api.send(api.builder("/api/v1/e2e/key", bob.token())
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers
				.ofString("{\"recipient\":\"age1nope\",\"wrapped_identity\":\"" + wrapped + "\"}")));
		assertThat(bad.status()).isEqualTo(400);
	}

	private void assertRefused(Account owner, Map<String, Object> body, String detail) {
		Api.Response response = api.post("/api/v1/transfers", body, owner.token());
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).contains(detail);
	}

	private static byte[] ageEncrypt(byte[] plain) throws IOException {
		Path in = Files.createTempFile(work, "plain", ".bin");
		Path out = in.resolveSibling(in.getFileName() + ".age");
		Files.write(in, plain);
		Curl.Result result = Curl.run(List.of("age", "-r", recipient, "-o", out.toString(), in.toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		return Files.readAllBytes(out);
	}

}
