package dev.ferry.storage.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.storage.spi.ObjectUpload;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * One object being written to S3. Bytes collect in a single part-sized buffer (the only
 * copy: nothing is spooled to disk); a full buffer becomes a multipart part, so writes of
 * any size add up to parts S3 accepts. An object smaller than one part is sent as one
 * PUT. Every request carries a CRC32C checksum, and its body can be replayed, so the
 * SDK's retries resend the same bytes.
 * <p>
 * S3 takes at most 10,000 parts per object, which at a fixed 8 MiB would end every object
 * at 78 GiB (a single PATCH, an SFTP put, a file encrypted or copied whole). So the part
 * size doubles after every {@link #PARTS_PER_SIZE} parts: objects up to 15.6 GiB keep the
 * configured buffer, and 10,000 parts reach 484 GiB with a 128 MiB buffer at the end.
 */
final class S3Upload implements ObjectUpload, WritableByteChannel {

	static final int PARTS_PER_SIZE = 2_000;

	private static final int MAX_PARTS = 10_000;

	private static final int MAX_PART_SIZE = 1 << 30;

	private static final String CONTENT_TYPE = "application/octet-stream";

	private final S3Client s3;

	private final String bucket;

	private final String key;

	private final int partsPerSize;

	private byte[] buffer;

	private final List<CompletedPart> parts = new ArrayList<>();

	private int filled;

	private long size;

	private String uploadId;

	private boolean open = true;

	private boolean committed;

	S3Upload(S3Client s3, String bucket, String key, int partSize, int partsPerSize) {
		this.s3 = s3;
		this.bucket = bucket;
		this.key = key;
		this.buffer = new byte[partSize];
		this.partsPerSize = partsPerSize;
	}

	@Override
	public WritableByteChannel channel() {
		return this;
	}

	@Override
	public int write(ByteBuffer source) throws IOException {
		if (!open) {
			throw new ClosedChannelException();
		}
		int n = Math.min(source.remaining(), buffer.length - filled);
		source.get(buffer, filled, n);
		filled += n;
		size += n;
		if (filled == buffer.length) {
			sendPart();
		}
		return n;
	}

	@Override
	public boolean isOpen() {
		return open;
	}

	@Override
	public long commit() throws IOException {
		if (!open) {
			throw new ClosedChannelException();
		}
		if (uploadId == null) {
			S3BlobStore.call(() -> s3.putObject((put) -> put.bucket(bucket)
				.key(key)
				.contentType(CONTENT_TYPE)
				.contentLength((long) filled)
				.checksumAlgorithm(ChecksumAlgorithm.CRC32_C), body()));
		}
		else {
			if (filled > 0) {
				sendPart();
			}
			S3BlobStore.call(() -> s3.completeMultipartUpload((complete) -> complete.bucket(bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload((upload) -> upload.parts(parts))));
		}
		committed = true;
		open = false;
		return size;
	}

	@Override
	public void close() throws IOException {
		open = false;
		if (!committed && uploadId != null) {
			String aborted = uploadId;
			uploadId = null;
			try {
				s3.abortMultipartUpload((abort) -> abort.bucket(bucket).key(key).uploadId(aborted));
			}
			catch (NoSuchUploadException ex) {
				// Cleanup purged it already.
			}
			catch (SdkException ex) {
				throw new IOException("S3 request failed: " + ex.getMessage(), ex);
			}
		}
	}

	private void sendPart() throws IOException {
		if (parts.size() == MAX_PARTS) {
			throw new IOException("An S3 object holds at most " + MAX_PARTS + " parts; this one has grown past "
					+ (size - filled) + " bytes. Send it in several requests (a tus client's chunk size).");
		}
		if (uploadId == null) {
			uploadId = S3BlobStore.call(() -> s3.createMultipartUpload((create) -> create.bucket(bucket)
				.key(key)
				.contentType(CONTENT_TYPE)
				.checksumAlgorithm(ChecksumAlgorithm.CRC32_C))).uploadId();
		}
		int number = parts.size() + 1;
		UploadPartResponse sent = S3BlobStore.call(() -> s3.uploadPart((part) -> part.bucket(bucket)
			.key(key)
			.uploadId(uploadId)
			.partNumber(number)
			.contentLength((long) filled)
			.checksumAlgorithm(ChecksumAlgorithm.CRC32_C), body()));
		parts.add(CompletedPart.builder()
			.partNumber(number)
			.eTag(sent.eTag())
			.checksumCRC32C(sent.checksumCRC32C())
			.build());
		filled = 0;
		if (parts.size() % partsPerSize == 0 && buffer.length < MAX_PART_SIZE) {
			buffer = new byte[(int) Math.min(2L * buffer.length, MAX_PART_SIZE)];
		}
	}

	/** The buffered bytes as a body the SDK can read again for a retry. */
	private RequestBody body() {
		byte[] bytes = buffer;
		int length = filled;
		return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length, CONTENT_TYPE);
	}

}
