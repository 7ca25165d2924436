package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ferry login --device}: the CLI jar polls while the test, signed in through the
 * real API as the browser's user would be, approves or denies the code it printed.
 */
@ExtendWith(FerryServer.class)
class DeviceLoginIntegrationTests {

	private static final Pattern CODE = Pattern.compile("code ([B-Z]{4}-[B-Z]{4})");

	@TempDir
	Path home;

	@Test
	void anApprovedCodeGivesTheCliASessionWithTheScopesItAskedFor() throws Exception {
		CliRun cli = new CliRun(home);
		CliRun.Started login = cli.start("login", FerryServer.get().base(), "--device", "--scopes", "read,write",
				"--json");
		String code = printedCode(login);
		assertThat(Files.readString(login.err())).contains(FerryServer.get().base() + "/device?code=" + code);

		assertThat(decide("approve", code)).isEqualTo(204);

		CliRun.Result result = login.await();
		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.json().path("method").asString()).isEqualTo("device");
		assertThat(result.json().path("email").asString()).isEqualTo(FerryServer.ADMIN_EMAIL);
		Path credentials = cli.configDir().resolve("credentials.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		String token = Json.parse(Files.readString(credentials)).path("access_token").asString();
		HttpResponse<String> me = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/me"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(Json.parse(me.body()).path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
		CliRun.Result ls = cli.run("ls", "--json");
		assertThat(ls.exitCode()).as(ls.err()).isZero();
	}

	@Test
	void aDeniedCodeIsASentenceAndExitCodeThree() throws Exception {
		CliRun cli = new CliRun(home);
		CliRun.Started login = cli.start("login", FerryServer.get().base(), "--device");

		assertThat(decide("deny", printedCode(login))).isEqualTo(204);

		CliRun.Result result = login.await();
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).contains("ferry: The sign-in was denied in the browser.").doesNotContain("Exception");
		assertThat(cli.configDir().resolve("credentials.json")).doesNotExist();
	}

	private static String printedCode(CliRun.Started login) {
		AtomicReference<String> code = new AtomicReference<>();
		await().atMost(Duration.ofMinutes(2)).until(() -> {
			Matcher matcher = CODE.matcher(Files.readString(login.err()));
			if (matcher.find()) {
				code.set(matcher.group(1));
			}
			return code.get() != null || !login.process().isAlive();
		});
		assertThat(code.get()).as("the code ferry login printed").isNotNull();
		return code.get();
	}

	/** What the approval page does: the signed-in user decides through the API. */
	private static int decide(String decision, String code) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/auth/device/" + decision))
				.header("Authorization", "Bearer " + FerryServer.get().adminToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("user_code", code))))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

}
