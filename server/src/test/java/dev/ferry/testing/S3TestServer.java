package dev.ferry.testing;

import java.util.Locale;
import java.util.UUID;

/**
 * The real S3 server (S3Proxy) that {@code bin/test-services} starts, named by
 * {@code FERRY_TEST_S3_ENDPOINT}, {@code FERRY_TEST_S3_ACCESS_KEY} and
 * {@code FERRY_TEST_S3_SECRET_KEY}. Without them an S3 test fails; it never skips.
 */
public final class S3TestServer {

	private S3TestServer() {
	}

	public static String endpoint() {
		return requiredEnv("FERRY_TEST_S3_ENDPOINT");
	}

	public static String accessKey() {
		return requiredEnv("FERRY_TEST_S3_ACCESS_KEY");
	}

	public static String secretKey() {
		return requiredEnv("FERRY_TEST_S3_SECRET_KEY");
	}

	/** A bucket name no other test uses; the store creates the bucket on start. */
	public static String newBucket(String purpose) {
		return ("ferry-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
	}

	private static String requiredEnv(String name) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set: this test needs the S3Proxy that bin/test starts. "
					+ "Run bin/test, or eval \"$(bin/test-services)\" before mvn.");
		}
		return value;
	}

}
