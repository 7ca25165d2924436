package dev.ferry.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.audit.AuditActor;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.AuthProperties;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Counter;
import dev.ferry.limits.Limit;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.Refusal;
import dev.ferry.notify.Mailer;

import org.springframework.stereotype.Component;

/**
 * Guessing limits on an account's passwords and codes. Every check is counted per client
 * address, per (address, account, kind of check), per account whatever the address (with
 * a daily back-off on top) and across the server. When the account's own counter runs
 * out, its password and code checks answer 429 from every address until it refills or an
 * admin lifts it, the owner is mailed and the lockout is audited. A browser that signed
 * in to the account before (its device cookie is known) is counted on its own instead of
 * the account and server counters, so an attacker cannot lock the owner out.
 */
@Component
public class CredentialLimits {

	private static final UUID NO_ACCOUNT = new UUID(0, 0);

	private final Limiter limiter;

	private final KnownDeviceRepository devices;

	private final Mailer mail;

	private final AuditLog audit;

	private final Clock clock;

	private final Limit perAddress;

	private final Limit perAddressAndAccount;

	private final Limit perAccount;

	private final Limit perKnownDevice;

	private final Limit global;

	private final Limit lockoutNotice;

	CredentialLimits(Limiter limiter, KnownDeviceRepository devices, Mailer mail, AuditLog audit,
			AuthProperties properties, Clock clock) {
		this.limiter = limiter;
		this.devices = devices;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
		Duration window = properties.loginWindow();
		this.perAddress = Limit.of("credential-address", properties.loginAttemptsPerIp(), window);
		this.perAddressAndAccount = Limit.of("credential-address-account", properties.loginAttempts(), window);
		this.perAccount = Limit.of("credential-account", properties.loginAttemptsPerAccount(), window)
			.backingOffTo(properties.lockoutAttemptsPerDay(), Duration.ofDays(1));
		this.perKnownDevice = new Limit("credential-known-device", perAccount.rates());
		this.global = Limit.of("credential-global", properties.loginAttemptsGlobal(), window);
		// One notice per account and window, on whichever node refuses first: a limit of
		// one, so the Redis limiter makes it hold across a cluster.
		this.lockoutNotice = Limit.of("lockout-notice", 1, window);
	}

	/**
	 * Takes one attempt of {@code kind} ({@code password}, {@code mfa}, {@code 2fa}) for
	 * the account behind {@code email} ({@code user} empty when there is none, which is
	 * counted just the same), or throws 429 after auditing {@code action} as denied.
	 */
	public Attempt acquire(String action, String kind, String email, Optional<User> user, ClientInfo client) {
		String address = ClientAddress.key(client.ip());
		List<Counter> counters = new ArrayList<>();
		counters.add(perAddress.on(address));
		counters.add(perAddressAndAccount.on(kind + "\u0000" + address + "\u0000" + email));
		Optional<String> device = knownDevice(user, client);
		if (device.isPresent()) {
			counters.add(perKnownDevice.on(email + "\u0000" + device.get()));
		}
		else {
			counters.add(perAccount.on(email));
			counters.add(global.on(kind));
		}
		Optional<Refusal> refusal = limiter.tryAcquire(counters);
		if (refusal.isPresent()) {
			refuse(action, email, user, client, refusal.get());
		}
		return new Attempt(counters);
	}

	/**
	 * One more attempt on the directory entry {@code dn}, whichever of its logins was
	 * typed ({@code email}): counted against the per-account limit of the entry; 429 past
	 * it, audited as {@code action}.
	 */
	public Attempt acquireEntry(String action, String dn, String email, ClientInfo client) {
		List<Counter> counters = List.of(perAccount.on("directory\u0000" + dn.toLowerCase(Locale.ROOT)));
		Optional<Refusal> refusal = limiter.tryAcquire(counters);
		if (refusal.isPresent()) {
			refuse(action, email, Optional.empty(), client, refusal.get());
		}
		return new Attempt(counters);
	}

	/** The check passed: its attempt is given back, so only failures count. */
	public void succeeded(Attempt attempt) {
		limiter.refund(attempt.counters());
	}

	/** Lifts an account's lockout (its own counter; known devices never had one). */
	public void lift(User user) {
		limiter.reset(perAccount.on(UserRepository.normalize(user.email())));
		limiter.reset(lockoutNotice.on(UserRepository.normalize(user.email())));
	}

	private Optional<String> knownDevice(Optional<User> user, ClientInfo client) {
		if (client.deviceId() == null) {
			return Optional.empty();
		}
		String hash = Devices.hash(client);
		// Looked up for unknown accounts too, so the time taken does not tell them apart.
		boolean known = devices.known(user.map(User::id).orElse(NO_ACCOUNT), hash);
		return (known && user.isPresent()) ? Optional.of(hash) : Optional.empty();
	}

	private void refuse(String action, String email, Optional<User> user, ClientInfo client, Refusal refusal) {
		boolean lockedOut = refusal.includes(perAccount);
		audit.record(AuditEvent.denied(action)
			.by(user.map(User::auditActor).orElse(AuditActor.anonymous()))
			.detail("email", email)
			.detail("reason", "rate_limited")
			.detail("limits",
					String.join(",", refusal.counters().stream().map((counter) -> counter.limit().name()).toList())));
		if (lockedOut && user.isPresent() && limiter.tryAcquire(List.of(lockoutNotice.on(email))).isEmpty()) {
			User owner = user.get();
			boolean sent = mail.send(owner.email(), "account-locked",
					Map.of("email", owner.email(), "time", clock.instant().toString(), "ip",
							(client.ip() != null) ? client.ip() : "unknown", "minutes",
							Long.toString(Math.max(1, refusal.retryAfter().toMinutes()))));
			audit.record(AuditEvent.success("auth.lockout")
				.by(AuditActor.system())
				.object("user", owner.id())
				.detail("trigger", action)
				.detail("notified", sent));
		}
		throw AuthException.tooManyAttempts(refusal.retryAfter());
	}

	/** The counters one attempt took from. */
	public record Attempt(List<Counter> counters) {
	}

}
