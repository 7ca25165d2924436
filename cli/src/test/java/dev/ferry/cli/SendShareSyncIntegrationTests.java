package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FerryServer.class)
class SendShareSyncIntegrationTests {

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
	void sendUploadsTheFilesAndPrintsALinkWithTheChosenLimits() throws Exception {
		Path file = Files.writeString(work.resolve("send-me.txt"), "for bob");

		CliRun.Result send = cli.run("send", file.toString(), "--folder", "/it-send", "--expires", "2d",
				"--max-downloads", "3", "--password=a-link-password", "--to", "bob@example.com", "--json");

		assertThat(send.exitCode()).as(send.err()).isZero();
		JsonNode json = send.json();
		assertThat(json.path("recipients").get(0).asString()).isEqualTo("bob@example.com");
		JsonNode info = publicInfo(json.path("url").asString());
		assertThat(info.path("password_required").asBoolean()).isTrue();
		assertThat(info.path("downloads_left").asInt()).isEqualTo(3);
		assertThat(info.path("title").asString()).isEqualTo("send-me.txt");
		assertThat(cli.run("ls", "/it-send", "--json").json().findValuesAsString("path"))
			.containsExactly("/it-send/send-me.txt");
	}

	@Test
	void aRecipientDownloadsTheLinkWithoutAnAccountAndItsPassword() throws Exception {
		Path one = Files.writeString(work.resolve("one.txt"), "first file");
		Path two = Files.writeString(work.resolve("two.txt"), "second file");
		String url = cli
			.run("send", one.toString(), two.toString(), "--folder", "/it-link", "--password=link-password-42",
					"--json")
			.json()
			.path("url")
			.asString();
		CliRun recipient = new CliRun(Files.createDirectory(work.resolve("recipient-home")));
		Path inbox = Files.createDirectory(work.resolve("inbox"));

		CliRun.Result wrong = recipient.run("download", url, "-o", inbox.toString(), "--password=guess");
		assertThat(wrong.exitCode()).isEqualTo(3);
		assertThat(wrong.err()).startsWith("ferry: ").doesNotContain("Exception");

		CliRun.Result download = recipient.run("download", url, "-o", inbox.toString(), "--password=link-password-42",
				"--json");
		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(download.json()).hasSize(2);
		assertThat(Files.readString(inbox.resolve("one.txt"))).isEqualTo("first file");
		assertThat(Files.readString(inbox.resolve("two.txt"))).isEqualTo("second file");
	}

	/**
	 * Two sends of files with one name, to two people: the second lands beside the first
	 * (a numbered name), so the first link still sends what it sent.
	 */
	@Test
	void aLaterSendOfTheSameNameLeavesTheEarlierLinkAsItWas() throws Exception {
		Path first = Files.writeString(Files.createDirectory(work.resolve("a")).resolve("report.txt"), "for bob");
		Path second = Files.writeString(Files.createDirectory(work.resolve("b")).resolve("report.txt"), "for eve");
		String bob = cli.run("send", first.toString(), "--folder", "/it-twice", "--json").json().path("url").asString();
		CliRun.Result eve = cli.run("send", second.toString(), "--folder", "/it-twice", "--json");
		assertThat(eve.exitCode()).as(eve.err()).isZero();
		Path inbox = Files.createDirectory(work.resolve("bob-inbox"));

		CliRun.Result download = cli.run("download", bob, "-o", inbox.toString());

		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(Files.readString(inbox.resolve("report.txt"))).isEqualTo("for bob");
		assertThat(cli.run("ls", "/it-twice", "--json").json().findValuesAsString("path"))
			.containsExactlyInAnyOrder("/it-twice/report.txt", "/it-twice/report (1).txt");
	}

	@Test
	void shareLinksFilesAlreadyOnTheServer() throws Exception {
		Path file = Files.writeString(work.resolve("shared.txt"), "for everyone");
		assertThat(cli.run("upload", file.toString(), "--to", "/it-share").exitCode()).isZero();

		CliRun.Result share = cli.run("share", "/it-share/shared.txt", "--title", "Shared", "--json");

		assertThat(share.exitCode()).as(share.err()).isZero();
		JsonNode info = publicInfo(share.json().path("url").asString());
		assertThat(info.path("title").asString()).isEqualTo("Shared");
		assertThat(info.path("files").findValuesAsString("name")).containsExactly("shared.txt");

		CliRun.Result missing = cli.run("share", "/it-share/nope.txt");
		assertThat(missing.exitCode()).isEqualTo(4);
		assertThat(missing.err()).isEqualTo("ferry: There is no file /it-share/nope.txt." + System.lineSeparator());
	}

	@Test
	void showPreviewsTurnsOnPreviewsForTheCreatedLinkAndIsRefusedWithE2e() throws Exception {
		Path file = Files.writeString(work.resolve("preview.txt"), "look first");
		assertThat(cli.run("upload", file.toString(), "--to", "/it-previews").exitCode()).isZero();

		CliRun.Result share = cli.run("share", "/it-previews/preview.txt", "--show-previews", "--json");
		CliRun.Result plain = cli.run("share", "/it-previews/preview.txt", "--json");

		assertThat(share.exitCode()).as(share.err()).isZero();
		assertThat(ownerLink(share.json()).path("show_previews").asBoolean()).isTrue();
		assertThat(ownerLink(plain.json()).path("show_previews").asBoolean()).isFalse();
		CliRun.Result e2e = cli.run("send", file.toString(), "--e2e", "--show-previews");
		assertThat(e2e.exitCode()).isEqualTo(2);
		assertThat(e2e.err()).contains("--show-previews does not go with --e2e");
	}

	@Test
	void syncUploadsOnlyWhatChangedAndDeletesOnlyWithDelete() throws Exception {
		Path dir = Files.createDirectories(work.resolve("mirror"));
		Files.writeString(dir.resolve("same.txt"), "same");
		Files.writeString(dir.resolve("changed.txt"), "old");
		Files.createDirectories(dir.resolve("sub"));
		Files.writeString(dir.resolve("sub/gone.txt"), "gone");
		// Named as macOS writes it (NFD); the server keeps it as NFC.
		Files.writeString(dir.resolve("cafe\u0301.txt"), "accent");

		JsonNode dry = cli.run("sync", dir.toString(), "/it-sync", "--dry-run", "--json").json();
		assertThat(dry.path("upload").valueStream().map(JsonNode::asString)).containsExactly("caf\u00e9.txt",
				"changed.txt", "same.txt", "sub/gone.txt");
		assertThat(cli.run("ls", "/it-sync", "-r", "--json").json()).isEmpty();

		assertThat(cli.run("sync", dir.toString(), "/it-sync").exitCode()).isZero();
		Files.writeString(dir.resolve("changed.txt"), "new content");
		Files.delete(dir.resolve("sub/gone.txt"));

		JsonNode kept = cli.run("sync", dir.toString(), "/it-sync", "--json").json();
		assertThat(kept.path("replace").valueStream().map(JsonNode::asString)).containsExactly("changed.txt");
		assertThat(kept.path("delete")).isEmpty();
		assertThat(kept.path("unchanged").asInt()).as("the NFD name matches its NFC copy").isEqualTo(2);
		assertThat(cli.run("ls", "/it-sync", "-r", "--json").json().findValuesAsString("path"))
			.containsExactlyInAnyOrder("/it-sync/caf\u00e9.txt", "/it-sync/changed.txt", "/it-sync/same.txt",
					"/it-sync/sub/gone.txt");

		JsonNode deleted = cli.run("sync", dir.toString(), "/it-sync", "--delete", "--json").json();
		assertThat(deleted.path("delete").valueStream().map(JsonNode::asString)).containsExactly("sub/gone.txt");
		assertThat(deleted.path("unchanged").asInt()).isEqualTo(3);
		JsonNode remote = cli.run("ls", "/it-sync", "-r", "--json").json();
		assertThat(remote.findValuesAsString("path")).containsExactlyInAnyOrder("/it-sync/caf\u00e9.txt",
				"/it-sync/changed.txt", "/it-sync/same.txt");
		Path copy = work.resolve("changed-copy.txt");
		assertThat(cli.run("download", "/it-sync/changed.txt", "-o", copy.toString()).exitCode()).isZero();
		assertThat(Files.readString(copy)).isEqualTo("new content");
	}

	/** The link as its owner sees it through the API, not as the CLI echoed it. */
	private JsonNode ownerLink(JsonNode summary) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI
				.create(FerryServer.get().base() + "/api/v1/transfers/" + summary.path("transfer_id").asString()))
			.header("Authorization", "Bearer " + FerryServer.get().adminToken())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.parse(response.body()).path("shares").get(0);
	}

	private JsonNode publicInfo(String url) throws Exception {
		String token = url.substring(url.lastIndexOf('/') + 1);
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/share/" + token)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.parse(response.body());
	}

}
