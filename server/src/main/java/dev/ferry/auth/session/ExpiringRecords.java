package dev.ferry.auth.session;

import java.time.Instant;

/**
 * Short-lived records another auth module keeps (reset links, single sign-on flows,
 * WebAuthn challenges): {@link SessionCleanup} deletes the expired ones on its schedule.
 */
public interface ExpiringRecords {

	/** Deletes the records that expired before {@code cutoff}; answers how many. */
	int deleteExpiredBefore(Instant cutoff);

}
