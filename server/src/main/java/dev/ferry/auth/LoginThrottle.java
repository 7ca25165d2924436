package dev.ferry.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits password guessing per (client IP, account) and, more loosely, per client IP.
 * {@link LocalLoginThrottle} keeps its buckets in this node's memory; an implementation
 * over a shared store (Bucket4j's Redis proxy manager) makes the limits hold across
 * nodes.
 */
interface LoginThrottle {

	/**
	 * Takes one attempt from this address for this account; answers how long to wait when
	 * none is left (and then takes nothing).
	 */
	Optional<Duration> tryAcquire(String ip, String email);

	/** Gives the attempt back after a successful sign-in, so only failures count. */
	void succeeded(String ip, String email);

}
