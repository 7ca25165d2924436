package dev.ferry.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class HealthIntegrationTests extends IntegrationTest {

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void healthIsLivenessOnlyAndReadyChecksDatabaseAndDataDirectory() {
		assertThat(groups.getPrimary().isMember("livenessState")).isTrue();
		assertThat(groups.getPrimary().isMember("db")).isFalse();
		assertThat(groups.getPrimary().isMember("dataDirectory")).isFalse();
		assertThat(groups.get("ready").isMember("db")).isTrue();
		assertThat(groups.get("ready").isMember("dataDirectory")).isTrue();
		assertThat(groups.get("ready").isMember("blobStore")).isTrue();
		assertUp(api.get("/health", null));
		assertUp(api.get("/health/ready", null));
		assertUp(api.get("/health/liveness", null));
		assertUp(api.get("/health/readiness", null));
	}

	/**
	 * Tests run as root, where permission bits do not stop writes, so the probe's path is
	 * made unwritable for anyone: a non-empty directory stands where the probe file goes.
	 */
	@Test
	void readyGoesDownWhileTheDataDirectoryCannotBeWritten() throws IOException {
		Path blocker = DATA_DIR.resolve(DataDirectoryHealthIndicator.PROBE_FILE);
		Files.createDirectories(blocker);
		Files.writeString(blocker.resolve("occupied"), "x");
		try {
			// Answers are reused for two seconds: the next real probe sees the blocker.
			await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 503);
			Api.Response down = api.get("/health/ready", null);
			assertThat(down.json().get("status").asString()).isEqualTo("DOWN");
			assertUp(api.get("/health", null));
		}
		finally {
			FileSystemUtils.deleteRecursively(blocker);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 200);
		assertUp(api.get("/health/ready", null));
		assertThat(blocker).doesNotExist();
	}

	/**
	 * The blob store is where uploads go, often another volume than the data directory: a
	 * file standing where the probe's directory goes makes every write there fail. Probes
	 * are answered from a ten-second cache, so this waits for the next real one.
	 */
	@Test
	void readyGoesDownWhileTheBlobStoreCannotBeWritten() throws IOException {
		Path blocker = DATA_DIR.resolve("blobs/health");
		FileSystemUtils.deleteRecursively(blocker);
		Files.writeString(blocker, "x");
		try {
			// The probe's answer is kept ten seconds: the next one sees the blocked
			// store.
			await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 503);
			assertUp(api.get("/health", null));
		}
		finally {
			Files.delete(blocker);
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/health/ready", null).status() == 200);
	}

	@Test
	void metricsAreOpenPrometheusTextWithLatencyHistograms() {
		api.get("/api/v1/me", adminToken());
		Api.Response metrics = api.get("/metrics", null);
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.contentType()).startsWith("text/plain");
		assertThat(metrics.body()).contains("# TYPE http_server_requests_seconds histogram")
			.containsPattern("http_server_requests_seconds_bucket\\{.*uri=\"/api/v1/me\".*le=\"[0-9.]+\"");
		// The job series docs/operations.md alerts on, under the names Prometheus sees.
		assertThat(metrics.body())
			.containsPattern("(?m)^ferry_jobs_scheduled\\{[^}]*task=\"share-sweep\"[^}]*\\} 1(\\.0)?$")
			.containsPattern("(?m)^ferry_jobs_gave_up_total\\{[^}]*task=\"mail\"[^}]*\\} ");
	}

	private static void assertUp(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("status").asString()).isEqualTo("UP");
	}

}
