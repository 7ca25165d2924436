package dev.ferry.files;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;

/**
 * The files module's public service for other modules (uploads, shares): registers
 * finished blobs as files and answers the questions an upload must ask before it accepts
 * bytes.
 */
public interface FileCatalog {

	/**
	 * Checks (and normalises) where a new file would go: the folder path and name must be
	 * valid and safe (no traversal, no control characters). Throws a 400 problem
	 * otherwise.
	 */
	Placement checkPlacement(CurrentUser owner, String folder, String name);

	/**
	 * Bytes the user may still store: their quota minus what their files use and what
	 * uploads in flight have reserved.
	 */
	long remainingQuota(CurrentUser owner);

	/**
	 * Reserves {@code bytes} of the owner's quota for the upload {@code id} (the future
	 * file's id) until {@code until}, replacing what it held, if they fit: checking and
	 * taking the room is one atomic step, so parallel uploads cannot together pass the
	 * quota. Registering the file with that id turns the reservation into its size.
	 */
	QuotaReservation reserveQuota(CurrentUser owner, UUID id, long bytes, Instant until);

	/**
	 * Keeps a reservation until {@code until} (an upload that is still making progress).
	 */
	void extendQuota(UUID id, Instant until);

	/** Gives a reservation back (the upload failed or was abandoned). */
	void releaseQuota(UUID id);

	/**
	 * The quota that applies to an account of {@code role} whose own quota is
	 * {@code ownQuotaBytes} (null: the role's default); empty when unlimited.
	 */
	OptionalLong quotaLimit(Role role, Long ownQuotaBytes);

	/**
	 * The type a blob's first bytes show, without its name or a declared type (which the
	 * sender chooses): {@code application/octet-stream} when they show nothing.
	 */
	String contentType(UUID blobId, long size);

	/**
	 * Registers a completed blob as a file. When the path is taken, {@link Conflict}
	 * decides: a new version of the file there, or a free numbered name. Detects the type
	 * from content.
	 */
	StoredFile add(CurrentUser owner, NewFile file);

	record Placement(String folder, String name) {
	}

	/** Whether the bytes were reserved, and how much room there was. */
	record QuotaReservation(boolean granted, long room) {
	}

	/**
	 * {@code id} becomes the file's id (uploads reuse their own id) unless the arrival
	 * becomes a new version of the file at its path, which keeps its id.
	 */
	record NewFile(UUID id, Placement placement, String declaredType, UUID blobId, long size, String sha256,
			Conflict onConflict) {

		public NewFile {
			onConflict = (onConflict != null) ? onConflict : Conflict.VERSION;
		}

	}

	/**
	 * What an arrival at a taken path does: {@code version} (the default) makes it the
	 * file's new version, {@code rename} stores it under the first free "name (n)".
	 */
	enum Conflict {

		VERSION, RENAME;

		/** {@code on_conflict} as sent; null or blank is the default. 400 otherwise. */
		public static Conflict parse(String value) {
			if (value == null || value.isBlank()) {
				return VERSION;
			}
			return switch (value) {
				case "version" -> VERSION;
				case "rename" -> RENAME;
				default -> throw FileException.invalidUpload("'on_conflict' must be version or rename.");
			};
		}

	}

	record StoredFile(UUID id, String folder, String name, String contentType, long size, String sha256) {
	}

}
