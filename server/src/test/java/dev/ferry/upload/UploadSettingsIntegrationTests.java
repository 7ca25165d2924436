package dev.ferry.upload;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ferry.storage.BlobNotFoundException;
import dev.ferry.storage.BlobStorage;
import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The deployment settings, in a server of their own: a one-hour expiry on a clock the
 * test moves (no sleeping), a 1 MiB maximum upload (with no minimum PATCH size, so small
 * bodies can stand for large ones), and one allowed CORS origin.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ferry.admin.email=" + UploadSettingsIntegrationTests.ADMIN_EMAIL,
				"ferry.admin.password=" + UploadSettingsIntegrationTests.ADMIN_PASSWORD, "ferry.upload.expiry=1h",
				"ferry.upload.max-size=1MB", "ferry.upload.min-chunk=1B", "ferry.upload.cleanup-interval=1d",
				"ferry.cors.origins=https://app.example.test" })
class UploadSettingsIntegrationTests {

	static final String ADMIN_EMAIL = "settings-admin@ferry.test";

	static final String ADMIN_PASSWORD = "settings-admin-passphrase-Nc4";

	private static final String ORIGIN = "https://app.example.test";

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MovableClock clock;

	@Autowired
	private UploadCleanup cleanup;

	@Autowired
	private UploadRepository repository;

	@Autowired
	private BlobStorage blobs;

	private Api api;

	private Tus tus;

	private TestAccounts.Account user;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("ferry-upload-settings-");
		registry.add("ferry.data-dir", dir::toString);
	}

	@BeforeEach
	void setUp() {
		api = new Api("http://127.0.0.1:" + port);
		tus = new Tus(api);
		user = new TestAccounts(api, api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).user();
	}

	@Test
	void anIdleUploadExpiresAnswers410AndCleanupDestroysItsBytes() {
		String location = tus.create(user.token(), 1000, Map.of("filename", "idle.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, random(100)).status()).isEqualTo(204);
		UUID blobId = repository.find(idOf(location)).orElseThrow().blobId();

		advance(Duration.ofMinutes(61));
		Api.Response gone = tus.head(location, user.token());
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.header("Tus-Resumable")).isEqualTo("1.0.0");
		assertThat(tus.patch(location, user.token(), 100, random(100)).status()).isEqualTo(410);

		cleanup.run();
		assertThat(tus.head(location, user.token()).status()).isEqualTo(404);
		assertThatExceptionOfType(BlobNotFoundException.class).isThrownBy(() -> blobs.length(blobId));
		assertThat(jdbc.sql("SELECT actor_type FROM audit_log WHERE object_id = ? AND action = 'upload.expired'")
			.param(idOf(location).toString())
			.query(String.class)
			.list()).containsExactly("system");
	}

	@Test
	void everyPatchRestartsTheExpiryClock() {
		String location = tus.create(user.token(), 1000, Map.of("filename", "busy.bin")).header("Location");
		advance(Duration.ofMinutes(50));
		Api.Response patched = tus.patch(location, user.token(), 0, random(100));
		assertThat(httpDate(patched.header("Upload-Expires")))
			.isEqualTo(clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS));
		advance(Duration.ofMinutes(50));
		assertThat(tus.head(location, user.token()).status()).isEqualTo(200);
	}

	@Test
	void aFinishedUploadIsForgottenButItsFileStays() {
		byte[] content = random(500);
		String location = tus.create(user.token(), content.length, Map.of("filename", "kept.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, content).status()).isEqualTo(204);
		advance(Duration.ofMinutes(61));
		cleanup.run();
		assertThat(tus.head(location, user.token()).status()).isEqualTo(404);
		assertThat(tus.download(idOf(location).toString(), user.token())).isEqualTo(content);
	}

	@Test
	void theMaximumSizeIsAdvertisedAndEnforced() {
		Api.Response options = api
			.send(api.builder(Tus.BASE, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(options.header("Tus-Max-Size")).isEqualTo("1048576");
		Api.Response tooLarge = tus.create(user.token(), 1048577, Map.of("filename", "big.bin"));
		assertThat(tooLarge.status()).isEqualTo(413);
		assertThat(tooLarge.header("Tus-Max-Size")).isEqualTo("1048576");

		String deferred = api
			.send(tus.request(Tus.BASE, user.token())
				.header("Upload-Defer-Length", "1")
				.header("Upload-Metadata", Tus.metadata(Map.of("filename", "growing.bin")))
				.POST(HttpRequest.BodyPublishers.noBody()))
			.header("Location");
		Api.Response crossing = tus.patch(deferred, user.token(), 0, random(1048577));
		assertThat(crossing.status()).isEqualTo(413);
		assertThat(crossing.header("Tus-Max-Size")).isEqualTo("1048576");
		assertThat(tus.head(deferred, user.token()).header("Upload-Offset")).isEqualTo("0");
	}

	@Test
	void browsersFromTheConfiguredOriginMaySpeakTus() {
		Api.Response preflight = api.send(api.builder(Tus.BASE + "/" + UUID.randomUUID(), null)
			.header("Origin", ORIGIN)
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers",
					"authorization,content-type,tus-resumable,upload-offset,"
							+ "upload-checksum,x-http-method-override")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH", "HEAD", "DELETE", "POST");

		Api.Response created = api.send(tus.request(Tus.BASE, user.token())
			.header("Origin", ORIGIN)
			.header("Upload-Length", "10")
			.header("Upload-Metadata", Tus.metadata(Map.of("filename", "browser.txt")))
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
		assertThat(List.of(created.header("Access-Control-Expose-Headers").split(",\\s*"))).contains("Location",
				"Upload-Offset", "Upload-Length", "Tus-Version", "Tus-Resumable", "Tus-Max-Size", "Tus-Extension",
				"Upload-Metadata", "Upload-Defer-Length", "Upload-Concat", "Upload-Expires");

		Api.Response stranger = api.send(api.builder(Tus.BASE, null)
			.header("Origin", "https://evil.example.test")
			.header("Access-Control-Request-Method", "POST")
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(stranger.status()).isEqualTo(403);
		assertThat(stranger.header("Access-Control-Allow-Origin")).isNull();
	}

	/**
	 * Moves time forward; the server's one clock also ages access tokens, so sign in
	 * again.
	 */
	private void advance(Duration duration) {
		clock.advance(duration);
		user = new TestAccounts.Account(user.id(), user.email(), user.password(),
				api.login(user.email(), user.password()));
	}

	private static UUID idOf(String location) {
		return UUID.fromString(location.substring(Tus.BASE.length() + 1));
	}

	private static Instant httpDate(String value) {
		return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
	}

	/** A clock the test moves forward instead of waiting. */
	static final class MovableClock extends Clock {

		private volatile Instant now = Instant.now();

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

}
