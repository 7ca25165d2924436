package dev.ferry.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog;
import dev.ferry.files.FileCatalog.Placement;
import dev.ferry.files.UploadRules;

import org.springframework.stereotype.Component;

/**
 * The limits an upload lives within: where it may go, how large it may grow (the server's
 * maximum and the owner's quota, minus their other uploads in progress) and when it
 * expires. An upload of known length holds a quota reservation in the files module (the
 * same one plain uploads take, atomically); a deferred one counts what it received.
 */
@Component
class UploadPolicy {

	private final FileCatalog catalog;

	private final UploadRepository repository;

	private final UploadProperties properties;

	private final Clock clock;

	private final UploadRules rules;

	/** Until the cleanup job has destroyed an expired upload, its reservation stands. */
	private static final Duration RESERVATION_GRACE = Duration.ofHours(1);

	UploadPolicy(FileCatalog catalog, UploadRepository repository, UploadProperties properties, Clock clock,
			UploadRules rules) {
		this.rules = rules;
		this.catalog = catalog;
		this.repository = repository;
		this.properties = properties;
		this.clock = clock;
	}

	Instant now() {
		return clock.instant();
	}

	Instant expiresAt(Instant now) {
		return now.plus(properties.expiry());
	}

	/** When a finished upload is forgotten (HEAD answers 404 from then on). */
	Instant purgeBefore(Instant now) {
		return now.minus(properties.expiry());
	}

	Duration expiry() {
		return properties.expiry();
	}

	long maxSize() {
		return properties.maxSize().toBytes();
	}

	/** Where the file goes: the metadata's folder, or {@code forcedFolder} when given. */
	Placement placement(CurrentUser user, UploadMetadata metadata, String forcedFolder) {
		String name = metadata.first("filename", "name");
		if (name == null) {
			throw UploadException.badRequest("missing-filename", "File name missing",
					"Name the file in Upload-Metadata: 'filename <base64 name>'.");
		}
		String folder = (forcedFolder != null) ? forcedFolder : metadata.first("path", "folder");
		return catalog.checkPlacement(user, folder, name);
	}

	/**
	 * Holds a new upload to the upload policy's extension and size rules (size only when
	 * the length is known), before anything is stored.
	 */
	void checkRules(CurrentUser user, Placement placement, Long length) {
		rules.checkName(user, placement.name(), (length != null) ? length : -1);
	}

	/**
	 * Holds an upload's first bytes to the policy's type rules before any is stored:
	 * reads the head of the body, checks the type it shows, and gives back a chunk that
	 * replays the head and continues with the rest of the body.
	 */
	ChunkWriter.Chunk checkFirstBytes(CurrentUser user, Upload upload, ChunkWriter.Chunk chunk) {
		if (!rules.checksContent(user)) {
			// Without a type rule the body streams straight to the store, so a body
			// cut short in its first bytes still keeps what arrived.
			return chunk;
		}
		long limit = UploadRules.HEAD_BYTES;
		if (upload.length() != null) {
			limit = Math.min(limit, upload.length());
		}
		if (chunk.declaredLength() >= 0) {
			limit = Math.min(limit, chunk.declaredLength());
		}
		byte[] head;
		try {
			head = chunk.body().readNBytes((int) limit);
		}
		catch (IOException ex) {
			return new ChunkWriter.Chunk(new InputStream() {

				@Override
				public int read() throws IOException {
					throw ex;
				}

			}, chunk.declaredLength(), chunk.checksum());
		}
		if (head.length > 0) {
			rules.checkContent(user, upload.placement().name(), head);
		}
		return new ChunkWriter.Chunk(new SequenceInputStream(new ByteArrayInputStream(head), chunk.body()),
				chunk.declaredLength(), chunk.checksum());
	}

	/** Refuses a length above the server's maximum. */
	void checkSize(long length) {
		if (length > maxSize()) {
			throw UploadException.tooLarge(maxSize());
		}
	}

	/**
	 * Reserves the upload's whole length of the owner's quota until {@code until}, or
	 * refuses it.
	 */
	long reserve(CurrentUser user, UUID uploadId, long length, Instant until) {
		checkSize(length);
		FileCatalog.QuotaReservation reservation = catalog.reserveQuota(user, uploadId, length,
				until.plus(RESERVATION_GRACE));
		if (!reservation.granted()) {
			throw UploadException.quotaExceeded(reservation.room(), length);
		}
		return length;
	}

	/** Keeps the reservation as long as the upload lives. */
	void extendReservation(Upload upload) {
		if (!upload.isDeferred()) {
			catalog.extendQuota(upload.id(), upload.expiresAt().plus(RESERVATION_GRACE));
		}
	}

	void release(UUID uploadId) {
		catalog.releaseQuota(uploadId);
	}

	/**
	 * How many more bytes the upload may take in one request, and the problem to report
	 * when a body brings more.
	 */
	Allowance allowance(CurrentUser user, Upload upload) {
		if (!upload.isDeferred()) {
			return new Allowance(upload.length() - upload.offset(), UploadException.beyondLength(upload.length()));
		}
		long room = room(user, upload.id());
		if (room < maxSize()) {
			return new Allowance(Math.max(room - upload.offset(), 0), UploadException.quotaReached(room));
		}
		return new Allowance(maxSize() - upload.offset(), UploadException.tooLarge(maxSize()));
	}

	private long room(CurrentUser user, UUID uploadId) {
		return catalog.remainingQuota(user) - repository.reservedBytes(user.userId(), uploadId, now());
	}

	long minChunk() {
		return properties.minChunk().toBytes();
	}

	/**
	 * Refuses a body of {@code size} bytes that is below the minimum and does not finish
	 * the upload: small parts cost a stored object and a row each.
	 */
	void checkChunkSize(Upload upload, long size) {
		boolean finishes = !upload.isDeferred() && upload.offset() + size == upload.length();
		if (size > 0 && size < minChunk() && !finishes) {
			throw UploadException.chunkTooSmall(size, minChunk());
		}
	}

	/**
	 * Refuses a new part past the cap. The last free part is kept for a body that
	 * finishes the upload ({@code size} -1: not known yet).
	 */
	void checkNewPart(Upload upload, int partCount, long size) {
		int max = properties.maxParts();
		boolean finishes = size < 0 || (!upload.isDeferred() && upload.offset() + size == upload.length());
		if (partCount >= max || (partCount == max - 1 && !finishes)) {
			throw UploadException.tooManyParts(max, partCount >= max);
		}
	}

	record Allowance(long bytes, UploadException exceeded) {
	}

}
