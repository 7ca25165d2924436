package dev.ferry.share;

import java.time.Instant;
import java.util.UUID;

/**
 * Published once a transfer (and its link, if one was asked for) was created, for
 * listeners such as webhooks.
 */
public record TransferCreated(UUID transferId, UUID ownerId, String title, int files, int recipients, Instant expiresAt,
		boolean e2e) {
}
