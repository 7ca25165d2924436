package dev.ferry.files;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.CurrentUser;

/**
 * File content for modules that derive something from it (previews): the background side
 * finds a file and streams its plaintext from the encrypted store; the request side asks
 * whether a user may read a file exactly as a download would decide it (scope, owner,
 * network rules, quarantine), audited alike.
 */
public interface FileSources {

	/** The file, if it still exists and belongs to {@code ownerId}. */
	Optional<Source> find(UUID ownerId, UUID fileId);

	/**
	 * Whether the file is still kept: in the files or in the trash, from where it may be
	 * restored. What was derived from it (a preview) goes only once this is false.
	 */
	boolean kept(UUID ownerId, UUID fileId);

	/** The plaintext, decrypted while read; never written anywhere in between. */
	InputStream open(Source source);

	/**
	 * The caller's file for {@code action}, refused like a download (404 for unknown and
	 * other users' ids, 403 quarantined or outside the allowed networks); refusals are
	 * audited under {@code action}.
	 */
	Source readable(CurrentUser user, String id, String action);

	/** What a derived artefact needs to know about a file. */
	record Source(UUID fileId, UUID ownerId, String name, String contentType, long size, String sha256,
			ScanStatus scanStatus) {

		/** Whether the malware scan lets the content be processed further. */
		public boolean settled() {
			return scanStatus != ScanStatus.PENDING && scanStatus != ScanStatus.INFECTED;
		}

	}

}
