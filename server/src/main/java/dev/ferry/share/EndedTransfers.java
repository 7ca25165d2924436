package dev.ferry.share;

import java.time.Instant;

/**
 * Ended transfers by age, for retention, so other modules never touch the
 * {@code transfers} table; {@code share.transfer} answers it. A transfer counts once it
 * ended (expired or revoked) and the sweeper has dealt with its files; deleting it takes
 * its recipients, links and download log along (the files stay in their owner's library)
 * and is audited as {@code transfer.deleted} with {@code reason: retention}.
 */
public interface EndedTransfers {

	/** How many transfers ended before {@code cutoff} and were swept. */
	long countEndedBefore(Instant cutoff);

	/** Deletes the transfers that ended before {@code cutoff}; how many went. */
	long deleteEndedBefore(Instant cutoff);

}
