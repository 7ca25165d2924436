package dev.ferry.storage.internal;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The S3 bucket used when {@code FERRY_STORAGE=s3}. Without an endpoint the SDK talks to
 * AWS itself; without keys it uses the SDK's default credential chain (environment,
 * instance profile, web identity). {@code pathStyle} puts the bucket in the path
 * ({@code http://host/bucket/key}) instead of the host name, which MinIO, Ceph and Garage
 * usually need.
 */
@ConfigurationProperties("ferry.storage.s3")
record S3Properties(URI endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey,
		String secretKey, @DefaultValue("false") boolean pathStyle, @DefaultValue("8388608") int partSize,
		@DefaultValue("5") int maxAttempts) {

	/** S3 refuses multipart parts smaller than 5 MiB (except the last). */
	static final int MIN_PART_SIZE = 5 * 1024 * 1024;

	S3Properties {
		if (partSize < MIN_PART_SIZE) {
			throw new IllegalArgumentException("ferry.storage.s3.part-size must be at least 5 MiB, not " + partSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("ferry.storage.s3.max-attempts must be at least 1");
		}
	}

	boolean hasKeys() {
		return accessKey != null && !accessKey.isBlank();
	}

}
