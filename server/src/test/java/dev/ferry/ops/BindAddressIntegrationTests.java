package dev.ferry.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.ferry.FerryApplication;
import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bind address decides whether {@code /metrics} may stay open: Ferry started as its
 * own process refuses to start on a network address without {@code FERRY_METRICS_TOKEN},
 * and keeps {@code /metrics} open on loopback, IPv6 loopback included. The IPv6 server
 * also shows a proxy that connects over IPv6 being trusted by its CIDR.
 */
class BindAddressIntegrationTests {

	private static final String ADMIN_EMAIL = "bind-admin@ferry.test";

	private static final String ADMIN_PASSWORD = "bind-test-password-Vx3";

	@TempDir
	Path dir;

	@Test
	void refusesToStartOnANetworkAddressWithoutAMetricsToken() throws Exception {
		Process server = start(Map.of("FERRY_BIND", "0.0.0.0"));
		assertThat(server.waitFor(3, TimeUnit.MINUTES)).as("exits by itself").isTrue();
		String log = log();
		assertThat(server.exitValue()).as(log).isNotZero();
		assertThat(log).contains("APPLICATION FAILED TO START")
			.contains("FERRY_BIND is 0.0.0.0, which is not a loopback address, and FERRY_METRICS_TOKEN is not set")
			.contains("Set FERRY_METRICS_TOKEN")
			.doesNotContain("\tat ");
	}

	@Test
	void onIpv6LoopbackMetricsStayOpenAndAnIpv6ProxyIsTrustedByItsRange() throws Exception {
		int port = freePort();
		Process server = start(Map.of("FERRY_BIND", "::1", "FERRY_PORT", String.valueOf(port), "FERRY_TRUSTED_PROXIES",
				"::1/128", "FERRY_ADMIN_EMAIL", ADMIN_EMAIL, "FERRY_ADMIN_PASSWORD", ADMIN_PASSWORD));
		try {
			String base = "http://[::1]:" + port;
			await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
				assertThat(server.isAlive()).as("server exited:%n%s", log()).isTrue();
				return Curl.run(List.of("curl", "-sg", base + "/health")).output().contains("\"UP\"");
			});

			Api.Response metrics = Curl.request("-g", base + "/metrics");
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(metrics.body()).contains("http_server_requests_seconds");

			Api.Response login = Curl.request("-g", "-H", "Content-Type: application/json", "-H",
					"X-Forwarded-For: 2001:db8::5, ::1", "-d",
					"{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}",
					base + "/api/v1/auth/login");
			assertThat(login.status()).as(login.body()).isEqualTo(200);
			String token = login.json().get("access_token").asString();
			Api.Response sessions = Curl.request("-g", "-H", "Authorization: Bearer " + token,
					base + "/api/v1/auth/sessions");
			List<String> ips = new ArrayList<>();
			for (JsonNode session : sessions.json().get("items")) {
				ips.add(session.get("ip").asString());
			}
			assertThat(ips).containsExactly("2001:db8:0:0:0:0:0:5");
		}
		finally {
			server.destroy();
			if (!server.waitFor(30, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
	}

	private Process start(Map<String, String> settings) throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
				"-cp", System.getProperty("java.class.path"), FerryApplication.class.getName());
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("FERRY_"));
		env.put("FERRY_DATA_DIR", dir.resolve("ferry-data").toString());
		env.putAll(settings);
		return builder.directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("server.log").toFile())
			.start();
	}

	private String log() throws IOException {
		return Files.readString(dir.resolve("server.log"), StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
