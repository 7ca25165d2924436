package dev.ferry.protect;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Suspicious use of one protected object (a link, an upload request), remembered in this
 * node's memory: opened from {@code linkAddresses} addresses within the defender window,
 * or from a country it was not used from before.
 */
@Component
class LinkWatch {

	private static final long MAX_TRACKED = 50_000;

	private final Cache<String, Set<String>> addresses;

	private final Cache<String, Set<String>> countries;

	private final Cache<String, Boolean> alerted;

	private final int threshold;

	private final Alerts alerts;

	LinkWatch(DefenderProperties properties, Alerts alerts) {
		Duration window = properties.window();
		this.addresses = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED).build();
		this.alerted = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(MAX_TRACKED).build();
		this.countries = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(30)).maximumSize(MAX_TRACKED).build();
		this.threshold = properties.linkAddresses();
		this.alerts = alerts;
	}

	void seen(String objectType, String objectId, String address, String country) {
		String key = objectType + ":" + objectId;
		Set<String> seen = addresses.get(key, (k) -> ConcurrentHashMap.newKeySet());
		if (address != null && seen.add(address) && seen.size() >= threshold
				&& alerted.asMap().putIfAbsent(key, Boolean.TRUE) == null) {
			alerts.raise("link_many_addresses", key, "The " + objectType.replace('_', ' ') + " " + objectId
					+ " was opened from " + seen.size() + " addresses within the defender window.");
		}
		if (country != null) {
			Set<String> known = countries.get(key, (k) -> ConcurrentHashMap.newKeySet());
			boolean first = known.isEmpty();
			if (known.add(country) && !first) {
				alerts.raise("new_country", key, "The " + objectType.replace('_', ' ') + " " + objectId
						+ " was opened from " + country + " for the first time.");
			}
		}
	}

}
