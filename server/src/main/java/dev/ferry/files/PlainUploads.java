package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.CurrentUser;
import dev.ferry.storage.BlobStorage;
import dev.ferry.storage.PendingPart;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * Single-request uploads (multipart or raw PUT): the body streams straight into an
 * encrypted blob while its SHA-256 is computed, and is cut off the moment it crosses the
 * caller's remaining quota. Nothing is buffered beyond one copy buffer.
 */
@Service
class PlainUploads {

	private static final int BUFFER = 64 * 1024;

	private final FileService files;

	private final BlobStorage storage;

	private final AuditLog audit;

	private final Counter bytesIn;

	PlainUploads(FileService files, BlobStorage storage, AuditLog audit, MeterRegistry meters) {
		this.files = files;
		this.storage = storage;
		this.audit = audit;
		this.bytesIn = Counter.builder("ferry.bytes.in")
			.baseUnit("bytes")
			.description("Bytes received in uploads")
			.tag("channel", "plain")
			.register(meters);
	}

	/** {@code declaredLength} is the Content-Length, or -1 when the body is chunked. */
	FileRecord store(CurrentUser owner, FileCatalog.Placement placement, String declaredType, InputStream body,
			long declaredLength) {
		String path = FilePaths.join(placement.folder(), placement.name());
		long room = files.remainingQuota(owner);
		if (declaredLength > room) {
			failed(path, declaredLength, 0, "quota_exceeded");
			throw FileException.quotaExceeded(room);
		}
		audit.record(AuditEvent.success("file.upload.started")
			.detail("channel", "plain")
			.detail("path", path)
			.detail("declared_size", (declaredLength >= 0) ? declaredLength : null));
		UUID blobId = storage.create();
		Transfer transfer = new Transfer(room);
		try {
			String sha256 = receive(blobId, body, transfer);
			long size = transfer.bytes;
			FileRecord file = files.register(owner,
					new FileCatalog.NewFile(UUID.randomUUID(), placement, declaredType, blobId, size, sha256));
			audit.record(AuditEvent.success("file.upload.completed")
				.object("file", file.id())
				.detail("channel", "plain")
				.detail("path", file.path())
				.detail("size", size));
			return file;
		}
		catch (QuotaCrossed ex) {
			storage.destroy(blobId);
			failed(path, declaredLength, transfer.bytes, "quota_exceeded");
			throw FileException.quotaExceeded(room);
		}
		catch (IOException ex) {
			storage.destroy(blobId);
			failed(path, declaredLength, transfer.bytes, "interrupted");
			throw FileException.invalidUpload("The request body could not be read to its end.");
		}
		catch (RuntimeException ex) {
			storage.destroy(blobId);
			failed(path, declaredLength, transfer.bytes, "rejected");
			throw ex;
		}
	}

	/** Copies the body into the blob and returns its SHA-256 in hex. */
	private String receive(UUID blobId, InputStream body, Transfer transfer) throws IOException {
		MessageDigest sha256 = sha256();
		try (PendingPart part = storage.beginPart(blobId, 0)) {
			OutputStream out = part.stream();
			byte[] buffer = new byte[BUFFER];
			for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
				transfer.bytes += n;
				if (transfer.bytes > transfer.room) {
					throw new QuotaCrossed();
				}
				sha256.update(buffer, 0, n);
				out.write(buffer, 0, n);
				bytesIn.increment(n);
			}
			part.commit();
			return HexFormat.of().formatHex(sha256.digest());
		}
	}

	private void failed(String path, long declaredLength, long received, String reason) {
		audit.record(AuditEvent.failure("file.upload.failed")
			.detail("channel", "plain")
			.detail("path", path)
			.detail("declared_size", (declaredLength >= 0) ? declaredLength : null)
			.detail("received", received)
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

	private static final class Transfer {

		private final long room;

		private long bytes;

		Transfer(long room) {
			this.room = room;
		}

	}

	/**
	 * Thrown out of the copy loop so the part is discarded before the blob is destroyed.
	 */
	private static final class QuotaCrossed extends IOException {

		QuotaCrossed() {
			super("The body crossed the remaining quota.");
		}

	}

}
