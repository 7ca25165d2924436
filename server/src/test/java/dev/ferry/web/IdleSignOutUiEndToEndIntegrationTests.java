package dev.ferry.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The restricted password step and the idle sign-out in a real browser
 * (web/e2e/security-e2e.mjs, part "idle"), on a server of its own whose passwords expire
 * at once and whose browser sessions end after 70 seconds without use: the warning shows
 * a minute ahead and the page ends on sign-in with a note, no waiting shortened in code.
 * 70 seconds is the shortest timeout whose warning window still tells a warning a minute
 * ahead from one shown at once (10 seconds after the last use, checked from 5). It runs
 * beside the other classes (junit-platform.properties): it mostly waits.
 *
 * <p>
 * Runs as {@code WaitingIntegrationTests.IdleSignOut}, beside the other classes that
 * wait.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Execution(ExecutionMode.CONCURRENT)
public abstract class IdleSignOutUiEndToEndIntegrationTests {

	private static final long IDLE_MS = 70_000;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ferryProperties(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "idle-ui");
		registry.add("ferry.account.session-idle-timeout", () -> IDLE_MS + "ms");
		registry.add("ferry.account.password-max-age", () -> "1ms");
	}

	@Test
	void anIdleSessionIsWarnedAMinuteAheadAndThenSignedOut() throws Exception {
		JsonNode result = SecurityBrowserRun.run("idle", port,
				Map.of("FERRY_ADMIN_EMAIL", IntegrationTest.ADMIN_EMAIL, "FERRY_ADMIN_PASSWORD",
						IntegrationTest.ADMIN_PASSWORD, "FERRY_NEW_PASSWORD",
						"quiet harbour lantern " + UUID.randomUUID().toString().substring(0, 8)),
				List.of("password-change-step", "idle-warning", "idle-signed-out"));

		assertThat(result.get("warningAfterMs").asLong()).as("the warning comes a minute before the end")
			.isBetween(IDLE_MS - 60_000 - 5_000, IDLE_MS - 60_000 + 20_000);
		assertThat(result.get("signedOutAfterMs").asLong()).isBetween(IDLE_MS - 5_000, IDLE_MS + 20_000);
		assertThat(result.get("note").asString()).contains("You were signed out after 70 seconds of inactivity");
		assertThat(result.get("signedOutPath").asString()).isEqualTo("/signin");
		assertThat(result.get("afterReloadPath").asString()).as("the session is gone on the server too")
			.isEqualTo("/signin");
	}

}
