package dev.ferry.storage.internal;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client from {@link S3Properties}. */
final class S3Clients {

	private static final int MAX_CONNECTIONS = 64;

	private S3Clients() {
	}

	static S3Client create(S3Properties properties) {
		if (properties.bucket() == null || properties.bucket().isBlank()) {
			throw new IllegalStateException("FERRY_STORAGE=s3 needs FERRY_S3_BUCKET");
		}
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(properties.region()))
			.credentialsProvider(credentials(properties))
			.forcePathStyle(properties.pathStyle())
			.httpClientBuilder(Apache5HttpClient.builder().maxConnections(MAX_CONNECTIONS))
			.overrideConfiguration((config) -> config.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(properties.maxAttempts())
				.build()));
		if (properties.endpoint() != null && !properties.endpoint().toString().isBlank()) {
			builder.endpointOverride(properties.endpoint());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(S3Properties properties) {
		if (properties.hasKeys()) {
			return StaticCredentialsProvider
				.create(AwsBasicCredentials.create(properties.accessKey(), properties.secretKey()));
		}
		return DefaultCredentialsProvider.builder().build();
	}

}
