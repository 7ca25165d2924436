package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(FerryServer.class)
class UploadDownloadIntegrationTests {

	@TempDir
	Path home;

	@TempDir
	Path work;

	private CliRun cli;

	@BeforeEach
	void signIn() {
		cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
	}

	@Test
	void filesAndFoldersGoUpVerifiedAndComeBackByIdAndPath() throws Exception {
		Path report = write(work.resolve("report.txt"), 100_000, 1);
		Path photos = Files.createDirectories(work.resolve("photos/2026"));
		Path photo = write(photos.resolve("a.bin"), 300_000, 2);
		// A link in a folder may point anywhere: it is skipped, not followed.
		Files.createSymbolicLink(photos.resolve("creds.txt"), report);

		CliRun.Result upload = cli.run("upload", report.toString(), work.resolve("photos").toString(), "--to",
				"/it-basic", "--json");

		assertThat(upload.exitCode()).as(upload.err()).isZero();
		JsonNode results = upload.json();
		assertThat(results).hasSize(2);
		assertThat(results.get(0).path("path").asString()).isEqualTo("/it-basic/report.txt");
		assertThat(results.get(0).path("sha256").asString()).isEqualTo(Hashes.sha256(report));
		assertThat(results.get(1).path("path").asString()).isEqualTo("/it-basic/photos/2026/a.bin");

		CliRun.Result ls = cli.run("ls", "/it-basic", "-r", "--json");
		assertThat(ls.json().findValuesAsString("path")).containsExactlyInAnyOrder("/it-basic/report.txt",
				"/it-basic/photos/2026/a.bin");

		Path copy = work.resolve("copy.txt");
		CliRun.Result byId = cli.run("download", results.get(0).path("id").asString(), "-o", copy.toString(), "--json");
		assertThat(byId.exitCode()).as(byId.err()).isZero();
		assertThat(Files.mismatch(copy, report)).isEqualTo(-1);

		Path folder = Files.createDirectory(work.resolve("down"));
		CliRun.Result byPath = cli.run("download", "/it-basic/photos/2026/a.bin", "-o", folder.toString());
		assertThat(byPath.exitCode()).as(byPath.err()).isZero();
		assertThat(Files.mismatch(folder.resolve("a.bin"), photo)).isEqualTo(-1);

		CliRun.Result rm = cli.run("rm", "/it-basic/report.txt");
		assertThat(rm.exitCode()).as(rm.err()).isZero();
		assertThat(rm.out()).contains("Deleted /it-basic/report.txt");
		assertThat(cli.run("ls", "/it-basic", "-r", "--json").json().findValuesAsString("path"))
			.containsExactly("/it-basic/photos/2026/a.bin");
		CliRun.Result gone = cli.run("download", results.get(0).path("id").asString());
		assertThat(gone.exitCode()).isEqualTo(4);
		assertThat(gone.err()).startsWith("ferry: ").doesNotContain("Exception");
		assertThat(trashedIds()).contains(results.get(0).path("id").asString());

		CliRun.Result destroyed = cli.run("rm", "--permanent", "/it-basic/photos/2026/a.bin", "--json");
		assertThat(destroyed.exitCode()).as(destroyed.err()).isZero();
		assertThat(destroyed.json().get(0).path("permanent").asBoolean()).isTrue();
		assertThat(trashedIds()).doesNotContain(results.get(1).path("id").asString());
	}

	/** The ids in the admin's trash, where the CLI signed in. */
	private static List<String> trashedIds() throws IOException, InterruptedException {
		HttpResponse<String> trash = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/trash?limit=100"))
				.header("Authorization", "Bearer " + FerryServer.get().adminToken())
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(trash.statusCode()).as(trash.body()).isEqualTo(200);
		return Json.parse(trash.body()).path("items").findValuesAsString("id");
	}

	@Test
	void anUploadTheServerRefusesEndsWithItsSentence() throws Exception {
		Path file = write(work.resolve("refused.txt"), 10, 6);

		CliRun.Result upload = cli.run("upload", file.toString(), "--to", "/a/../b");

		assertThat(upload.exitCode()).isEqualTo(5);
		assertThat(upload.err()).isEqualTo("ferry: A folder name must not be '..'." + System.lineSeparator());
	}

	@Test
	void anUploadKilledMidwayIsFinishedByTheNextRunWithTheRightSha256() throws Exception {
		Path big = write(work.resolve("big.bin"), 30 * 1024 * 1024, 3);
		CliRun.Started first = cli.start("upload", big.toString(), "--to", "/it-resume", "--chunk-size", "1M",
				"--limit-rate", "3M");
		long offset = awaitServerOffset();
		first.process().destroyForcibly();
		first.process().waitFor();

		CliRun.Result second = cli.run("upload", big.toString(), "--to", "/it-resume", "--json");

		assertThat(second.exitCode()).as(second.err()).isZero();
		JsonNode result = second.json().get(0);
		assertThat(result.path("resumed_at").asLong()).isGreaterThanOrEqualTo(offset).isLessThan(Files.size(big));
		assertThat(result.path("sha256").asString()).isEqualTo(Hashes.sha256(big));
		assertThat(result.path("size").asLong()).isEqualTo(Files.size(big));
		assertThat(cli.run("ls", "/it-resume", "--json").json().findValuesAsString("path"))
			.containsExactly("/it-resume/big.bin");
		assertThat(load(cli.configDir().resolve("uploads.properties"))).isEmpty();

		Path copy = work.resolve("big-copy.bin");
		assertThat(cli.run("download", "/it-resume/big.bin", "-o", copy.toString()).exitCode()).isZero();
		assertThat(Files.mismatch(copy, big)).isEqualTo(-1);
	}

	@Test
	void aDownloadContinuesFromItsPartFileAndRefusesBytesThatDoNotMatch() throws Exception {
		Path file = write(work.resolve("resume.bin"), 2_000_000, 4);
		assertThat(cli.run("upload", file.toString(), "--to", "/it-download").exitCode()).isZero();
		byte[] content = Files.readAllBytes(file);

		Path target = work.resolve("resumed.bin");
		Files.write(work.resolve("resumed.bin.part"), Arrays.copyOf(content, 700_000));
		CliRun.Result resumed = cli.run("download", "/it-download/resume.bin", "-o", target.toString(), "--json");

		assertThat(resumed.exitCode()).as(resumed.err()).isZero();
		assertThat(resumed.json().path("resumed_at").asLong()).isEqualTo(700_000);
		assertThat(Files.mismatch(target, file)).isEqualTo(-1);
		assertThat(work.resolve("resumed.bin.part")).doesNotExist();

		Path corrupt = work.resolve("corrupt.bin");
		Files.write(work.resolve("corrupt.bin.part"), new byte[700_000]);
		CliRun.Result mismatch = cli.run("download", "/it-download/resume.bin", "-o", corrupt.toString());

		assertThat(mismatch.exitCode()).isEqualTo(7);
		assertThat(mismatch.err()).contains("SHA-256").doesNotContain("Exception");
		assertThat(corrupt).doesNotExist();
		assertThat(work.resolve("corrupt.bin.part")).doesNotExist();
	}

	@Test
	void aRefusedAccessTokenIsRefreshedOnceAndTheRotatedTokensAreSaved() throws Exception {
		Path credentials = cli.configDir().resolve("credentials.json");
		JsonNode saved = Json.parse(Files.readString(credentials));
		Files.writeString(credentials,
				Files.readString(credentials).replace(saved.path("access_token").asString(), "not-a-valid-token"));
		Path file = write(work.resolve("after-refresh.bin"), 50_000, 5);

		CliRun.Result upload = cli.run("upload", file.toString(), "--to", "/it-refresh", "--json");

		assertThat(upload.exitCode()).as(upload.err()).isZero();
		assertThat(upload.json().get(0).path("sha256").asString()).isEqualTo(Hashes.sha256(file));
		JsonNode refreshed = Json.parse(Files.readString(credentials));
		assertThat(refreshed.path("access_token").asString()).isNotEqualTo("not-a-valid-token");
		assertThat(refreshed.path("refresh_token").asString()).isNotEqualTo(saved.path("refresh_token").asString());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(cli.run("ls", "/it-refresh").exitCode()).isZero();
	}

	/** Waits until the server holds some, not all, bytes of the stored upload. */
	private long awaitServerOffset() throws IOException, InterruptedException {
		Path store = cli.configDir().resolve("uploads.properties");
		HttpClient http = HttpClient.newHttpClient();
		long[] offset = new long[1];
		String[] token = { FerryServer.get().adminToken() };
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
			Properties urls = load(store);
			if (urls.isEmpty()) {
				return false;
			}
			HttpResponse<Void> head = http
				.send(HttpRequest.newBuilder(URI.create(urls.values().iterator().next().toString()))
					.method("HEAD", HttpRequest.BodyPublishers.noBody())
					.header("Tus-Resumable", "1.0.0")
					.header("Authorization", "Bearer " + token[0])
					.build(), HttpResponse.BodyHandlers.discarding());
			if (head.statusCode() == 401) {
				token[0] = FerryServer.get().adminToken();
				return false;
			}
			offset[0] = Long.parseLong(head.headers().firstValue("Upload-Offset").orElse("0"));
			return offset[0] > 0;
		});
		return offset[0];
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		if (Files.exists(file)) {
			try (InputStream in = Files.newInputStream(file)) {
				properties.load(in);
			}
		}
		return properties;
	}

	private static Path write(Path file, int size, long seed) throws IOException {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return Files.write(file, bytes);
	}

}
