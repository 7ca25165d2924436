package dev.ferry.share;

import java.time.Instant;

/**
 * The public download log by age, for retention ({@code share.link} answers it): each
 * entry holds the downloader's address, IP and user agent. Deleting is audited once per
 * run as {@code share.downloads_pruned} with the count and the cutoff.
 */
public interface AgedDownloads {

	/** How many downloads started before {@code cutoff}. */
	long countStartedBefore(Instant cutoff);

	/**
	 * Deletes the log entries of downloads started before {@code cutoff}; how many went.
	 */
	long deleteStartedBefore(Instant cutoff);

}
