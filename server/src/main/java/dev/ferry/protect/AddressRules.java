package dev.ferry.protect;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The permanent address rules, kept in memory (they are asked on every request) and
 * reloaded from the table whenever an administrator changes them. A deny rule wins over
 * an allow rule for the same address.
 */
@Component
class AddressRules {

	private final AddressRuleRepository repository;

	private volatile List<AddressRule> rules;

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
		if (loaded == null) {
			loaded = repository.all();
			rules = loaded;
		}
		return loaded;
	}

	boolean add(AddressRule rule) {
		boolean added = repository.insert(rule);
		rules = repository.all();
		return added;
	}

	boolean remove(UUID id) {
		boolean removed = repository.delete(id);
		rules = repository.all();
		return removed;
	}

}
