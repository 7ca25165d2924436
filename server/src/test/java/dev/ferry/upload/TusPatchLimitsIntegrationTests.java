package dev.ferry.upload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The part cap and the PATCH rate, in a server of their own with small limits: 1 KB
 * minimum PATCH, 3 parts per upload, 4 PATCHes a minute per upload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ferry.admin.email=" + TusPatchLimitsIntegrationTests.ADMIN_EMAIL,
				"ferry.admin.password=" + TusPatchLimitsIntegrationTests.ADMIN_PASSWORD, "ferry.upload.min-chunk=1KB",
				"ferry.upload.max-parts=3", "ferry.upload.patch-rate=4" })
class TusPatchLimitsIntegrationTests {

	static final String ADMIN_EMAIL = "limits-admin@ferry.test";

	static final String ADMIN_PASSWORD = "limits-admin-passphrase-Qx7";

	private static final int KB = 1024;

	@LocalServerPort
	private int port;

	private Api api;

	private Tus tus;

	private TestAccounts.Account user;

	@DynamicPropertySource
	static void dataDirectory(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("ferry-upload-limits-");
		registry.add("ferry.data-dir", dir::toString);
	}

	@BeforeEach
	void setUp() {
		api = new Api("http://127.0.0.1:" + port);
		tus = new Tus(api);
		user = new TestAccounts(api, api.login(ADMIN_EMAIL, ADMIN_PASSWORD)).user();
	}

	@Test
	void theLastFreePartIsKeptForTheBodyThatFinishesTheUpload() {
		byte[] content = random(10 * KB);
		String location = tus.create(user.token(), content.length, Map.of("filename", "parts.bin")).header("Location");
		assertThat(tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, KB)).status()).isEqualTo(204);
		assertThat(tus.patch(location, user.token(), KB, Arrays.copyOfRange(content, KB, 2 * KB)).status())
			.isEqualTo(204);

		Api.Response third = tus.patch(location, user.token(), 2 * KB, Arrays.copyOfRange(content, 2 * KB, 3 * KB));
		assertThat(third.status()).isEqualTo(400);
		assertThat(third.json().get("type").asString()).isEqualTo("/problems/upload-too-many-parts");
		assertThat(third.json().get("max_parts").asInt()).isEqualTo(3);
		assertThat(third.json().get("detail").asString()).contains("send the rest of the file in one PATCH");

		Api.Response rest = tus.patch(location, user.token(), 2 * KB,
				Arrays.copyOfRange(content, 2 * KB, content.length));
		assertThat(rest.status()).isEqualTo(204);
		assertThat(tus.download(location.substring(Tus.BASE.length() + 1), user.token())).isEqualTo(content);
	}

	@Test
	void patchesOfOneUploadOverTheRateAreRefusedWith429() {
		byte[] content = random(100 * KB);
		String location = tus.create(user.token(), content.length, Map.of("filename", "rate.bin")).header("Location");
		String other = tus.create(user.token(), KB, Map.of("filename", "other.bin")).header("Location");
		for (int i = 0; i < 4; i++) {
			assertThat(tus.patch(location, user.token(), 0, random(10)).status()).as("PATCH %d", i).isEqualTo(400);
		}

		Api.Response limited = tus.patch(location, user.token(), 0, Arrays.copyOfRange(content, 0, 2 * KB));
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.json().get("type").asString()).isEqualTo("/problems/upload-rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
		assertThat(tus.head(location, user.token()).header("Upload-Offset")).isEqualTo("0");
		assertThat(tus.patch(other, user.token(), 0, random(KB)).status()).as("another upload has its own rate")
			.isEqualTo(204);
	}

}
