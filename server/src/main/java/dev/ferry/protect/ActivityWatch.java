package dev.ferry.protect;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ferry.audit.AuditRecorded;
import dev.ferry.audit.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Suspicious activity of accounts, read from the audit trail as it is written so every
 * entry point (web, API, SFTP) counts alike: one account failing to sign in from many
 * addresses, an account downloading from a country it has not downloaded from before, one
 * account deleting many files, and a file the scanner found infected. Counts live in this
 * node's memory for the defender window. Records arrive after their transaction
 * committed, when no new one may start on that thread, so alerts are raised on a thread
 * of their own.
 */
@Component
class ActivityWatch implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ActivityWatch.class);

	private static final long MAX_TRACKED = 50_000;

	private static final Set<String> ACCOUNTS = Set.of("user", "api_key");

	private static final Set<String> SIGN_INS = Set.of("auth.login", "auth.mfa");

	private static final Set<String> DOWNLOADS = Set.of("file.download", "grant.download");

	/**
	 * Failed sign-ins that are nobody guessing: an SSH client offers every key it holds
	 * before the one the account registered, and a password-only client cannot send the
	 * account's TOTP code.
	 */
	private static final Set<String> NOT_GUESSES = Set.of("unknown_key", "second_factor_required");

	private final Cache<String, Set<String>> failedFrom;

	private final Cache<String, AtomicInteger> deletions;

	private final Cache<String, Set<String>> countries;

	private final Cache<String, Boolean> alerted;

	private final DefenderProperties properties;

	private final GeoIp geoIp;

	private final Alerts alerts;

	private final ExecutorService raiser = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new LinkedBlockingQueue<>(1000), (task) -> {
				Thread thread = new Thread(task, "alert-raiser");
				thread.setDaemon(true);
				return thread;
			}, new ThreadPoolExecutor.DiscardPolicy());

	ActivityWatch(DefenderProperties properties, GeoIp geoIp, Alerts alerts) {
		Duration window = properties.window();
		this.failedFrom = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED).build();
		this.deletions = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED).build();
		this.alerted = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED).build();
		this.countries = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(30)).maximumSize(MAX_TRACKED).build();
		this.properties = properties;
		this.geoIp = geoIp;
		this.alerts = alerts;
	}

	@EventListener
	void recorded(AuditRecorded record) {
		if (!ACCOUNTS.contains(record.actorType()) && !"file.infected".equals(record.action())) {
			return;
		}
		if (SIGN_INS.contains(record.action()) && record.outcome() == Outcome.FAILURE) {
			failedSignIn(record);
		}
		else if (DOWNLOADS.contains(record.action()) && record.outcome() == Outcome.SUCCESS) {
			downloaded(record);
		}
		else if ("file.deleted".equals(record.action()) && record.outcome() == Outcome.SUCCESS) {
			deleted(record);
		}
		else if ("file.infected".equals(record.action())) {
			raise("file_infected", "file:" + record.objectId(),
					"The malware scanner found " + record.details().get("signature") + " in "
							+ record.details().get("path") + " of account " + record.details().get("owner")
							+ "; the file is quarantined.");
		}
	}

	private void failedSignIn(AuditRecorded record) {
		if (record.ip() == null || NOT_GUESSES.contains(String.valueOf(record.details().get("reason")))) {
			return;
		}
		Set<String> addresses = failedFrom.get(record.actorId(), (k) -> ConcurrentHashMap.newKeySet());
		if (addresses.add(record.ip()) && addresses.size() >= properties.accountAddresses()
				&& once("account_many_addresses:" + record.actorId())) {
			raise("account_many_addresses", "user:" + record.actorId(),
					"The account " + record.actorLabel() + " failed to sign in from " + addresses.size()
							+ " addresses within " + words(properties.window()) + ", among them " + record.ip() + ".");
		}
	}

	private void downloaded(AuditRecorded record) {
		String country = Cidr.address(record.ip()).flatMap(geoIp::country).orElse(null);
		if (country == null) {
			return;
		}
		Set<String> known = countries.get(record.actorId(), (k) -> ConcurrentHashMap.newKeySet());
		boolean first = known.isEmpty();
		if (known.add(country) && !first) {
			raise("new_country", "user:" + record.actorId(), "The account " + record.actorLabel() + " downloaded from "
					+ country + " (" + record.ip() + ") for the first time.");
		}
	}

	private void deleted(AuditRecorded record) {
		int count = deletions.get(record.actorId(), (k) -> new AtomicInteger()).incrementAndGet();
		if (count >= properties.massDeletion() && once("mass_deletion:" + record.actorId())) {
			raise("mass_deletion", "user:" + record.actorId(), "The account " + record.actorLabel() + " deleted "
					+ count + " files within " + words(properties.window()) + ".");
		}
	}

	private boolean once(String key) {
		return alerted.asMap().putIfAbsent(key, Boolean.TRUE) == null;
	}

	private void raise(String kind, String subject, String detail) {
		raiser.execute(() -> {
			try {
				alerts.raise(kind, subject, detail);
			}
			catch (RuntimeException ex) {
				log.warn("Could not raise the {} alert about {}", kind, subject, ex);
			}
		});
	}

	private static String words(Duration window) {
		long minutes = window.toMinutes();
		return (minutes >= 1) ? minutes + " minutes" : window.toSeconds() + " seconds";
	}

	@Override
	public void destroy() {
		raiser.shutdown();
	}

}
