package dev.ferry.share;

import java.time.Instant;
import java.util.UUID;

/**
 * Published when the sweeper expired a transfer and with it its share links;
 * {@code unopened} when nobody ever downloaded it.
 */
public record ShareExpired(UUID transferId, UUID ownerId, String title, Instant expiresAt, boolean unopened) {
}
