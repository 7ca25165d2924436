package dev.ferry.share.grant;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.share.ShareException;

/**
 * One row of {@code access_grants}: the owner lets a user or a group {@code view},
 * {@code download} or {@code edit} one of their files or transfers.
 */
record Grant(UUID id, UUID ownerId, String objectType, UUID objectId, String granteeType, UUID granteeId,
		Permission permission, Instant createdAt) {

	static final String FILE = "file";

	static final String TRANSFER = "transfer";

	static final String USER = "user";

	static final String GROUP = "group";

	/**
	 * {@code view} shows it in shared-with-me; {@code download} also fetches content;
	 * {@code edit} implies download and is reserved for changing the object.
	 */
	public enum Permission {

		VIEW, DOWNLOAD, EDIT;

		String apiName() {
			return name().toLowerCase(Locale.ROOT);
		}

		boolean mayDownload() {
			return this != VIEW;
		}

		static Permission of(String name) {
			if (name == null) {
				throw ShareException.invalid("permission is required: view, download or edit.");
			}
			return switch (name.toLowerCase(Locale.ROOT)) {
				case "view" -> VIEW;
				case "download" -> DOWNLOAD;
				case "edit" -> EDIT;
				default -> throw ShareException.invalid("permission must be view, download or edit.");
			};
		}

	}

}
