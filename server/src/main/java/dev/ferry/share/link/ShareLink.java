package dev.ferry.share.link;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.protect.AccessRules;
import dev.ferry.share.transfer.Transfer;

/**
 * One row of {@code share_links}: a public way into a transfer, for the visitors its
 * {@code access} rules admit.
 */
record ShareLink(UUID id, UUID transferId, Instant createdAt, Instant expiresAt, Integer maxDownloads, int downloads,
		String passwordHash, boolean requireEmailVerification, boolean notifyOnDownload, Instant revokedAt,
		AccessRules access, boolean captcha) {

	boolean passwordRequired() {
		return passwordHash != null;
	}

	boolean isExpired(Instant now) {
		return !now.isBefore(expiresAt);
	}

	boolean isExhausted() {
		return maxDownloads != null && downloads >= maxDownloads;
	}

	Integer downloadsLeft() {
		return (maxDownloads != null) ? Math.max(0, maxDownloads - downloads) : null;
	}

	/** As the owner sees it: revoked, expired, exhausted or active. */
	String state(Transfer transfer, Instant now) {
		if (revokedAt != null || transfer.status(now) == Transfer.Status.REVOKED) {
			return "revoked";
		}
		if (isExpired(now) || !transfer.isLive(now)) {
			return "expired";
		}
		return isExhausted() ? "exhausted" : "active";
	}

}
