package dev.ferry.protect;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The permanent address rules, kept in memory (they are asked on every request), reloaded
 * from the table when an administrator changes them on this node and every
 * {@link #REFRESH} for changes made on another. A deny rule wins over an allow rule for
 * the same address.
 */
@Component
class AddressRules {

	static final Duration REFRESH = Duration.ofSeconds(10);

	private final AddressRuleRepository repository;

	private volatile List<AddressRule> rules;

	private volatile long loadedAt;

	private final ReentrantLock reloading = new ReentrantLock();

	AddressRules(AddressRuleRepository repository) {
		this.repository = repository;
	}

	Optional<AddressRule.Kind> verdict(String address) {
		Optional<InetAddress> parsed = Cidr.address(address);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		List<AddressRule> matching = all().stream().filter((rule) -> rule.network().contains(parsed.get())).toList();
		if (matching.stream().anyMatch((rule) -> rule.kind() == AddressRule.Kind.DENY)) {
			return Optional.of(AddressRule.Kind.DENY);
		}
		return matching.isEmpty() ? Optional.empty() : Optional.of(AddressRule.Kind.ALLOW);
	}

	/**
	 * The rules, reloaded every {@link #REFRESH} by one request while the others go on
	 * with the rules known; the reload's time is taken first, so a slow or failing
	 * database is asked once an interval, not by every request (the first load waits).
	 */
	List<AddressRule> all() {
		List<AddressRule> loaded = rules;
		if (loaded != null && System.nanoTime() - loadedAt < REFRESH.toNanos()) {
			return loaded;
		}
		if (loaded != null && !reloading.tryLock()) {
			return loaded;
		}
		if (loaded == null) {
			reloading.lock();
		}
		try {
			if (rules != loaded) {
				return rules;
			}
			loadedAt = System.nanoTime();
			return reload();
		}
		catch (DataAccessException ex) {
			if (loaded == null) {
				throw ex;
			}
			return loaded;
		}
		finally {
			reloading.unlock();
		}
	}

	boolean add(AddressRule rule) {
		reloading.lock();
		try {
			boolean added = repository.insert(rule);
			reload();
			return added;
		}
		finally {
			reloading.unlock();
		}
	}

	boolean remove(UUID id) {
		reloading.lock();
		try {
			boolean removed = repository.delete(id);
			reload();
			return removed;
		}
		finally {
			reloading.unlock();
		}
	}

	private List<AddressRule> reload() {
		List<AddressRule> loaded = repository.all();
		rules = loaded;
		loadedAt = System.nanoTime();
		return loaded;
	}

}
