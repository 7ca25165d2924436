package dev.ferry.auth.device;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Counter;
import dev.ferry.limits.Limit;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Refusal;

import org.springframework.stereotype.Component;

/**
 * Guessing limits on user codes (RFC 8628, section 5.1): wrong codes count per signed-in
 * user, per client address and across the server; a code that matches gives its attempt
 * back. Anonymous code requests count per address, so nobody fills the table.
 */
@Component
class DeviceLimits {

	private static final Duration WINDOW = Duration.ofMinutes(15);

	private static final int ATTEMPTS_PER_ADDRESS = 100;

	private static final int ATTEMPTS_GLOBAL = 10_000;

	private static final int CODES_PER_ADDRESS = 60;

	private final Limiter limiter;

	private final Limit perUser;

	private final Limit perAddress;

	private final Limit global;

	private final Limit codesPerAddress;

	DeviceLimits(Limiter limiter, DeviceProperties properties) {
		this.limiter = limiter;
		this.perUser = Limit.of("device-code-user", properties.codeAttempts(), WINDOW);
		this.perAddress = Limit.of("device-code-address", ATTEMPTS_PER_ADDRESS, WINDOW);
		this.global = Limit.of("device-code-global", ATTEMPTS_GLOBAL, WINDOW);
		this.codesPerAddress = Limit.of("device-request-address", CODES_PER_ADDRESS, WINDOW);
	}

	/** Takes one user-code attempt; empty when allowed. */
	Optional<Refusal> attempt(UUID userId, String ip) {
		return limiter.tryAcquire(attemptCounters(userId, ip));
	}

	/** Gives back the attempt of a code that matched. */
	void matched(UUID userId, String ip) {
		limiter.refund(attemptCounters(userId, ip));
	}

	Optional<Refusal> request(String ip) {
		return limiter.tryAcquire(List.of(codesPerAddress.on(ClientAddress.key(ip))));
	}

	private List<Counter> attemptCounters(UUID userId, String ip) {
		return List.of(perUser.on(userId.toString()), perAddress.on(ClientAddress.key(ip)), global.on("device"));
	}

}
