package dev.ferry.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.BlobTail;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Streams one request body into a new part of the upload's blob. The part is committed
 * only when the body passes its checksum, if it carries one; a body cut short by the
 * client keeps what arrived (what tus clients expect when they resume), unless a checksum
 * was sent, which then cannot be verified.
 * <p>
 * A cut-short body may leave a part smaller than the minimum chunk; the next body is then
 * written into a copy of that part which replaces it, so an upload never holds more than
 * one small part, at its end, however often it is interrupted.
 */
@Component
class ChunkWriter {

	/** Matches the blob store's 64 KiB encryption segments. */
	private static final int BUFFER_SIZE = 64 * 1024;

	/**
	 * How often a body still arriving moves its upload's expiry on: an upload expires
	 * after sitting idle, and one long PATCH (a client that sends the whole file at once)
	 * is not idle.
	 */
	private static final Duration KEEP_ALIVE = Duration.ofMinutes(1);

	private final BlobStorage blobs;

	private final UploadPolicy policy;

	private final UploadRepository repository;

	private final Counter bytesIn;

	private final AtomicInteger active = new AtomicInteger();

	ChunkWriter(BlobStorage blobs, UploadPolicy policy, UploadRepository repository, MeterRegistry registry) {
		this.blobs = blobs;
		this.policy = policy;
		this.repository = repository;
		this.bytesIn = Counter.builder("ferry.bytes.in")
			.description("Bytes received from clients")
			.baseUnit("bytes")
			.tag("channel", "tus")
			.register(registry);
		Gauge.builder("ferry.uploads.active", active, AtomicInteger::get)
			.description("tus requests receiving bytes on this node")
			.register(registry);
	}

	/**
	 * Appends the body at the upload's offset and returns the new offset. {@code digest}
	 * (the running SHA-256 of the whole upload, may be null) is updated with what is
	 * committed.
	 */
	long write(Upload upload, Chunk chunk, UploadPolicy.Allowance allowance, MessageDigest digest) {
		MessageDigest check = (chunk.checksum() != null) ? chunk.checksum().newDigest() : null;
		active.incrementAndGet();
		keepAlive(upload);
		try (PendingPart part = open(upload, chunk)) {
			boolean complete = copy(upload, chunk.body(), part.stream(), allowance, check, digest);
			if (check != null && !complete) {
				throw UploadException.incompleteWithChecksum();
			}
			if (check != null && !chunk.checksum().matches(check.digest())) {
				throw UploadException.checksumMismatch(chunk.checksum().algorithm());
			}
			if (complete && chunk.declaredLength() < 0) {
				policy.checkChunkSize(upload, part.written());
			}
			return (part.written() > 0) ? part.commit() : upload.offset();
		}
		finally {
			active.decrementAndGet();
		}
	}

	/** A new part, or a rewrite of a small last part left by a cut-short body. */
	private PendingPart open(Upload upload, Chunk chunk) {
		BlobTail tail = blobs.tail(upload.blobId());
		if (tail.lastPartLength() > 0 && tail.lastPartLength() < policy.minChunk()) {
			return blobs.rewriteLastPart(upload.blobId(), upload.offset());
		}
		policy.checkNewPart(upload, tail.partCount(), chunk.declaredLength());
		return blobs.beginPart(upload.blobId(), upload.offset());
	}

	/**
	 * Moves the upload's expiry (and its quota reservation's) on, so that the cleanup job
	 * does not end it under a body still arriving; refused when it ended meanwhile.
	 */
	private void keepAlive(Upload upload) {
		Instant now = policy.now();
		Instant expiresAt = policy.expiresAt(now);
		if (!repository.keepAlive(upload.id(), expiresAt, now)) {
			throw UploadException.expired();
		}
		policy.extendReservation(upload.withOffset(upload.offset(), expiresAt));
	}

	/** Copies until the body ends; false if the client went away first. */
	private boolean copy(Upload upload, InputStream body, OutputStream out, UploadPolicy.Allowance allowance,
			MessageDigest check, MessageDigest digest) {
		byte[] buffer = new byte[BUFFER_SIZE];
		long copied = 0;
		long keptAliveAt = System.nanoTime();
		while (true) {
			if (System.nanoTime() - keptAliveAt > KEEP_ALIVE.toNanos()) {
				keepAlive(upload);
				keptAliveAt = System.nanoTime();
			}
			int read;
			try {
				// One byte past the allowance tells that the body is too long.
				read = body.read(buffer, 0, (int) Math.min(buffer.length, allowance.bytes() - copied + 1));
			}
			catch (IOException ex) {
				return false;
			}
			if (read < 0) {
				return true;
			}
			bytesIn.increment(read);
			if (copied + read > allowance.bytes()) {
				throw allowance.exceeded();
			}
			writeTo(out, buffer, read);
			if (check != null) {
				check.update(buffer, 0, read);
			}
			if (digest != null) {
				digest.update(buffer, 0, read);
			}
			copied += read;
		}
	}

	private static void writeTo(OutputStream out, byte[] buffer, int length) {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
	}

	/** A request body and the checksum it claims (null when it claims none). */
	record Chunk(InputStream body, long declaredLength, UploadChecksum checksum) {
	}

}
