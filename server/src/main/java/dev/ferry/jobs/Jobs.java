package dev.ferry.jobs;

/**
 * Queues one-time work. Inside a transaction the execution is written in that
 * transaction, so work is queued exactly when the change it belongs to commits.
 */
public interface Jobs {

	/**
	 * Queues {@code id} for the {@link OneTimeJob} named {@code job}, due now; does
	 * nothing if it is already queued.
	 */
	void enqueue(String job, String id);

}
