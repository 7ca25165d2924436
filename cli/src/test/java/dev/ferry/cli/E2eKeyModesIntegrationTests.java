package dev.ferry.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.ferry.cli.AgeTool.bytes;
import static dev.ferry.cli.AgeTool.run;
import static dev.ferry.cli.AgeTool.runWithPassphrase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code send --e2e} in the web UI's other two key modes, against a running server: a
 * passphrase (age scrypt; from a file, the environment or standard input) and "to people"
 * (their {@code age1…} recipients looked up by email through the API). Each opens with
 * {@code download --e2e} and with Debian's age; no link carries a key.
 */
@ExtendWith(FerryServer.class)
class E2eKeyModesIntegrationTests {

	@TempDir
	Path home;

	@TempDir
	Path work;

	private CliRun cli;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void signIn() {
		cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
	}

	@Test
	void aPassphraseTransferOpensWithThePassphraseHereAndInDebianAge() throws Exception {
		String passphrase = "harbour lights " + UUID.randomUUID();
		Path secret = Files.writeString(work.resolve("passphrase.txt"), passphrase + "\n");
		Path plan = Files.write(work.resolve("plan.bin"), bytes(140_000));

		CliRun.Result send = cli.run("send", "--e2e", "--passphrase-file", secret.toString(), plan.toString(),
				"--folder", "/it-e2e-passphrase", "--message", "private words", "--json");

		assertThat(send.exitCode()).as(send.err()).isZero();
		String url = send.json().path("url").asString();
		assertThat(url).matches(".*/s/[A-Za-z0-9_-]+");
		JsonNode info = PublicLinks.info(url);
		assertThat(info.path("e2e").asBoolean()).isTrue();
		assertThat(info.toString()).doesNotContain("plan.bin", "private words", passphrase);

		CliRun recipient = new CliRun(Files.createDirectory(work.resolve("recipient-home")));
		Path inbox = Files.createDirectory(work.resolve("inbox"));
		CliRun.Result download = recipient.runWithEnv(Map.of(PassphraseOptions.ENV, passphrase), "download", "--e2e",
				url, "--passphrase", "-o", inbox.toString(), "--json");
		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(Hashes.sha256(inbox.resolve("plan.bin"))).isEqualTo(Hashes.sha256(plan));

		CliRun.Result wrong = recipient.runWithInput("not the passphrase\n", "download", "--e2e", url, "--passphrase",
				"-o", Files.createDirectory(work.resolve("wrong")).toString());
		assertThat(wrong.exitCode()).isEqualTo(ExitCode.AUTH);
		assertThat(wrong.err()).startsWith("ferry: This passphrase does not open").doesNotContain("Exception");

		Path sealed = PublicLinks.firstFile(url, work.resolve("passphrase.age"));
		Path opened = work.resolve("opened-by-age.bin");
		runWithPassphrase(passphrase, "age", "-d", "-o", opened.toString(), sealed.toString());
		assertThat(Hashes.sha256(opened)).isEqualTo(Hashes.sha256(plan));
	}

	@Test
	void aTransferToPeopleIsEncryptedToTheRecipientsTheServerKeeps() throws Exception {
		Path key = work.resolve("bob-key.txt");
		run("age-keygen", "-o", key.toString());
		String bobRecipient = Files.readString(key).replaceAll("(?s).*# public key: (age1\\S+).*", "$1");
		String bob = "bob." + UUID.randomUUID().toString().substring(0, 8) + "@ferry.test";
		saveAgeKey(bob, bobRecipient);
		AgeIdentity other = AgeIdentity.generate();
		Path report = Files.write(work.resolve("report.pdf"), bytes(90_000));

		CliRun.Result send = cli.run("send", "--e2e", "--recipient", bob, "--recipient", other.recipient(),
				report.toString(), "--folder", "/it-e2e-people", "--json");

		assertThat(send.exitCode()).as(send.err()).isZero();
		String url = send.json().path("url").asString();
		assertThat(url).doesNotContain("#");
		JsonNode info = PublicLinks.info(url);
		assertThat(info.toString()).doesNotContain("report.pdf");
		Path inbox = Files.createDirectory(work.resolve("inbox"));
		CliRun.Result download = new CliRun(Files.createDirectory(work.resolve("bob-home"))).run("download", "--e2e",
				url, "--identity", key.toString(), "-o", inbox.toString());
		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(Hashes.sha256(inbox.resolve("report.pdf"))).isEqualTo(Hashes.sha256(report));

		Path opened = work.resolve("opened-by-age.pdf");
		run("age", "-d", "-i", key.toString(), "-o", opened.toString(),
				PublicLinks.firstFile(url, work.resolve("people.age")).toString());
		assertThat(Hashes.sha256(opened)).isEqualTo(Hashes.sha256(report));

		CliRun.Result nobody = cli.run("send", "--e2e", "--recipient", "nobody-" + UUID.randomUUID() + "@ferry.test",
				report.toString());
		assertThat(nobody.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
		assertThat(nobody.err()).contains("has no end-to-end encryption key").doesNotContain("Exception");
	}

	/**
	 * A user who stored an age key in the web UI: the recipient, and an opaque wrapped
	 * identity.
	 */
	private void saveAgeKey(String email, String recipient) throws Exception {
		String password = "bob-password-" + UUID.randomUUID();
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/admin/users"))
				.header("Authorization", "Bearer " + FerryServer.get().adminToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object()
					.put("email", email)
					.put("password", password)
					.put("role", "user")
					.put("name", "Bob Recipient"))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		ByteArrayOutputStream wrapped = new ByteArrayOutputStream();
		try (OutputStream out = new AgeEncrypt(wrapped, List.of(recipient))) {
			out.write("the identity, wrapped in the browser".getBytes(StandardCharsets.UTF_8));
		}
		HttpResponse<String> saved = http
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/e2e/key"))
				.header("Authorization", "Bearer " + FerryServer.get().token(email, password))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(Json.write(Json.object()
					.put("recipient", recipient)
					.put("wrapped_identity", Base64.getEncoder().encodeToString(wrapped.toByteArray())))))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
	}

}
