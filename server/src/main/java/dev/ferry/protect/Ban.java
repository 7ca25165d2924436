package dev.ferry.protect;

import java.time.Instant;

/** A client address key (IPv6 by /64) refused until {@code until}. */
record Ban(String address, String reason, int strikes, Instant bannedAt, Instant until) {

	boolean activeAt(Instant now) {
		return now.isBefore(until);
	}

}
