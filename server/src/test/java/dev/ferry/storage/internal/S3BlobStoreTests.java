package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.testing.S3TestServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store contract on a real S3 server (S3Proxy, started by {@code bin/test-services})
 * through the real AWS SDK, plus what S3 does differently: multipart parts, checksums and
 * ranged reads.
 */
class S3BlobStoreTests extends BlobStoreContract {

	private final List<S3BlobStore> opened = new ArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final S3Properties properties = properties(S3TestServer.newBucket("store"));

	private final S3Client client = S3Clients.create(properties);

	@Override
	BlobStore store() throws IOException {
		S3BlobStore store = new S3BlobStore(S3Clients.create(properties), properties.bucket(), properties.partSize(),
				meters);
		opened.add(store);
		store.ensureBucket();
		return store;
	}

	static S3Properties properties(String bucket) {
		return new S3Properties(URI.create(S3TestServer.endpoint()), bucket, "us-east-1", S3TestServer.accessKey(),
				S3TestServer.secretKey(), true, S3Properties.MIN_PART_SIZE, 3);
	}

	@AfterEach
	void closeClients() {
		opened.forEach(S3BlobStore::close);
		client.close();
	}

	@Test
	void aLargeObjectIsAMultipartUploadWithAChecksumOnEveryPart() throws IOException {
		BlobStore store = store();
		byte[] content = new byte[2 * S3Properties.MIN_PART_SIZE + 1000];
		new Random(3).nextBytes(content);
		store.put("parts/large", new ByteArrayInputStream(content));

		HeadObjectResponse head = client
			.headObject((request) -> request.bucket(properties.bucket()).key("parts/large"));
		assertThat(head.eTag()).as("a multipart ETag names its part count").endsWith("-3\"");
		try (SeekableByteChannel channel = store.open("parts/large")) {
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
		}
	}

	/**
	 * S3 takes 10,000 parts per object: the part size doubles every so many parts (here
	 * two), so parts of 5, 5 and 10 MiB and a last short one make the object.
	 */
	@Test
	void thePartSizeGrowsSoABigObjectNeedsFewerParts() throws IOException {
		BlobStore store = store();
		int part = S3Properties.MIN_PART_SIZE;
		byte[] content = new byte[4 * part + 1000];
		new Random(5).nextBytes(content);
		try (S3Upload upload = new S3Upload(client, properties.bucket(), "parts/growing", part, 2)) {
			for (int at = 0; at < content.length; at += 1_000_000) {
				ByteBuffer chunk = ByteBuffer.wrap(content, at, Math.min(1_000_000, content.length - at));
				while (chunk.hasRemaining()) {
					upload.write(chunk);
				}
			}
			assertThat(upload.commit()).isEqualTo(content.length);
		}

		HeadObjectResponse head = client
			.headObject((request) -> request.bucket(properties.bucket()).key("parts/growing"));
		assertThat(head.eTag()).as("5 + 5 + 10 MiB and the rest: four parts, not five").endsWith("-4\"");
		try (SeekableByteChannel channel = store.open("parts/growing")) {
			assertThat(readAt(channel, 0, content.length)).isEqualTo(content);
		}
	}

	@Test
	void aRangeReadFetchesOnlyTheBytesItAsksFor() throws IOException {
		BlobStore store = store();
		byte[] content = new byte[3 * 1024 * 1024];
		new Random(4).nextBytes(content);
		store.put("parts/ranged", new ByteArrayInputStream(content));
		double before = fetchedBytes();

		try (SeekableByteChannel channel = store.open("parts/ranged")) {
			assertThat(readAt(channel, 2_000_000, 65_536)).isEqualTo(Arrays.copyOfRange(content, 2_000_000, 2_065_536));
		}

		assertThat(fetchedBytes() - before).isEqualTo(65_536);
		assertThat(meters.counter("ferry.storage.s3.reads").count()).isOne();
	}

	/**
	 * A PATCH that takes longer than the cleanup's cut-off is one multipart upload begun
	 * long ago and still receiving parts: the cleanup must leave it alone.
	 */
	@Test
	void anUploadStillReceivingPartsOutlivesTheCleanup() throws IOException {
		BlobStore store = store();
		byte[] part = new byte[S3Properties.MIN_PART_SIZE];
		new Random(5).nextBytes(part);
		try (ObjectUpload upload = store.upload("parts/slow")) {
			upload.channel().write(ByteBuffer.wrap(part));
			upload.channel().write(ByteBuffer.wrap(part, 0, 1));
			Instant cutoff = Instant.now();
			// S3 keeps times to the second: the next part must come a second later.
			await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().getEpochSecond() > cutoff.getEpochSecond());
			upload.channel().write(ByteBuffer.wrap(part, 1, part.length - 1));
			upload.channel().write(ByteBuffer.wrap(part, 0, 1));

			assertThat(store.purgeIncomplete(cutoff)).isZero();
			assertThat(upload.commit()).isEqualTo(2L * part.length + 1);
		}
		assertThat(store.purgeIncomplete(Instant.now().plusSeconds(60))).isZero();
	}

	private double fetchedBytes() {
		return meters.counter("ferry.storage.s3.read.bytes").count();
	}

}
