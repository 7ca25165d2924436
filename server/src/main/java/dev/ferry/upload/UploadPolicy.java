package dev.ferry.upload;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.files.FileCatalog;
import dev.ferry.files.FileCatalog.Placement;

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

	/** Until the cleanup job has destroyed an expired upload, its reservation stands. */
	private static final Duration RESERVATION_GRACE = Duration.ofHours(1);

	UploadPolicy(FileCatalog catalog, UploadRepository repository, UploadProperties properties, Clock clock) {
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
