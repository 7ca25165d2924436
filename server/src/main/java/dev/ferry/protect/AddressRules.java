package dev.ferry.protect;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

	List<AddressRule> all() {
		List<AddressRule> loaded = rules;
		if (loaded == null || System.nanoTime() - loadedAt >= REFRESH.toNanos()) {
			try {
				loaded = reload();
			}
			catch (DataAccessException ex) {
				// The database is down: keep the rules known and try again after the
				// interval.
				loadedAt = System.nanoTime();
				if (loaded == null) {
					throw ex;
				}
			}
		}
		return loaded;
	}

	boolean add(AddressRule rule) {
		boolean added = repository.insert(rule);
		reload();
		return added;
	}

	boolean remove(UUID id) {
		boolean removed = repository.delete(id);
		reload();
		return removed;
	}

	private List<AddressRule> reload() {
		List<AddressRule> loaded = repository.all();
		rules = loaded;
		loadedAt = System.nanoTime();
		return loaded;
	}

}
