package dev.ferry.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.TestAccounts;
import dev.ferry.testing.S3TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.ferry.upload.TusSpecificationIntegrationTests.MIB;
import static dev.ferry.upload.TusSpecificationIntegrationTests.random;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server with {@code FERRY_STORAGE=s3} on a real S3 server (S3Proxy): tus PATCHes of
 * any size end up as encrypted objects in the bucket, a range download fetches only the
 * segments it needs by ranged GETs, repeated reads come from the node's hot cache (which
 * holds ciphertext only), and deleting the file removes its objects.
 */
class TusOnS3IntegrationTests extends IntegrationTest {

	private static final String BUCKET = S3TestServer.newBucket("tus");

	private static final S3Client S3 = S3Client.builder()
		.endpointOverride(URI.create(S3TestServer.endpoint()))
		.region(Region.US_EAST_1)
		.forcePathStyle(true)
		.credentialsProvider(StaticCredentialsProvider
			.create(AwsBasicCredentials.create(S3TestServer.accessKey(), S3TestServer.secretKey())))
		.build();

	@Autowired
	private MeterRegistry meters;

	private Tus tus;

	private TestAccounts.Account user;

	private static Path cacheDir;

	@DynamicPropertySource
	static void s3Storage(DynamicPropertyRegistry registry) throws IOException {
		String dataDir = Files.createTempDirectory("ferry-s3-it-").toString();
		cacheDir = Path.of(dataDir, "cache");
		registry.add("ferry.data-dir", () -> dataDir);
		registry.add("ferry.storage.cache.dir", cacheDir::toString);
		registry.add("ferry.storage.type", () -> "s3");
		registry.add("ferry.storage.s3.endpoint", S3TestServer::endpoint);
		registry.add("ferry.storage.s3.bucket", () -> BUCKET);
		registry.add("ferry.storage.s3.access-key", S3TestServer::accessKey);
		registry.add("ferry.storage.s3.secret-key", S3TestServer::secretKey);
		registry.add("ferry.storage.s3.path-style", () -> "true");
	}

	@AfterAll
	static void closeClient() {
		S3.close();
	}

	@BeforeEach
	void setUp() {
		tus = new Tus(api);
		user = new TestAccounts(api, adminToken()).user();
	}

	@Test
	void patchesOfAnySizeAreStoredInTheBucketAndRangesFetchOnlyTheirSegments() throws IOException {
		byte[] content = random(13 * MIB + 321);
		String location = tus.create(user.token(), content.length, Map.of("filename", "on-s3.bin")).header("Location");
		int[] cuts = { 0, MIB + 7, 10 * MIB + 11, content.length };
		for (int i = 0; i + 1 < cuts.length; i++) {
			Api.Response patch = tus.patch(location, user.token(), cuts[i],
					Arrays.copyOfRange(content, cuts[i], cuts[i + 1]));
			assertThat(patch.status()).as(patch.body()).isEqualTo(204);
		}
		String fileId = location.substring(Tus.BASE.length() + 1);
		List<S3Object> objects = objects();
		assertThat(objects).hasSize(3);
		assertThat(objects.stream().mapToLong(S3Object::size).sum()).isGreaterThan(content.length);
		assertThat(tus.download(fileId, user.token())).isEqualTo(content);

		double requestsBefore = counter("ferry.storage.s3.reads");
		double bytesBefore = counter("ferry.storage.s3.read.bytes");
		HttpResponse<byte[]> range = range(fileId, 6_000_000, 6_000_099);
		assertThat(range.statusCode()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(content, 6_000_000, 6_000_100));
		assertThat(counter("ferry.storage.s3.reads") - requestsBefore)
			.as("at most the part's first and one later segment, unless cached already")
			.isLessThanOrEqualTo(2);
		assertThat(counter("ferry.storage.s3.read.bytes") - bytesBefore).as("bytes fetched from S3")
			.isLessThanOrEqualTo(2 * MIB);

		assertThat(tus.download(fileId, user.token())).isEqualTo(content);
		double warm = counter("ferry.storage.s3.reads");
		assertThat(range(fileId, 12 * MIB, 12 * MIB + 999).body())
			.isEqualTo(Arrays.copyOfRange(content, 12 * MIB, 12 * MIB + 1000));
		assertThat(counter("ferry.storage.s3.reads")).as("a warm range is served by the node's cache").isEqualTo(warm);
		String plaintext = new String(content, 12 * MIB, 64, StandardCharsets.ISO_8859_1);
		assertThat(cacheFiles()).isNotEmpty()
			.allSatisfy((file) -> assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
				.as("no plaintext in the cache")
				.doesNotContain(plaintext));

		assertThat(api.delete("/api/v1/files/" + fileId + "?permanent=true", user.token()).status()).isEqualTo(204);
		assertThat(objects()).isEmpty();
	}

	private List<S3Object> objects() {
		return S3.listObjectsV2Paginator((list) -> list.bucket(BUCKET).prefix("parts/")).contents().stream().toList();
	}

	private static List<Path> cacheFiles() throws IOException {
		try (Stream<Path> files = Files.list(cacheDir)) {
			return files.toList();
		}
	}

	private double counter(String name) {
		return meters.counter(name).count();
	}

	private HttpResponse<byte[]> range(String fileId, long first, long last) {
		try {
			return HttpClient.newHttpClient()
				.send(api.builder("/api/v1/files/" + fileId + "/download", user.token())
					.header("Range", "bytes=" + first + "-" + last)
					.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
