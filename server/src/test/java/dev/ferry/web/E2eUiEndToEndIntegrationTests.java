package dev.ferry.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.testing.Api;
import dev.ferry.testing.BrowserRun;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end encryption in a real browser (web/e2e/age-e2e.mjs): link-key and passphrase
 * transfers encrypted and decrypted in Chromium, a wrong passphrase refused, a 50 MB
 * encrypted upload reloaded mid-way and resumed; both directions against Debian's age CLI
 * (the browser's ciphertext opens with {@code age -d}, an {@code age -r} file uploaded
 * with curl opens in the browser); and afterwards the data directory (blobs, database)
 * and the server's output hold neither the plaintext marker, nor the link key, nor the
 * passphrase.
 */
@ExtendWith(OutputCaptureExtension.class)
class E2eUiEndToEndIntegrationTests extends IntegrationTest {

	private static final List<String> SCREENS = List.of("e2e-switch-off", "e2e-key-mode", "e2e-created",
			"e2e-recipient", "e2e-passphrase-mode", "e2e-wrong-passphrase", "e2e-people-mode");

	@TempDir
	Path work;

	@Test
	void filesAreEncryptedInTheBrowserAndTheServerLearnsNoSecret(CapturedOutput output) throws Exception {
		String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String password = "age-e2e-password-" + UUID.randomUUID();
		Api.Response created = api.post("/api/v1/admin/users",
				Map.of("email", email, "password", password, "role", "admin", "name", "Ada Lovelace"), adminToken());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String token = api.login(email, password);
		String bobEmail = "bob." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		Api.Response bob = api.post("/api/v1/admin/users",
				Map.of("email", bobEmail, "password", password, "role", "user", "name", "Bob Recipient"), adminToken());
		assertThat(bob.status()).as(bob.body()).isEqualTo(201);
		String marker = "FERRY-PLAINTEXT-MARKER-" + UUID.randomUUID();
		String passphrase = "harbour lights " + UUID.randomUUID();

		Path key = work.resolve("cli-key.txt");
		String identity = ageIdentity(key);
		String recipient = run("age-keygen", "-y", key.toString()).strip();
		byte[] plain = new byte[300_000];
		new Random(21).nextBytes(plain);
		Path plainFile = Files.write(work.resolve("cli-plain.bin"), plain);
		Path sealed = work.resolve("cli.age");
		run("age", "-r", recipient, "-o", sealed.toString(), plainFile.toString());
		String name = "cli-" + UUID.randomUUID().toString().substring(0, 8) + ".age";
		Api.Response upload = Curl.request("-X", "PUT", "-H", "Authorization: Bearer " + token, "--data-binary",
				"@" + sealed,
				api.base() + "/api/v1/files/content?path=" + URLEncoder.encode("/" + name, StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.body()).isEqualTo(201);
		Api.Response transfer = api.post("/api/v1/transfers", Map.of("title", "From the age CLI", "file_ids",
				List.of(upload.json().get("id").asString()), "e2e", true, "link", Map.of()), token);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(201);
		String cliUrl = transfer.json().get("link").get("url").asString() + "#" + identity;

		JsonNode summary = BrowserRun.run("age", port,
				Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password, "FERRY_MARKER", marker, "FERRY_PASSPHRASE",
						passphrase, "FERRY_AGE_URL", cliUrl, "FERRY_AGE_SHA", sha256(plain), "FERRY_AGE_NAME", name,
						"FERRY_BOB_EMAIL", bobEmail, "FERRY_BOB_PASSWORD", password),
				Duration.ofMinutes(8));
		BrowserRun.assertScreens(summary, SCREENS);

		JsonNode check = summary.get("ageCheck");
		Path opened = work.resolve("browser-opened.bin");
		run("age", "-d", "-i", check.get("key").asString(), "-o", opened.toString(), check.get("cipher").asString());
		assertThat(sha256(Files.readAllBytes(opened))).isEqualTo(check.get("sha256").asString());

		String linkKey = summary.get("identity").asString();
		for (String secret : List.of(marker, linkKey, passphrase, summary.get("keyPassphrase").asString())) {
			assertThat(output.getAll()).as("server output").doesNotContain(secret);
			assertThat(filesContaining(secret)).as("data directory").isEmpty();
		}
	}

	@Test
	void aKeyWrappedByAPasskeyOpensWhatIsSentToIt(CapturedOutput output) throws Exception {
		String password = "age-passkey-password-" + UUID.randomUUID();
		String email = "ada." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		String carolEmail = "carol." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		for (String[] user : List.of(new String[] { email, "admin" }, new String[] { carolEmail, "user" })) {
			Api.Response created = api.post("/api/v1/admin/users",
					Map.of("email", user[0], "password", password, "role", user[1], "name", "Passkey Test"),
					adminToken());
			assertThat(created.status()).as(created.body()).isEqualTo(201);
		}
		String marker = "FERRY-PLAINTEXT-MARKER-" + UUID.randomUUID();

		// A passkey's relying party must be a host name: localhost, not 127.0.0.1.
		JsonNode summary = BrowserRun.run("age-passkey", "http://localhost:" + port,
				Map.of("FERRY_EMAIL", email, "FERRY_PASSWORD", password, "FERRY_CAROL_EMAIL", carolEmail,
						"FERRY_MARKER", marker, "FERRY_WRONG_KEY", ageIdentity(work.resolve("wrong-key.txt"))),
				Duration.ofMinutes(5), (line) -> null);
		BrowserRun.assertScreens(summary, List.of("e2e-key-choice", "e2e-wrong-key", "e2e-passkey-unlock"));

		Api.Response key = api.get("/api/v1/e2e/key", api.login(carolEmail, password));
		assertThat(key.status()).isEqualTo(200);
		String wrapped = new String(Base64.getDecoder().decode(key.json().get("wrapped_identity").asString()),
				StandardCharsets.ISO_8859_1);
		assertThat(wrapped).startsWith("age-encryption.org/v1\n")
			.contains("\n-> age-encryption.org/fido2prf ")
			.doesNotContain("-> scrypt", "-> X25519", "AGE-SECRET-KEY-1");
		assertThat(output.getAll()).as("server output").doesNotContain(marker);
		assertThat(filesContaining(marker)).as("data directory").isEmpty();
	}

	private static List<Path> filesContaining(String secret) throws IOException {
		byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
		try (Stream<Path> files = Files.walk(DATA_DIR)) {
			return files.filter(Files::isRegularFile).filter((file) -> contains(file, needle)).toList();
		}
	}

	private static boolean contains(Path file, byte[] needle) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			outer: for (int i = 0; i <= bytes.length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (bytes[i + j] != needle[j]) {
						continue outer;
					}
				}
				return true;
			}
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A new identity from Debian's age-keygen, written to {@code key}. */
	private static String ageIdentity(Path key) throws IOException {
		run("age-keygen", "-o", key.toString());
		return Files.readAllLines(key)
			.stream()
			.filter((l) -> l.startsWith("AGE-SECRET-KEY-1"))
			.findFirst()
			.orElseThrow();
	}

	private static String run(String... command) {
		Curl.Result result = Curl.run(List.of(command));
		assertThat(result.exitCode()).as(result.output()).isZero();
		return result.output();
	}

	private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
