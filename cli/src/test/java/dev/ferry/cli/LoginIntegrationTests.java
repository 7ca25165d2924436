package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(FerryServer.class)
class LoginIntegrationTests {

	@TempDir
	Path home;

	@Test
	void aPasswordSignInStoresTheSessionReadableOnlyByTheUser() throws Exception {
		CliRun cli = new CliRun(home);
		CliRun.Result login = cli.login(FerryServer.get().base() + "/");

		assertThat(login.exitCode()).as(login.err()).isZero();
		JsonNode json = login.json();
		assertThat(json.path("server").asString()).isEqualTo(FerryServer.get().base());
		assertThat(json.path("email").asString()).isEqualTo(FerryServer.ADMIN_EMAIL);
		assertThat(json.path("method").asString()).isEqualTo("password");
		Path credentials = cli.configDir().resolve("credentials.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configDir())))
			.isEqualTo("rwx------");
		assertThat(Files.readString(credentials)).doesNotContain(FerryServer.ADMIN_PASSWORD);

		CliRun.Result ls = cli.run("ls", "--json");
		assertThat(ls.exitCode()).as(ls.err()).isZero();
		assertThat(ls.json().isArray()).isTrue();
	}

	@Test
	void logoutEndsTheSessionOnTheServerAndForgetsTheCredentials() throws Exception {
		CliRun cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
		Path credentials = cli.configDir().resolve("credentials.json");
		String token = Json.parse(Files.readString(credentials)).path("access_token").asString();

		CliRun.Result logout = cli.run("logout");

		assertThat(logout.exitCode()).as(logout.err()).isZero();
		assertThat(credentials).doesNotExist();
		HttpResponse<Void> me = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/me"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(cli.run("ls").exitCode()).isEqualTo(3);
	}

	/**
	 * A server that cannot be reached leaves the session valid there: the local
	 * credentials go, but the command says so and does not exit 0.
	 */
	@Test
	void aLogoutTheServerNeverHeardSaysTheSessionLivesOn() throws Exception {
		CliRun cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
		Path credentials = cli.configDir().resolve("credentials.json");
		Files.writeString(credentials,
				Files.readString(credentials).replace(FerryServer.get().base(), "http://127.0.0.1:1"));

		CliRun.Result logout = cli.run("logout");

		assertThat(logout.exitCode()).as(logout.err()).isEqualTo(6);
		assertThat(logout.err()).contains("could not be ended on the server").doesNotContain("\tat ");
		assertThat(credentials).doesNotExist();
	}

	@Test
	void aWrongPasswordIsASentenceAndExitCodeThreeWithoutAStackTrace() {
		CliRun cli = new CliRun(home);
		CliRun.Result login = cli.runWithInput("not-the-password\n", "login", FerryServer.get().base(), "-e",
				FerryServer.ADMIN_EMAIL, "--password-stdin");

		assertThat(login.exitCode()).isEqualTo(3);
		assertThat(login.err().strip()).startsWith("ferry: ").endsWith(".").doesNotContain("Exception", "\tat ");
		assertThat(login.out()).isEmpty();
		assertThat(cli.configDir().resolve("credentials.json")).doesNotExist();
	}

	@Test
	void withoutSigningInCommandsSayHowToSignIn() {
		CliRun.Result ls = new CliRun(home).run("ls");

		assertThat(ls.exitCode()).isEqualTo(3);
		assertThat(ls.err()).contains("ferry login");
	}

	@Test
	void anApiKeyIsCheckedAndStoredInsteadOfAPassword() throws Exception {
		String key = createApiKey();
		CliRun cli = new CliRun(home);

		CliRun.Result login = cli.runWithInput(key + "\n", "login", FerryServer.get().base(), "--api-key", "--json");

		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.json().path("method").asString()).isEqualTo("api_key");
		assertThat(cli.run("ls").exitCode()).isZero();

		CliRun.Result wrong = new CliRun(Files.createDirectory(home.resolve("other"))).run("login",
				FerryServer.get().base(), "--api-key", "fy_not-a-key");
		assertThat(wrong.exitCode()).isEqualTo(3);
		assertThat(wrong.err()).contains("did not accept this API key").doesNotContain("Exception");
	}

	@Test
	void anUnreachableServerIsExitCodeSix() {
		CliRun.Result login = new CliRun(home).runWithInput("secret-password\n", "login", "http://127.0.0.1:1", "-e",
				"a@b.c", "--password-stdin");

		assertThat(login.exitCode()).isEqualTo(6);
		assertThat(login.err()).startsWith("ferry: Could not reach http://127.0.0.1:1").doesNotContain("\tat ");
	}

	@Test
	void anAccountWithASecondFactorSignsInWithItsCode() throws Exception {
		String email = "totp-user@ferry.test";
		String password = "Quiet-Harbour-Lantern-48-Maple";
		byte[] secret = enrollTotp(email, password);
		CliRun cli = new CliRun(home);

		CliRun.Result noTerminal = cli.runWithInput(password + "\n", "login", FerryServer.get().base(), "-e", email,
				"--password-stdin");
		assertThat(noTerminal.exitCode()).isEqualTo(2);
		assertThat(noTerminal.err()).contains("authenticator app").contains("option").doesNotContain("Exception");

		CliRun.Result wrongCode = cli.runWithInput(password + "\n", "login", FerryServer.get().base(), "-e", email,
				"--password-stdin", "--totp", "000000");
		assertThat(wrongCode.exitCode()).isEqualTo(3);
		assertThat(wrongCode.err()).startsWith("ferry: ").doesNotContain("Exception");

		CliRun.Result login = cli.runWithInput(password + "\n", "login", FerryServer.get().base(), "-e", email,
				"--password-stdin", "--totp", Totp.code(secret, Totp.step(Instant.now())), "--json");
		assertThat(login.exitCode()).as(login.err()).isZero();
		assertThat(login.json().path("email").asString()).isEqualTo(email);
		assertThat(cli.run("ls").exitCode()).isZero();
	}

	/** A new user with an authenticator app, confirmed with the previous step's code. */
	private static byte[] enrollTotp(String email, String password) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = FerryServer.get().base();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/admin/users"))
			.header("Authorization", "Bearer " + FerryServer.get().adminToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(Json.write(Json.object().put("email", email).put("password", password).put("role", "user"))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String token = FerryServer.get().token(email, password);
		HttpResponse<String> enable = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/2fa/enable"))
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		byte[] secret = Totp.base32(Json.parse(enable.body()).path("secret").asString());
		// The step before the current one is still accepted (clock drift), which leaves
		// the
		// current step's code unused for the sign-in under test.
		String code = Totp.code(secret, Totp.step(Instant.now()) - 1);
		HttpResponse<String> verify = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/2fa/verify"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("code", code))))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(verify.statusCode()).as(verify.body()).isEqualTo(200);
		return secret;
	}

	private static String createApiKey() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String base = FerryServer.get().base();
		String token = FerryServer.get().adminToken();
		ObjectNode body = Json.object().put("name", "cli-test");
		body.putArray("scopes").add("read").add("write");
		HttpResponse<String> key = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/api-keys"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(key.statusCode()).as(key.body()).isEqualTo(201);
		return Json.parse(key.body()).path("key").asString();
	}

}
