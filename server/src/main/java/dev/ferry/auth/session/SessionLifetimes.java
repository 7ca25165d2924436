package dev.ferry.auth.session;

import java.time.Duration;
import java.time.Instant;

import dev.ferry.FerryProperties;
import dev.ferry.auth.AccountSecurityProperties;

import org.springframework.stereotype.Component;

/**
 * How long a session lives: {@code refresh-ttl} after its last refresh, never longer than
 * {@code FERRY_SESSION_MAX_AGE} after sign-in, and a browser session only
 * {@code FERRY_SESSION_IDLE_TIMEOUT} without any request.
 */
@Component
class SessionLifetimes {

	private final FerryProperties properties;

	private final AccountSecurityProperties account;

	SessionLifetimes(FerryProperties properties, AccountSecurityProperties account) {
		this.properties = properties;
		this.account = account;
	}

	/** When a session signed in at {@code now} ends unless refreshed. */
	Instant expiryOfNew(Instant now) {
		return expiryAfterRefresh(now, now);
	}

	/** When a session signed in at {@code createdAt} and refreshed {@code now} ends. */
	Instant expiryAfterRefresh(Instant createdAt, Instant now) {
		Instant refreshed = now.plus(this.properties.tokens().refreshTtl());
		Instant maxAge = createdAt.plus(this.account.sessionMaxAge());
		return refreshed.isBefore(maxAge) ? refreshed : maxAge;
	}

	/** The idle timeout of a new session: browsers only, null for API clients. */
	Duration idleTimeout(boolean browser) {
		return browser ? this.account.sessionIdleTimeout() : null;
	}

}
