package dev.ferry.ops;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Starts Ferry as a separate process configured only through its documented environment
 * variables, and talks to it with the real {@code curl}: TLS from PEM files made by the
 * real {@code openssl}, HTTP/2 and HSTS, the bind address and port, the data directory's
 * permissions, JSON logs that carry the request id and no secret, the metrics token, and
 * the TLS protocols and cipher suites as the real {@code openssl s_client} finds them.
 */
class ServerProcessIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BIND = "127.0.0.2";

	private static final String ADMIN_EMAIL = "ops-admin@ferry.test";

	private static final String ADMIN_PASSWORD = "process-test-password-Zq8";

	private static final String METRICS_TOKEN = "metrics-token-Jm4vR7";

	@TempDir
	static Path dir;

	static Path dataDir;

	static int port;

	static FerryProcess server;

	@BeforeAll
	static void startServer() throws Exception {
		Path cert = dir.resolve("cert.pem");
		Path key = dir.resolve("key.pem");
		certificate("localhost", cert, key);
		dataDir = dir.resolve("state/ferry-data");
		server = FerryProcess.fromTestClasspath()
			.jvmOptions("-Xmx512m")
			.dataDir(dataDir)
			.log(dir.resolve("server.log"))
			.directory(dir)
			.env(Map.of("FERRY_BIND", BIND, "FERRY_LOG_FORMAT", "json", "FERRY_TLS_CERT", cert.toString(),
					"FERRY_TLS_KEY", key.toString(), "FERRY_METRICS_TOKEN", METRICS_TOKEN, "FERRY_ADMIN_EMAIL",
					ADMIN_EMAIL, "FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD, "FERRY_TLS_RELOAD_INTERVAL", "1s"))
			.launch();
		port = server.port();
		server.awaitReady(() -> curl("-sk", url("/health/ready")).output().contains("\"UP\""));
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		if (server != null) {
			server.close();
		}
	}

	/**
	 * A renewal replaces the files one at a time: a new key beside the old certificate is
	 * not taken (the server keeps serving), the matching certificate is, without a
	 * restart.
	 */
	@Test
	void aRenewedCertificateIsServedWithoutARestart() throws IOException {
		assertThat(tls("-tls1_3").output()).contains("CN = localhost");
		Path newCert = dir.resolve("renewed-cert.pem");
		Path newKey = dir.resolve("renewed-key.pem");
		certificate("renewed.localhost", newCert, newKey);

		Files.copy(newKey, dir.resolve("key.pem"), StandardCopyOption.REPLACE_EXISTING);
		await().atMost(Duration.ofSeconds(30)).until(() -> logText().contains("does not load"));
		assertThat(tls("-tls1_3").output()).contains("CN = localhost").contains("Protocol version: TLSv1.3");

		Files.copy(newCert, dir.resolve("cert.pem"), StandardCopyOption.REPLACE_EXISTING);
		await().atMost(Duration.ofSeconds(30)).until(() -> tls("-tls1_3").output().contains("CN = renewed.localhost"));
		assertThat(tls("-tls1_2", "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256").output())
			.as("the server's cipher order still wins after the reload")
			.contains("Ciphersuite: ECDHE-ECDSA-AES128-GCM-SHA256");
		assertThat(logText()).contains("new connections use it");
	}

	@Test
	void servesHttp2OverTlsWithHsts() {
		Result head = curl("--http2", "-k", "-sI", url("/health"));
		assertThat(head.output()).startsWith("HTTP/2 200")
			.containsIgnoringCase("strict-transport-security: max-age=31536000");
	}

	/**
	 * Downloads stream through the read-ahead copy; over HTTP/2 their headers must not
	 * carry the HTTP/1.1 {@code Connection: close}, which curl answers with a stream
	 * reset.
	 */
	@Test
	void downloadsWholeAndRangedOverHttp2() throws IOException {
		byte[] content = new byte[3_000_000];
		new Random(18).nextBytes(content);
		Path file = dir.resolve("h2.bin");
		Files.write(file, content);
		String token = JSON
			.readTree(curl("--http2", "-sk", "-H", "Content-Type: application/json", "-d",
					"{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
					url("/api/v1/auth/login"))
				.output())
			.get("access_token")
			.asString();
		String auth = "Authorization: Bearer " + token;
		Result uploaded = curl("--http2", "-sk", "-H", auth, "-T", file.toString(),
				url("/api/v1/files/content?path=/h2.bin"));
		String id = JSON.readTree(uploaded.output()).get("id").asString();
		String download = url("/api/v1/files/" + id + "/download");
		Path whole = dir.resolve("h2-whole.bin");
		Result full = curl("--http2", "-sSk", "-H", auth, "-o", whole.toString(), "-w", "%{http_version} %{http_code}",
				download);
		assertThat(full.output()).isEqualTo("2 200");
		assertThat(Files.readAllBytes(whole)).isEqualTo(content);
		Path half = dir.resolve("h2-half.bin");
		Result ranged = curl("--http2", "-sSk", "-H", auth, "-r", "1000000-", "-o", half.toString(), "-w",
				"%{http_version} %{http_code}", download);
		assertThat(ranged.output()).isEqualTo("2 206");
		assertThat(Files.readAllBytes(half)).isEqualTo(Arrays.copyOfRange(content, 1_000_000, 3_000_000));
	}

	@Test
	void tlsOffersTls13AndTls12AeadSuitesOnlyInTheServersOrder() {
		assertThat(tls("-tls1_3").output()).contains("Protocol version: TLSv1.3");
		Result preferringChacha = tls("-tls1_2", "-cipher",
				"ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256");
		assertThat(preferringChacha.output()).as("the server's first choice, not the client's")
			.contains("Ciphersuite: ECDHE-ECDSA-AES128-GCM-SHA256");
		Result cbc = tls("-tls1_2", "-cipher",
				"ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384");
		assertThat(cbc.exitCode()).as("CBC suites: %s", cbc.output()).isNotZero();
		assertThat(cbc.output()).doesNotContain("Ciphersuite:");
		for (String old : List.of("-tls1", "-tls1_1")) {
			// SECLEVEL=0 lets this client offer the old protocol: the refusal is the
			// server's.
			Result refused = tls(old, "-cipher", "DEFAULT@SECLEVEL=0");
			assertThat(refused.exitCode()).as("%s: %s", old, refused.output()).isNotZero();
			assertThat(refused.output()).doesNotContain("Ciphersuite:");
		}
	}

	@Test
	void listensOnlyOnTheConfiguredAddressAndPort() {
		assertThat(curl("-sk", url("/health")).exitCode()).isZero();
		assertThat(curl("-sk", "--max-time", "5", "https://127.0.0.1:" + port + "/health").exitCode())
			.as("curl exit code for a refused connection")
			.isEqualTo(7);
	}

	@Test
	void dataDirectoryIsOwnerOnlyWithTheKeysetReadableByTheOwnerOnly() throws IOException {
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
		Path keyset = dataDir.resolve("keys/kek.json");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyset))).isEqualTo("rw-------");
		assertThat(dataDir.resolve("ferry.db")).exists();
	}

	@Test
	void metricsNeedTheConfiguredToken() {
		assertThat(curl("-sk", "-o", "/dev/null", "-w", "%{http_code}", url("/metrics")).output()).isEqualTo("401");
		assertThat(curl("-sk", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer wrong",
				url("/metrics"))
			.output()).isEqualTo("401");
		Result scrape = curl("-sk", "-H", "Authorization: Bearer " + METRICS_TOKEN, url("/metrics"));
		assertThat(scrape.output()).contains("http_server_requests_seconds_bucket");
	}

	@Test
	void logsAreJsonWithTheRequestIdAndNeverASecret() throws IOException {
		String requestId = "ops-test-request-7f3a9c";
		String body = JSON.writeValueAsString(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		Result login = curl("-sk", "-H", "Content-Type: application/json", "-H", "X-Request-Id: " + requestId, "-d",
				body, url("/api/v1/auth/login"));
		String accessToken = JSON.readTree(login.output()).get("access_token").asString();
		String refreshToken = JSON.readTree(login.output()).get("refresh_token").asString();
		assertThat(curl("-sk", "-H", "Authorization: Bearer " + accessToken, url("/api/v1/me")).output())
			.contains(ADMIN_EMAIL);
		JsonNode line = await().atMost(Duration.ofSeconds(20))
			.until(() -> logLineWithRequestId(requestId), (found) -> found != null);
		assertThat(line.get("message").asString()).contains("POST /api/v1/auth/login 200");
		assertThat(line.get("log").get("level").asString()).isEqualTo("INFO");
		assertThat(line.has("@timestamp")).isTrue();
		assertThat(logText()).doesNotContain(ADMIN_PASSWORD)
			.doesNotContain(accessToken)
			.doesNotContain(refreshToken)
			.doesNotContain(METRICS_TOKEN);
	}

	private static JsonNode logLineWithRequestId(String requestId) throws IOException {
		for (String text : logText().lines().toList()) {
			if (text.startsWith("{") && text.contains(requestId)) {
				JsonNode line = JSON.readTree(text);
				if (requestId.equals(line.path("requestId").asString(null))) {
					return line;
				}
			}
		}
		return null;
	}

	private static String url(String path) {
		return "https://" + BIND + ":" + port + path;
	}

	private static void certificate(String name, Path cert, Path key) {
		run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
				"-subj", "/CN=" + name, "-addext", "subjectAltName=IP:" + BIND, "-keyout", key.toString(), "-out",
				cert.toString());
	}

	private static String logText() {
		return server.log();
	}

	/** A TLS handshake by the real {@code openssl s_client}, with nothing to send. */
	private static Result tls(String... args) {
		List<String> command = new ArrayList<>(
				List.of("openssl", "s_client", "-brief", "-connect", BIND + ":" + port, "-servername", "localhost"));
		command.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("timed out: " + String.join(" ", command));
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new AssertionError("openssl is needed for this test", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	private static Result curl(String... args) {
		List<String> command = new ArrayList<>(List.of("curl"));
		command.addAll(List.of(args));
		return run(command.toArray(String[]::new));
	}

	private static Result run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("timed out: " + String.join(" ", command));
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new AssertionError(command[0] + " is needed for this test; bin/test installs it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	record Result(int exitCode, String output) {
	}

}
