package dev.ferry.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How one sign-in provider has been doing on this node: when a sign-in through it last
 * succeeded, and the last failure with its reason. Kept in memory, so it starts empty
 * after a restart and each node of a cluster reports its own.
 */
public final class ProviderHealth {

	private final Clock clock;

	private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();

	private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

	public ProviderHealth(Clock clock) {
		this.clock = clock;
	}

	public void succeeded() {
		lastSuccess.set(clock.instant());
	}

	public void failed(String reason) {
		lastFailure.set(new Failure(clock.instant(), reason));
	}

	/** This provider's status, for the admin area. */
	public Status status(String type, String id, String name, String target) {
		return status(type, id, name, target, Map.of());
	}

	/**
	 * This provider's status with a few of its settings worth seeing at a glance (such as
	 * {@code encryption}, {@code logout_url}, {@code group_sync}).
	 */
	public Status status(String type, String id, String name, String target, Map<String, String> settings) {
		Failure failure = lastFailure.get();
		return new Status(type, id, name, target, lastSuccess.get(), (failure != null) ? failure.at() : null,
				(failure != null) ? failure.reason() : null, Map.copyOf(settings));
	}

	private record Failure(Instant at, String reason) {
	}

	/**
	 * One provider as the admin area shows it: {@code type} {@code oidc} or {@code ldap},
	 * {@code target} the issuer or directory URL it talks to, {@code settings} a few of
	 * its settings by name (empty for most).
	 */
	public record Status(String type, String id, String name, String target, Instant lastSuccessAt, Instant lastErrorAt,
			String lastError, Map<String, String> settings) {
	}

}
