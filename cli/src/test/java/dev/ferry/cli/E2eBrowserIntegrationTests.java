package dev.ferry.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static dev.ferry.cli.AgeTool.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI and the browser's share page open each other's end-to-end encrypted transfers
 * (web/e2e/cli-age-e2e.mjs in Chromium): a CLI passphrase transfer decrypts in the
 * browser, and a transfer the browser encrypted with a link key opens with
 * {@code ferry download --e2e} and the link.
 */
@ExtendWith(FerryServer.class)
class E2eBrowserIntegrationTests {

	@TempDir
	Path home;

	@TempDir
	Path work;

	@Test
	void theCliAndTheBrowserOpenEachOthersTransfers() throws Exception {
		CliRun cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
		String passphrase = "harbour lights " + UUID.randomUUID();
		Path plan = Files.write(work.resolve("cli-plan.bin"), bytes(180_000));
		CliRun.Result send = cli.runWithEnv(Map.of(PassphraseOptions.ENV, passphrase), "send", "--e2e", "--passphrase",
				plan.toString(), "--folder", "/it-e2e-browser", "--json");
		assertThat(send.exitCode()).as(send.err()).isZero();

		JsonNode browser = BrowserScript.run("cli-age-e2e",
				Map.of("FERRY_URL", FerryServer.get().base(), "FERRY_EMAIL", FerryServer.ADMIN_EMAIL, "FERRY_PASSWORD",
						FerryServer.ADMIN_PASSWORD, "FERRY_CLI_URL", send.json().path("url").asString(),
						"FERRY_CLI_NAME", "cli-plan.bin", "FERRY_CLI_SHA", Hashes.sha256(plan), "FERRY_PASSPHRASE",
						passphrase),
				work, Duration.ofMinutes(5));

		String url = browser.path("browserUrl").asString();
		assertThat(url).contains("#AGE-SECRET-KEY-1");
		Path inbox = Files.createDirectory(work.resolve("inbox"));
		CliRun.Result download = new CliRun(Files.createDirectory(work.resolve("recipient-home"))).run("download",
				"--e2e", url, "-o", inbox.toString(), "--json");
		assertThat(download.exitCode()).as(download.err()).isZero();
		assertThat(Hashes.sha256(inbox.resolve(browser.path("browserName").asString())))
			.isEqualTo(browser.path("browserSha").asString());
	}

}
