package dev.ferry.files;

import java.io.IOException;
import java.nio.file.Files;

import dev.ferry.testing.Databases;
import dev.ferry.testing.S3TestServer;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
