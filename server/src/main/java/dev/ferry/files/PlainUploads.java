package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import dev.ferry.storage.StorageException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Single-request uploads (multipart or raw PUT): the body streams straight into an
 * encrypted blob while its SHA-256 is computed. Quota is reserved before a byte is
 * accepted (the whole Content-Length when it is known, else in steps as the body grows),
 * so parallel uploads cannot together pass the quota; the body is cut off the moment it
 * needs more than can be reserved. A failed upload releases its reservation, a stored one
 * turns it into the file's size. Nothing is buffered beyond one copy buffer.
 */
@Service
class PlainUploads {

	private static final int BUFFER = 64 * 1024;

	/** How much more a body of unknown length reserves each time it needs room. */
	static final long RESERVATION_STEP = 8L * 1024 * 1024;

	/**
	 * A reservation outlives a node that died mid-upload by this long; a live upload
	 * renews it well before.
	 */
	private static final Duration RESERVATION_TTL = Duration.ofHours(1);

	private static final long RENEW_AFTER_NANOS = Duration.ofMinutes(10).toNanos();

	private final FileService files;

	private final Quotas quotas;

	private final BlobStorage storage;

	private final AuditLog audit;

	private final MeterRegistry meters;

	private final ApplicationEventPublisher events;

	PlainUploads(FileService files, Quotas quotas, BlobStorage storage, AuditLog audit, MeterRegistry meters,
			ApplicationEventPublisher events) {
		this.events = events;
		this.files = files;
		this.quotas = quotas;
		this.storage = storage;
		this.audit = audit;
		this.meters = meters;
	}

	/**
	 * {@code channel} is how the body arrives ({@code plain} for HTTP, {@code sftp}), as
	 * the audit trail and the byte counter name it; {@code declaredLength} is the
	 * Content-Length, or -1 when the body is chunked; {@code onConflict} says what an
	 * arrival at a taken path does; {@code pruneNow} false leaves the versions beyond the
	 * number kept to the caller ({@link FileService#pruneVersions}).
	 */
	FileRecord store(CurrentUser owner, String channel, FileCatalog.Placement placement, String declaredType,
			InputStream body, long declaredLength, FileCatalog.Conflict onConflict, boolean pruneNow) {
		String path = FilePaths.join(placement.folder(), placement.name());
		Transfer transfer = new Transfer(owner, UUID.randomUUID(), channel);
		QuotaLedger.Grant grant = (declaredLength >= 0) ? transfer.reserve(declaredLength, declaredLength)
				: transfer.reserve(RESERVATION_STEP, 0);
		if (!grant.granted()) {
			failed(transfer, path, declaredLength, "quota_exceeded");
			throw FileException.quotaExceeded(grant.room());
		}
		UUID blobId;
		try {
			audit.record(AuditEvent.success("file.upload.started")
				.detail("channel", channel)
				.detail("path", path)
				.detail("declared_size", (declaredLength >= 0) ? declaredLength : null));
			blobId = storage.create(declaredType);
		}
		catch (RuntimeException ex) {
			// The database or the key service away: the reservation must not hold the
			// room until it times out, an hour on.
			quotas.release(transfer.id);
			failed(transfer, path, declaredLength, "rejected");
			throw ex;
		}
		FileRecord file;
		// Only until the file holds the blob: past that, a failure must not destroy it.
		try {
			String sha256 = receive(blobId, body, transfer);
			file = files.register(owner, new FileCatalog.NewFile(transfer.id, placement, declaredType, blobId,
					transfer.bytes, sha256, onConflict), pruneNow);
		}
		catch (QuotaCrossed ex) {
			discard(transfer, blobId);
			failed(transfer, path, declaredLength, "quota_exceeded");
			throw FileException.quotaExceeded(ex.room);
		}
		catch (IOException ex) {
			discard(transfer, blobId);
			failed(transfer, path, declaredLength, "interrupted");
			throw FileException.invalidUpload("The request body could not be read to its end.");
		}
		catch (RuntimeException ex) {
			discard(transfer, blobId);
			failed(transfer, path, declaredLength, "rejected");
			throw ex;
		}
		audit.record(AuditEvent.success("file.upload.completed")
			.object("file", file.id())
			.detail("channel", channel)
			.detail("path", file.path())
			.detail("size", file.size()));
		events.publishEvent(new FileUploaded(file.id(), file.ownerId(), file.folder(), file.name(), file.size(),
				file.sha256(), file.contentType(), channel));
		return file;
	}

	private void discard(Transfer transfer, UUID blobId) {
		quotas.release(transfer.id);
		storage.destroy(blobId);
	}

	/** Copies the body into the blob and returns its SHA-256 in hex. */
	private String receive(UUID blobId, InputStream body, Transfer transfer) throws IOException {
		MessageDigest sha256 = sha256();
		Counter bytesIn = Counter.builder("ferry.bytes.in")
			.baseUnit("bytes")
			.description("Bytes received in uploads")
			.tag("channel", transfer.channel)
			.register(meters);
		try (PendingPart part = storage.beginPart(blobId, 0)) {
			OutputStream out = part.stream();
			byte[] buffer = new byte[BUFFER];
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				transfer.bytes += n;
				transfer.ensureRoom();
				sha256.update(buffer, 0, n);
				write(out, buffer, n);
				bytesIn.increment(n);
			}
			part.commit();
			return HexFormat.of().formatHex(sha256.digest());
		}
	}

	/**
	 * A failed write is the store's fault, not the client's: it must not pass for a body
	 * cut short, which the caller reports as the client's.
	 */
	private static void write(OutputStream out, byte[] buffer, int length) {
		try {
			out.write(buffer, 0, length);
		}
		catch (IOException ex) {
			throw new StorageException(ex);
		}
	}

	private void failed(Transfer transfer, String path, long declaredLength, String reason) {
		audit.record(AuditEvent.failure("file.upload.failed")
			.detail("channel", transfer.channel)
			.detail("path", path)
			.detail("declared_size", (declaredLength >= 0) ? declaredLength : null)
			.detail("received", transfer.bytes)
			.detail("reason", reason));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One upload's progress and its quota reservation (the future file's id). */
	private final class Transfer {

		private final CurrentUser owner;

		private final UUID id;

		private final String channel;

		private long bytes;

		private long reserved;

		private long reservedAt;

		Transfer(CurrentUser owner, UUID id, String channel) {
			this.owner = owner;
			this.id = id;
			this.channel = channel;
		}

		QuotaLedger.Grant reserve(long wanted, long minimum) {
			QuotaLedger.Grant grant = quotas.reserve(owner, id, wanted, minimum, quotas.now().plus(RESERVATION_TTL));
			if (grant.granted()) {
				reserved = grant.bytes();
				reservedAt = System.nanoTime();
			}
			return grant;
		}

		/**
		 * Grows the reservation when the body outgrows it, and renews it now and then so
		 * a long upload keeps it.
		 */
		void ensureRoom() throws QuotaCrossed {
			if (bytes <= reserved && System.nanoTime() - reservedAt < RENEW_AFTER_NANOS) {
				return;
			}
			QuotaLedger.Grant grant = reserve(Math.max(reserved, bytes + RESERVATION_STEP), bytes);
			if (!grant.granted()) {
				throw new QuotaCrossed(grant.room());
			}
		}

	}

	/**
	 * Thrown out of the copy loop so the part is discarded before the blob is destroyed.
	 */
	private static final class QuotaCrossed extends IOException {

		private final long room;

		QuotaCrossed(long room) {
			super("The body crossed the remaining quota.");
			this.room = room;
		}

	}

}
