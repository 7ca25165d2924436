package dev.ferry.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Limit;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Refusal;

import org.springframework.stereotype.Component;

/**
 * Limits on the anonymous account endpoints that cost the server work or mail: open
 * registration, password-reset requests and password-less passkey options. Every call
 * counts, per client address and across the server (reset requests also per account).
 */
@Component
public class RequestLimits {

	private static final int GLOBAL_REGISTRATIONS_PER_HOUR = 1_000;

	private static final int GLOBAL_RESET_REQUESTS_PER_HOUR = 1_000;

	private static final int GLOBAL_PASSKEY_OPTIONS_PER_MINUTE = 6_000;

	private final Limiter limiter;

	private final Limit registrationsPerAddress;

	private final Limit registrations;

	private final Limit resetsPerAccount;

	private final Limit resetsPerAddress;

	private final Limit resets;

	private final Limit passkeyOptionsPerAddress;

	private final Limit passkeyOptions;

	RequestLimits(Limiter limiter, AuthProperties properties) {
		this.limiter = limiter;
		Duration hour = Duration.ofHours(1);
		this.registrationsPerAddress = Limit.of("registration-address", properties.registrationsPerIp(), hour);
		this.registrations = Limit.of("registration-global", GLOBAL_REGISTRATIONS_PER_HOUR, hour);
		this.resetsPerAccount = Limit.of("reset-account", properties.resetRequestsPerAccount(), hour);
		this.resetsPerAddress = Limit.of("reset-address", properties.resetRequestsPerIp(), hour);
		this.resets = Limit.of("reset-global", GLOBAL_RESET_REQUESTS_PER_HOUR, hour);
		this.passkeyOptionsPerAddress = Limit.of("passkey-options-address", properties.passkeyOptionsPerIp(),
				Duration.ofMinutes(1));
		this.passkeyOptions = Limit.of("passkey-options-global", GLOBAL_PASSKEY_OPTIONS_PER_MINUTE,
				Duration.ofMinutes(1));
	}

	public Optional<Refusal> registration(String ip) {
		return limiter
			.tryAcquire(List.of(registrationsPerAddress.on(ClientAddress.key(ip)), registrations.on("registration")));
	}

	public Optional<Refusal> resetRequest(String email, String ip) {
		return limiter.tryAcquire(List.of(resetsPerAccount.on(email), resetsPerAddress.on(ClientAddress.key(ip)),
				resets.on("password-reset")));
	}

	public Optional<Refusal> passkeyOptions(String ip) {
		return limiter
			.tryAcquire(List.of(passkeyOptionsPerAddress.on(ClientAddress.key(ip)), passkeyOptions.on("passkey")));
	}

}
