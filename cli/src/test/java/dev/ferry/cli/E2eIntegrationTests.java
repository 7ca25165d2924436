package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.ferry.cli.AgeTool.bytes;
import static dev.ferry.cli.AgeTool.run;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code send --e2e} and {@code download --e2e} with the CLI jar against a running
 * server, and both directions with Debian's age.
 */
@ExtendWith(FerryServer.class)
class E2eIntegrationTests {

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
	void whatSendE2eUploadedDownloadE2eOpensWithNamesFromTheManifest() throws Exception {
		Path big = Files.write(work.resolve("plan.bin"), bytes(300_000));
		Path small = Files.writeString(work.resolve("note.txt"), "the secret note");

		CliRun.Result send = cli.run("send", "--e2e", big.toString(), small.toString(), "--folder", "/it-e2e",
				"--message", "private words", "--json");

		assertThat(send.exitCode()).as(send.err()).isZero();
		String url = send.json().path("url").asString();
		assertThat(url).matches(".*/s/[^#]+#AGE-SECRET-KEY-1[0-9A-Z]+");
		JsonNode info = PublicLinks.info(url);
		assertThat(info.path("e2e").asBoolean()).isTrue();
		assertThat(info.toString()).doesNotContain("plan.bin", "note.txt", "private words");
		assertThat(info.path("files").findValuesAsString("name")).allMatch((name) -> name.matches("e2e-\\w+\\.age"));

		CliRun recipient = new CliRun(Files.createDirectory(work.resolve("recipient-home")));
		Path inbox = Files.createDirectory(work.resolve("inbox"));
		Files.writeString(inbox.resolve("plan.bin.age"), "the recipient's own file");
		CliRun.Result download = recipient.run("download", "--e2e", url, "-o", inbox.toString(), "--json");

		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(download.json().findValuesAsString("sha256")).containsExactlyInAnyOrder(Hashes.sha256(big),
				Hashes.sha256(small));
		assertThat(Hashes.sha256(inbox.resolve("plan.bin"))).isEqualTo(Hashes.sha256(big));
		assertThat(Files.readString(inbox.resolve("note.txt"))).isEqualTo("the secret note");
		try (var left = Files.list(inbox)) {
			assertThat(left.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("plan.bin", "note.txt",
					"plan.bin.age");
		}
		assertThat(inbox.resolve("plan.bin.age")).hasContent("the recipient's own file");

		CliRun.Result wrongKey = recipient.run("download", "--e2e",
				url.substring(0, url.indexOf('#') + 1) + AgeIdentity.generate().secret(), "-o",
				Files.createDirectory(work.resolve("wrong")).toString());
		assertThat(wrongKey.exitCode()).isEqualTo(ExitCode.AUTH);
		assertThat(wrongKey.err()).startsWith("ferry: This key does not open").doesNotContain("Exception");
	}

	/**
	 * A sent folder's subfolder names stay off the server (only the manifest knows them),
	 * and two files of one name in two of them both arrive.
	 */
	@Test
	void aSentFolderLeavesNoFolderNameOnTheServerAndSameNamedFilesBothArrive() throws Exception {
		Path dir = work.resolve("acme-merger");
		Files.writeString(Files.createDirectories(dir.resolve("legal")).resolve("README.md"), "legal notes");
		Files.writeString(Files.createDirectories(dir.resolve("finance")).resolve("README.md"), "finance notes");

		CliRun.Result send = cli.run("send", "--e2e", dir.toString(), "--folder", "/it-e2e-dir", "--json");

		assertThat(send.exitCode()).as(send.err()).isZero();
		assertThat(cli.run("ls", "/it-e2e-dir", "-r", "--json").json().findValuesAsString("path")).hasSize(2)
			.allMatch((path) -> path.matches("/it-e2e-dir/e2e-\\w+\\.age"));
		Path inbox = Files.createDirectory(work.resolve("dir-inbox"));
		CliRun.Result download = cli.run("download", "--e2e", send.json().path("url").asString(), "-o",
				inbox.toString());
		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(
				List.of(Files.readString(inbox.resolve("README.md")), Files.readString(inbox.resolve("README (1).md"))))
			.containsExactlyInAnyOrder("legal notes", "finance notes");
	}

	@Test
	void debianAgeDecryptsAFileTheCliSent() throws Exception {
		Path plain = Files.write(work.resolve("for-age.bin"), bytes(150_000));
		String url = cli.run("send", "--e2e", plain.toString(), "--folder", "/it-e2e-age", "--json")
			.json()
			.path("url")
			.asString();
		Path key = Files.writeString(work.resolve("key.txt"), url.substring(url.indexOf('#') + 1) + "\n");
		Path sealed = PublicLinks.firstFile(url, work.resolve("download.age"));

		Path opened = work.resolve("opened.bin");
		run("age", "-d", "-i", key.toString(), "-o", opened.toString(), sealed.toString());

		assertThat(Hashes.sha256(opened)).isEqualTo(Hashes.sha256(plain));
	}

	@Test
	void downloadE2eOpensAFileThatDebianAgeEncrypted() throws Exception {
		Path key = work.resolve("key.txt");
		run("age-keygen", "-o", key.toString());
		String recipient = Files.readString(key).replaceAll("(?s).*# public key: (age1\\S+).*", "$1");
		Path plain = Files.write(work.resolve("report.pdf"), bytes(70_000));
		Path sealed = work.resolve("report.pdf.age");
		run("age", "-r", recipient, "-o", sealed.toString(), plain.toString());
		CliRun.Result upload = cli.run("upload", sealed.toString(), "--to", "/it-e2e-from-age", "--json");
		assertThat(upload.exitCode()).as(upload.err()).isZero();
		String fileId = upload.json().findValuesAsString("id").get(0);
		HttpResponse<String> created = http
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/transfers"))
				.header("Authorization", "Bearer " + FerryServer.get().adminToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"title\": \"From age\", \"file_ids\": [\"" + fileId + "\"], \"e2e\": true, \"link\": {}}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String url = Json.parse(created.body()).path("link").path("url").asString();
		Path inbox = Files.createDirectory(work.resolve("inbox"));

		CliRun.Result download = cli.run("download", "--e2e", url, "--identity", key.toString(), "-o",
				inbox.toString());

		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(Hashes.sha256(inbox.resolve("report.pdf"))).isEqualTo(Hashes.sha256(plain));
	}

}
