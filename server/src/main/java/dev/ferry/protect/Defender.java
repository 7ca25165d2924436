package dev.ferry.protect;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.limits.ClientAddress;
import dev.ferry.limits.Counter;
import dev.ferry.limits.Limit;
import dev.ferry.limits.Limiter;
import dev.ferry.limits.LimitsUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Scores failures per client address (IPv6 by /64) and bans an address whose score
 * reaches the threshold within the window, for a time that doubles on every repeat.
 * Active bans are kept in memory, read from the table every 10 seconds, because every
 * request asks; an administrator's allow rule exempts an address, a deny rule refuses it
 * always.
 */
@Service
public class Defender {

	private static final Logger log = LoggerFactory.getLogger(Defender.class);

	private final Limiter limiter;

	private final Limit limit;

	private final DefenderProperties properties;

	private final BanRepository bans;

	private final AddressRules rules;

	private final Alerts alerts;

	private final AuditLog audit;

	private final Clock clock;

	private final List<Cidr> exempt;

	/**
	 * The bans in force, so a ban another node imposed, or an administrator lifted there,
	 * holds on this node too.
	 */
	private final Refreshed<Map<String, Ban>> active = new Refreshed<>(this::fresh);

	Defender(Limiter limiter, DefenderProperties properties, BanRepository bans, AddressRules rules, Alerts alerts,
			AuditLog audit, Clock clock) {
		this.limiter = limiter;
		this.properties = properties;
		this.limit = Limit.of("defender", properties.threshold(), properties.window());
		this.bans = bans;
		this.rules = rules;
		this.alerts = alerts;
		this.audit = audit;
		this.clock = clock;
		this.exempt = properties.exempt().stream().map((network) -> Cidr.parse(network).orElseThrow()).toList();
	}

	/** Why a request from {@code address} must be refused before anything else, if so. */
	public Optional<ProtectException> refusal(String address) {
		Optional<AddressRule.Kind> verdict = verdict(address);
		if (verdict.isPresent()) {
			return (verdict.get() == AddressRule.Kind.DENY) ? Optional.of(ProtectException.addressBanned(address, null))
					: Optional.empty();
		}
		Instant now = clock.instant();
		Ban ban = active().get(ClientAddress.key(address));
		if (ban == null || !ban.activeAt(now)) {
			return Optional.empty();
		}
		return Optional.of(ProtectException.addressBanned(address, Duration.between(now, ban.until())));
	}

	/**
	 * Counts {@code points} against {@code address} for a failure ({@code reason}: a
	 * wrong password, an unknown token, a refused rule...), banning it at the threshold.
	 * Strikes come after the request's own answer was decided (a 401, a refused sign-in,
	 * a new device), so while the limits' Redis is away they are dropped with a warning
	 * instead of turning that answer into an error; the limits that guard the request
	 * itself still refuse it.
	 */
	public void strike(String address, String reason, int points) {
		if (address == null || verdict(address).isPresent()) {
			return;
		}
		Counter counter = limit.on(ClientAddress.key(address));
		try {
			for (int i = 0; i < points; i++) {
				if (limiter.tryAcquire(List.of(counter)).isPresent()) {
					limiter.reset(counter);
					ban(counter.key(), reason);
					return;
				}
			}
		}
		catch (LimitsUnavailableException ex) {
			log.warn("Cannot score {} against a client while the limits store is away", reason);
		}
	}

	/** An administrator's rule, else allow for an exempt network. */
	private Optional<AddressRule.Kind> verdict(String address) {
		Optional<AddressRule.Kind> ruled = rules.verdict(address);
		if (ruled.isPresent()) {
			return ruled;
		}
		Optional<InetAddress> parsed = Cidr.address(address);
		return (parsed.isPresent() && exempt.stream().anyMatch((network) -> network.contains(parsed.get())))
				? Optional.of(AddressRule.Kind.ALLOW) : Optional.empty();
	}

	List<Ban> bans() {
		return bans.activeAt(clock.instant());
	}

	/** Lifts the ban of {@code address} and forgets its score; false when none. */
	boolean lift(String address) {
		String key = ClientAddress.key(address);
		limiter.reset(limit.on(key));
		// Under the reload's lock, the table first: a reload cannot bring the ban back.
		return active.change(() -> {
			Optional<Ban> ban = bans.find(key);
			bans.delete(key);
			return ban.filter((b) -> b.activeAt(clock.instant())).isPresent();
		});
	}

	private synchronized void ban(String key, String reason) {
		Instant now = clock.instant();
		Ban current = active().get(key);
		if (current != null && current.activeAt(now)) {
			return;
		}
		int strikes = bans.find(key).map(Ban::strikes).orElse(0) + 1;
		Duration length = properties.ban().multipliedBy(1L << Math.min(strikes - 1, 20));
		if (length.compareTo(properties.maxBan()) > 0) {
			length = properties.maxBan();
		}
		Ban ban = new Ban(key, reason, strikes, now, now.plus(length));
		// Under the reload's lock, as a lift is: a reload in flight cannot drop the new
		// ban.
		active.change(() -> {
			bans.save(ban);
			return ban;
		});
		audit.record(AuditEvent.success("defender.banned")
			.object("address", key)
			.detail("reason", reason)
			.detail("strikes", strikes)
			.detail("until", ban.until().toString()));
		alerts.raise("address_banned", key, "Address " + key + " was banned until " + ban.until() + " after "
				+ Reasons.describe(reason) + ((strikes > 1) ? " (ban number " + strikes + ")." : "."));
	}

	/**
	 * The bans in the table; while it cannot be read, the ones known (the first time
	 * none).
	 */
	private Map<String, Ban> fresh(Map<String, Ban> known) {
		try {
			Map<String, Ban> fresh = new ConcurrentHashMap<>();
			bans.activeAt(clock.instant()).forEach((ban) -> fresh.put(ban.address(), ban));
			return fresh;
		}
		catch (DataAccessException ex) {
			log.warn("Cannot reload the defender's bans; keeping the {} known", (known != null) ? known.size() : 0);
			return (known != null) ? known : new ConcurrentHashMap<>();
		}
	}

	private Map<String, Ban> active() {
		return active.get();
	}

}
