package dev.ferry.protect;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The permanent address rules, kept in memory (they are asked on every request), reloaded
 * from the table when an administrator changes them on this node and every
 * {@link Refreshed#EVERY} for changes made on another. A deny rule wins over an allow
 * rule for the same address.
 */
@Component
class AddressRules {

	private final AddressRuleRepository repository;

	private final Refreshed<List<AddressRule>> rules;

	AddressRules(AddressRuleRepository repository) {
		this.repository = repository;
		this.rules = new Refreshed<>((known) -> repository.all());
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
		return rules.get();
	}

	boolean add(AddressRule rule) {
		return rules.change(() -> repository.insert(rule));
	}

	boolean remove(UUID id) {
		return rules.change(() -> repository.delete(id));
	}

}
