package dev.ferry.ops;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.FerryProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bind address decides whether {@code /metrics} may stay open: Ferry started as its
 * own process refuses to start on a network address without {@code FERRY_METRICS_TOKEN},
 * and keeps {@code /metrics} open on loopback, IPv6 loopback included. The IPv6 server
 * also shows a proxy that connects over IPv6 being trusted by its CIDR. A refused first
 * admin password stops the start with the same kind of report.
 */
class BindAddressIntegrationTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartOnANetworkAddressWithoutAMetricsToken() throws Exception {
		assertThat(refusedStartLog(Map.of("FERRY_BIND", "0.0.0.0")))
			.contains("FERRY_BIND is 0.0.0.0, which is not a loopback address, and FERRY_METRICS_TOKEN is not set")
			.contains("Set FERRY_METRICS_TOKEN");
	}

	@Test
	void refusesACommonAdminPasswordWithAReportNotAStackTrace() throws Exception {
		assertThat(refusedStartLog(Map.of("FERRY_ADMIN_PASSWORD", "password123")))
			.contains("FERRY_ADMIN_PASSWORD is refused")
			.contains("create the first admin on the setup page")
			.doesNotContain("password123");
	}

	@Test
	void onIpv6LoopbackMetricsStayOpenAndAnIpv6ProxyIsTrustedByItsRange() throws Exception {
		try (FerryProcess server = start(Map.of("FERRY_BIND", "::1", "FERRY_TRUSTED_PROXIES", "::1/128"))) {
			String base = server.base();
			server
				.awaitReady(() -> Curl.run(List.of("curl", "-sg", base + "/health/ready")).output().contains("\"UP\""));

			Api.Response metrics = Curl.request("-g", base + "/metrics");
			assertThat(metrics.status()).isEqualTo(200);
			assertThat(metrics.body()).contains("http_server_requests_seconds");

			Api.Response login = Curl.request("-g", "-H", "Content-Type: application/json", "-H",
					"X-Forwarded-For: 2001:db8::5, ::1", "-d", "{\"email\":\"" + FerryProcess.ADMIN_EMAIL
							+ "\",\"password\":\"" + FerryProcess.ADMIN_PASSWORD + "\"}",
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
	}

	/**
	 * The log of a start that {@code settings} make fail: the process exits by itself,
	 * not with 0, after Spring Boot's report and without a stack trace.
	 */
	private String refusedStartLog(Map<String, String> settings) throws Exception {
		String log;
		try (FerryProcess server = start(settings)) {
			OptionalInt exit = server.awaitExit(Duration.ofMinutes(3));
			assertThat(exit).as("exits by itself").isPresent();
			log = server.log();
			assertThat(exit.getAsInt()).as(log).isNotZero();
		}
		assertThat(log).contains("APPLICATION FAILED TO START").doesNotContain("\tat ");
		return log;
	}

	private FerryProcess start(Map<String, String> settings) throws IOException {
		return FerryProcess.fromTestClasspath()
			.dataDir(dir.resolve("ferry-data"))
			.log(dir.resolve("server.log"))
			.directory(dir)
			.env(settings)
			.launch();
	}

}
