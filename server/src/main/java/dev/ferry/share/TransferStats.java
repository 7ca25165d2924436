package dev.ferry.share;

import java.time.Instant;

/**
 * Read-only transfer figures for the admin dashboard, so other modules never read the
 * {@code transfers} table themselves; {@code share.transfer} answers it. Callers check
 * that the caller is an admin.
 */
public interface TransferStats {

	/** Transfers that are active and not yet expired at {@code now}. */
	long active(Instant now);

}
