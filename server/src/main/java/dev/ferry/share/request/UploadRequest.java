package dev.ferry.share.request;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.ferry.protect.AccessRules;
import dev.ferry.share.link.ZipStreamer;

/**
 * One row of {@code upload_requests}: a public link through which anyone (or only
 * verified addresses of {@code allowedEmails}, or holders of the password, or browsers
 * that solved its proof of work when {@code captcha}) sends files into the owner's space,
 * within {@code maxFiles} and {@code maxTotalBytes}, from the clients its {@code access}
 * rules admit.
 */
record UploadRequest(UUID id, UUID ownerId, String title, String message, String passwordHash,
		List<String> allowedEmails, List<String> allowedTypes, int maxFiles, long maxTotalBytes, int filesReserved,
		long bytesReserved, Instant expiresAt, Instant createdAt, Instant revokedAt, AccessRules access,
		boolean captcha) {

	static final String FOLDER_ROOT = "/Upload requests/";

	String folder() {
		return FOLDER_ROOT + ZipStreamer.safeName(title);
	}

	boolean passwordRequired() {
		return passwordHash != null;
	}

	boolean verificationRequired() {
		return !allowedEmails.isEmpty();
	}

	String status(Instant now) {
		if (revokedAt != null) {
			return "revoked";
		}
		return now.isBefore(expiresAt) ? "active" : "expired";
	}

	/**
	 * Best effort before any byte arrives: an entry is a MIME type ({@code image/*}
	 * allowed) matched against the declared type, or an extension ({@code .pdf}) matched
	 * against the name. No list means any type.
	 */
	boolean allows(String name, String declaredType) {
		if (allowedTypes.isEmpty()) {
			return true;
		}
		String lowerName = name.toLowerCase(Locale.ROOT);
		String type = (declaredType != null) ? declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT) : "";
		for (String allowed : allowedTypes) {
			if (allowed.startsWith(".") ? lowerName.endsWith(allowed) : (allowed.endsWith("/*")
					? type.startsWith(allowed.substring(0, allowed.length() - 1)) : type.equals(allowed))) {
				return true;
			}
		}
		return false;
	}

}
