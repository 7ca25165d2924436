package dev.ferry.share.link;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Counter;
import dev.ferry.limits.Limit;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Refusal;
import dev.ferry.share.ShareException;
import dev.ferry.share.ShareProperties;

import org.springframework.stereotype.Component;

/**
 * Guessing limits on a link's or upload request's secrets (password, mailed codes, and
 * asking for codes). Each attempt is counted per (address, link, kind), per client
 * address, per link whatever the address (with a daily back-off on top) and per kind
 * across the server; the first counter that runs out answers 429 with
 * {@code Retry-After}. Only failures count.
 */
@Component
class SecretLimits {

	private final Limiter limiter;

	private final AuditLog audit;

	private final Limit perAddressAndLink;

	private final Limit perAddress;

	private final Limit perLink;

	private final Limit global;

	SecretLimits(Limiter limiter, AuditLog audit, ShareProperties properties) {
		this.limiter = limiter;
		this.audit = audit;
		Duration window = properties.unlockWindow();
		this.perAddressAndLink = Limit.of("secret-address-link", properties.unlockAttempts(), window);
		this.perAddress = Limit.of("secret-address", properties.unlockAttemptsPerIp(), window);
		this.perLink = Limit.of("secret-link", properties.unlockAttemptsPerLink(), window)
			.backingOffTo(properties.unlockAttemptsPerLink() * 5, Duration.ofDays(1));
		this.global = Limit.of("secret-global", properties.unlockAttemptsGlobal(), window);
	}

	/**
	 * Takes one attempt of {@code kind} on the link or request {@code id} ({@code type}
	 * {@code share_link} or {@code upload_request}), or audits {@code action} as refused
	 * and throws 429.
	 */
	public Attempt acquire(String action, String type, UUID id, String kind, String ip) {
		String address = ClientAddress.key(ip);
		String target = type + "\u0000" + id + "\u0000" + kind;
		List<Counter> counters = List.of(perAddressAndLink.on(address + "\u0000" + target), perAddress.on(address),
				perLink.on(target), global.on(kind));
		Optional<Refusal> refusal = limiter.tryAcquire(counters);
		if (refusal.isPresent()) {
			audit.record(AuditEvent.failure(action)
				.object(type, id)
				.detail("reason", "rate_limited")
				.detail("limits",
						String.join(",", refusal.get().counters().stream().map((c) -> c.limit().name()).toList())));
			throw ShareException.tooManyAttempts(refusal.get().retryAfter());
		}
		return new Attempt(counters);
	}

	/** The secret was right: the attempt is given back. */
	public void succeeded(Attempt attempt) {
		limiter.refund(attempt.counters());
	}

	/** The counters one attempt took from. */
	public record Attempt(List<Counter> counters) {
	}

}
