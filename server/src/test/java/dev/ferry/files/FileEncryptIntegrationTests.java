package dev.ferry.files;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/files/{id}/encrypt}: a fresh data key with the old one shredded,
 * and the conversion to an age passphrase file that Debian's {@code age -d} opens (the
 * passphrase typed on a terminal that {@code script} provides).
 */
class FileEncryptIntegrationTests extends FilesTestSupport {

	@Test
	void reEncryptionMovesTheFileToAFreshKeyAndShredsTheOldOne() throws Exception {
		Account user = newUser();
		byte[] content = bytes(300_000, 21);
		JsonNode file = put(user, "/keys/a.bin", content);
		String id = file.get("id").asString();
		String oldBlob = blobOf(id);
		Api.Response encrypted = api.post("/api/v1/files/" + id + "/encrypt", Map.of(), user.token());
		assertThat(encrypted.status()).as(encrypted.body()).isEqualTo(200);
		assertThat(encrypted.json().get("sha256").asString()).isEqualTo(sha256(content));
		assertThat(encrypted.json().get("name").asString()).isEqualTo("a.bin");
		String newBlob = blobOf(id);
		assertThat(newBlob).isNotEqualTo(oldBlob);
		assertThat(wrappedKey(oldBlob)).as("old data key destroyed").isEmpty();
		assertThat(wrappedKey(newBlob)).isPresent();
		assertThat(download(user, id)).isEqualTo(content);
		assertThat(audited(id, "success")).isEqualTo(1);
	}

	@Test
	void aPassphraseTurnsTheFileIntoAnAgeFileThatDebianAgeDecrypts() throws Exception {
		Account user = newUser();
		byte[] content = bytes(200_000, 22);
		String id = put(user, "/age/report.pdf", content).get("id").asString();
		String oldBlob = blobOf(id);
		Api.Response converted = api.post("/api/v1/files/" + id + "/encrypt",
				Map.of("passphrase", "correct horse battery staple"), user.token());
		assertThat(converted.status()).as(converted.body()).isEqualTo(200);
		assertThat(converted.json().get("name").asString()).isEqualTo("report.pdf.age");
		assertThat(converted.json().get("content_type").asString()).isEqualTo("application/x-age");
		assertThat(wrappedKey(oldBlob)).isEmpty();
		byte[] ciphertext = download(user, id);
		assertThat(new String(ciphertext, 0, 22)).isEqualTo("age-encryption.org/v1\n");
		assertThat(converted.json().get("sha256").asString()).isEqualTo(sha256(ciphertext));
		Path dir = tempDir();
		Files.write(dir.resolve("report.pdf.age"), ciphertext);
		Run age = decrypt(dir, "correct horse battery staple");
		assertThat(age.exitCode()).as(age.output()).isZero();
		assertThat(Files.readAllBytes(dir.resolve("out.pdf"))).isEqualTo(content);
		Run wrong = decrypt(dir, "not the passphrase");
		assertThat(wrong.exitCode()).isNotZero();

		Api.Response again = api.post("/api/v1/files/" + id + "/encrypt", Map.of("passphrase", "another passphrase"),
				user.token());
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().get("detail").asString()).contains("already an age file");
	}

	@Test
	void onlyTheOwnerEncryptsAndBadPassphrasesAreRefused() {
		Account owner = newUser();
		Account other = newUser();
		String id = put(owner, "/x.txt", "plain".getBytes()).get("id").asString();
		String blob = blobOf(id);
		Api.Response foreign = api.post("/api/v1/files/" + id + "/encrypt", Map.of(), other.token());
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/file-not-found");
		Api.Response shortPassphrase = api.post("/api/v1/files/" + id + "/encrypt", Map.of("passphrase", "short"),
				owner.token());
		assertThat(shortPassphrase.status()).isEqualTo(400);
		assertThat(shortPassphrase.json().get("type").asString()).isEqualTo("/problems/invalid-encryption");
		assertThat(blobOf(id)).as("nothing changed").isEqualTo(blob);
		assertThat(audited(id, "failure")).as("the foreign attempt and the short passphrase").isEqualTo(2);
	}

	/** Types the passphrase into {@code age -d}, which reads it from its terminal. */
	private static Run decrypt(Path dir, String passphrase) throws Exception {
		Files.deleteIfExists(dir.resolve("out.pdf"));
		Process process = new ProcessBuilder("script", "-qec", "age -d -o out.pdf report.pdf.age", "/dev/null")
			.directory(dir.toFile())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().write((passphrase + "\n").getBytes());
		process.getOutputStream().flush();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		return new Run(process.exitValue(), output);
	}

	private byte[] download(Account user, String id) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient()
			.send(api.builder("/api/v1/files/" + id + "/download", user.token()).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private String blobOf(String fileId) {
		return jdbc.sql("SELECT blob_id FROM files WHERE id = ?").param(fileId).query(String.class).single();
	}

	private Optional<byte[]> wrappedKey(String blobId) {
		List<byte[]> keys = jdbc.sql("SELECT wrapped_key FROM blobs WHERE id = ?")
			.param(blobId)
			.query((rs, row) -> rs.getBytes(1))
			.list();
		return keys.stream().filter((key) -> key != null).findFirst();
	}

	private long audited(String fileId, String outcome) {
		return jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'file.encrypted' AND object_id = ? AND outcome = ?")
			.params(fileId, outcome)
			.query(Long.class)
			.single();
	}

	private record Run(int exitCode, String output) {
	}

}
