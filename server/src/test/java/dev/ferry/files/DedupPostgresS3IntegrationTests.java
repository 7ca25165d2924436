package dev.ferry.files;

import java.io.IOException;
import java.nio.file.Files;

import dev.ferry.testing.Api;
import dev.ferry.testing.Databases;
import dev.ferry.testing.S3TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DedupIntegrationTest} on PostgreSQL and a real S3 server (S3Proxy) with the hot
 * cache: the stored objects counted are the bucket's.
 */
@DirtiesContext
class DedupPostgresS3IntegrationTests extends DedupIntegrationTest {

	private static final String BUCKET = S3TestServer.newBucket("dedup");

	private static String databaseUrl;

	@DynamicPropertySource
	static void postgresAndS3(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("ferry-dedup-s3-").toString();
		registry.add("ferry.data-dir", () -> dataDir);
		registry.add("ferry.db.url", DedupPostgresS3IntegrationTests::database);
		registry.add("ferry.db.username", Databases::postgresUser);
		registry.add("ferry.storage.type", () -> "s3");
		registry.add("ferry.storage.s3.endpoint", S3TestServer::endpoint);
		registry.add("ferry.storage.s3.bucket", () -> BUCKET);
		registry.add("ferry.storage.s3.access-key", S3TestServer::accessKey);
		registry.add("ferry.storage.s3.secret-key", S3TestServer::secretKey);
		registry.add("ferry.storage.s3.path-style", () -> "true");
	}

	/**
	 * PostgreSQL stores no NUL: a cursor that decodes to one (base64 "AA") reached the
	 * database as a parameter and was a 500. This class is the suite's whole server on
	 * PostgreSQL, so the check lives here.
	 */
	@Test
	void aTextPostgresqlCannotStoreIsA400() {
		Api.Response response = api.get("/api/v1/admin/users?cursor=AA", adminToken());

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).contains("NUL");
	}

	@AfterAll
	static void dropDatabase() {
		if (databaseUrl != null) {
			Databases.dropPostgresDatabase(databaseUrl);
		}
	}

	private static synchronized String database() {
		if (databaseUrl == null) {
			databaseUrl = Databases.createPostgresDatabase();
		}
		return databaseUrl;
	}

}