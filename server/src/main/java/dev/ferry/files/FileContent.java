package dev.ferry.files;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.ferry.ProblemException;
import dev.ferry.audit.AuditEvent;
import dev.ferry.files.FileCatalog.StoredFile;
import dev.ferry.storage.StorageException;

/**
 * File content for modules that decided on access themselves (public share links,
 * grants): nothing here checks who is asking, so callers must have authorized the request
 * before. Downloads get exactly the owner download's HTTP semantics (single ranges,
 * If-Range, ETag, conditionals, safe Content-Disposition).
 */
public interface FileContent {

	/** The file, if it still exists and belongs to {@code ownerId}. */
	default Optional<StoredFile> find(UUID ownerId, UUID fileId) {
		return find(ownerId, fileId, null);
	}

	/**
	 * The file as it is at {@code version} (null: the latest), if the file still exists,
	 * belongs to {@code ownerId} and still has that version. The methods below take the
	 * same {@code version}.
	 */
	Optional<StoredFile> find(UUID ownerId, UUID fileId, Integer version);

	/**
	 * The number of the file's current version, if it still exists and is the owner's.
	 */
	OptionalInt currentVersion(UUID ownerId, UUID fileId);

	/**
	 * Throws the problem a download of the file would answer when its malware scan does
	 * not let it go out to others (403 quarantined, 409 not yet scanned); 404 when gone.
	 * For bodies that cannot answer a problem once started, such as a ZIP.
	 */
	default void requireServable(UUID ownerId, UUID fileId) {
		requireServable(ownerId, fileId, null);
	}

	void requireServable(UUID ownerId, UUID fileId, Integer version);

	/** The whole plaintext, streamed; refused like {@link #requireServable}. */
	default InputStream open(UUID ownerId, UUID fileId) {
		return open(ownerId, fileId, null);
	}

	InputStream open(UUID ownerId, UUID fileId, Integer version);

	/**
	 * The first {@code length} bytes of the file at {@code version} (fewer when it is
	 * shorter), for its owner's own checks before sharing it: no download, so neither the
	 * malware scan nor the file's address rule applies; 404 when gone, 503 when the store
	 * fails.
	 */
	byte[] head(UUID ownerId, UUID fileId, Integer version, int length);

	/**
	 * The problem to answer when a stream from {@link #open} failed to read before any of
	 * it went out: the store failed (503, or 507 when it is full).
	 */
	static ProblemException unreadable(IOException cause) {
		return new StorageException(cause);
	}

	/**
	 * Answers a GET or HEAD for the file's content; 404 when the file is gone.
	 * {@code hooks} learn when the body starts (and may refuse it by throwing) and how it
	 * ended.
	 */
	default void serve(UUID ownerId, UUID fileId, HttpServletRequest request, HttpServletResponse response,
			DownloadHooks hooks) {
		serve(ownerId, fileId, null, request, response, hooks);
	}

	void serve(UUID ownerId, UUID fileId, Integer version, HttpServletRequest request, HttpServletResponse response,
			DownloadHooks hooks);

	/**
	 * Keeps version {@code version} of the file from being pruned until
	 * {@link #unpin(UUID)} releases {@code holder}'s pins; false (nothing pinned) when
	 * the file has no such version.
	 */
	boolean pin(UUID holder, UUID ownerId, UUID fileId, int version);

	/** Releases every pin {@code holder} holds. */
	void unpin(UUID holder);

	/**
	 * Locks the file's row until the caller's transaction ends, so that what the caller
	 * decides about the file holds until then: a {@link #purge} waits for that
	 * transaction, and one that came first leaves this false (the owner has no such
	 * file). Call it inside a transaction, before the reads the decision rests on.
	 */
	boolean lock(UUID ownerId, UUID fileId);

	/**
	 * Crypto-shreds the content and removes the file, audited as {@code file.purged} with
	 * {@code reason}. False if it was already gone.
	 */
	boolean purge(UUID ownerId, UUID fileId, String reason);

	/**
	 * {@link #purge} while the file's content is still {@code blobId}: false, and nothing
	 * changed, when a new version replaced it since it was chosen (retention chose it for
	 * its age, and the new content is not that old). The file's row stays locked from the
	 * check to the removal, so a version arriving meanwhile waits and then finds it gone.
	 */
	boolean purgeContent(UUID ownerId, UUID fileId, UUID blobId, String reason);

	/** Callbacks around the body of one download. */
	/**
	 * Why a download's answer carries no content: a HEAD (200 or 206), a 304 to a
	 * conditional GET, or a 416 for a range outside the file (thrown right after).
	 */
	enum Bodiless {

		HEAD, NOT_MODIFIED, RANGE_NOT_SATISFIABLE;

		/**
		 * The audit record of this answer on {@code channel} ({@code file},
		 * {@code grant}, {@code share}): {@code <channel>.download_head},
		 * {@code .download_not_modified}, or a refused {@code <channel>.download} with
		 * reason {@code range_not_satisfiable}.
		 */
		public AuditEvent event(String channel) {
			return switch (this) {
				case HEAD -> AuditEvent.success(channel + ".download_head");
				case NOT_MODIFIED -> AuditEvent.success(channel + ".download_not_modified");
				case RANGE_NOT_SATISFIABLE ->
					AuditEvent.failure(channel + ".download").detail("reason", "range_not_satisfiable");
			};
		}

	}

	interface DownloadHooks {

		/**
		 * The response will carry content {@code [start, endExclusive)}: a 200 or 206 to
		 * a GET. Nothing is committed yet, so throwing a problem answers with it instead.
		 */
		default void beforeBody(long start, long endExclusive, boolean partial) {
		}

		/** The body ended: all of it went out, or the client left or a read failed. */
		default void afterBody(long bytesServed, boolean completed) {
		}

		/**
		 * The answer carries no content ({@code answer} says why): never counted as a
		 * download, but a request for the content all the same.
		 */
		default void withoutBody(Bodiless answer) {
		}

	}

}
