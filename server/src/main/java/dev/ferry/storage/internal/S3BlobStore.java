package dev.ferry.storage.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import dev.ferry.storage.spi.BlobStore;
import dev.ferry.storage.spi.ObjectUpload;
import dev.ferry.storage.spi.StoredObject;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link BlobStore} in an S3 bucket (AWS S3, MinIO, Ceph RGW, Garage, ...). An object
 * is written as a multipart upload of fixed-size parts, each sent with a CRC32C checksum
 * the server verifies, and becomes visible only when the upload completes. Reads are
 * ranged GETs of just the bytes the reader asks for, so a range download fetches only the
 * segments it decrypts. The SDK retries failed requests with exponential backoff.
 * Deleting cannot overwrite in place: the blob is crypto-shredded above this layer, which
 * makes the ciphertext unreadable before the object goes.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

	private final S3Client s3;

	private final String bucket;

	private final int partSize;

	private final ReadMeters meters;

	S3BlobStore(S3Client s3, String bucket, int partSize, MeterRegistry registry) {
		this.s3 = s3;
		this.bucket = bucket;
		this.partSize = partSize;
		this.meters = new ReadMeters(
				Counter.builder("ferry.storage.s3.reads").description("Ranged GETs sent to S3").register(registry),
				Counter.builder("ferry.storage.s3.read.bytes")
					.description("Ciphertext bytes requested from S3 by ranged GETs")
					.baseUnit("bytes")
					.register(registry));
	}

	/** Creates the bucket if it does not exist yet (a fresh MinIO or Garage). */
	void ensureBucket() throws IOException {
		try {
			s3.headBucket((head) -> head.bucket(bucket));
		}
		catch (NoSuchBucketException ex) {
			call(() -> s3.createBucket((create) -> create.bucket(bucket)));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw new IOException("S3 bucket " + bucket + " is not usable: " + ex.getMessage(), ex);
			}
			call(() -> s3.createBucket((create) -> create.bucket(bucket)));
		}
		catch (SdkException ex) {
			throw new IOException("S3 bucket " + bucket + " is not reachable: " + ex.getMessage(), ex);
		}
	}

	@Override
	public ObjectUpload upload(String key) {
		return new S3Upload(s3, bucket, ObjectKeys.require(key), partSize, S3Upload.PARTS_PER_SIZE);
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		return new S3ReadChannel(s3, bucket, key, size(key), meters);
	}

	@Override
	public long size(String key) throws IOException {
		ObjectKeys.require(key);
		try {
			return s3.headObject((head) -> head.bucket(bucket).key(key)).contentLength();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				throw new NoSuchFileException(key);
			}
			throw new IOException(ex);
		}
		catch (SdkException ex) {
			throw new IOException(ex);
		}
	}

	@Override
	public void delete(String key, boolean overwrite) throws IOException {
		ObjectKeys.require(key);
		call(() -> s3.deleteObject((delete) -> delete.bucket(bucket).key(key)));
	}

	/**
	 * Pages through the listing lazily; a failing page surfaces as an
	 * {@link UncheckedIOException}, as a failing directory walk does for the local store.
	 */
	@Override
	public Stream<StoredObject> list(String prefix) {
		Iterator<S3Object> objects = s3.listObjectsV2Paginator((list) -> list.bucket(bucket).prefix(prefix))
			.contents()
			.iterator();
		return StreamSupport.stream(new Spliterators.AbstractSpliterator<StoredObject>(Long.MAX_VALUE,
				Spliterator.ORDERED | Spliterator.NONNULL) {

			@Override
			public boolean tryAdvance(Consumer<? super StoredObject> action) {
				try {
					if (!objects.hasNext()) {
						return false;
					}
					S3Object object = objects.next();
					action.accept(new StoredObject(object.key(), object.size(), object.lastModified()));
					return true;
				}
				catch (SdkException ex) {
					throw new UncheckedIOException(new IOException("S3 listing failed: " + ex.getMessage(), ex));
				}
			}

		}, false);
	}

	/**
	 * Aborts the multipart uploads begun before {@code before} that have received no part
	 * since: one PATCH may take hours to arrive, and its upload is still being written.
	 */
	@Override
	public int purgeIncomplete(Instant before) throws IOException {
		List<MultipartUpload> stale;
		try {
			stale = s3.listMultipartUploadsPaginator((list) -> list.bucket(bucket))
				.uploads()
				.stream()
				.filter((upload) -> upload.initiated().isBefore(before) && lastPart(upload).isBefore(before))
				.toList();
		}
		catch (SdkException ex) {
			throw new IOException(ex);
		}
		int purged = 0;
		for (MultipartUpload upload : stale) {
			try {
				s3.abortMultipartUpload((abort) -> abort.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
				purged++;
			}
			catch (NoSuchUploadException ex) {
				// Another node, or the writer itself, aborted it meanwhile.
			}
			catch (SdkException ex) {
				throw new IOException(ex);
			}
		}
		return purged;
	}

	/**
	 * When the upload last received a part; when it began if none; never if it is gone
	 * already (nothing to abort).
	 */
	private Instant lastPart(MultipartUpload upload) {
		try {
			return s3.listPartsPaginator((list) -> list.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
				.parts()
				.stream()
				.map(Part::lastModified)
				.filter(Objects::nonNull)
				.max(Comparator.naturalOrder())
				.orElse(upload.initiated());
		}
		catch (NoSuchUploadException ex) {
			return Instant.MAX;
		}
	}

	/** Releases the HTTP connections; Spring calls it on shutdown. */
	@Override
	public void close() {
		s3.close();
	}

	/**
	 * Runs an S3 call, turning the SDK's unchecked failures into the SPI's I/O errors.
	 */
	static <T> T call(SdkCall<T> call) throws IOException {
		try {
			return call.run();
		}
		catch (SdkException ex) {
			throw new IOException("S3 request failed: " + ex.getMessage(), ex);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	interface SdkCall<T> {

		T run();

	}

	/** What ranged reads cost, for {@code /metrics} and the tests that prove ranges. */
	record ReadMeters(Counter requests, Counter bytes) {
	}

}
