package dev.ferry.protect;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.AccountNetworkRules;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account rules kept in protection's own table and enforced by {@link AccessGuard}, so an
 * account refused from an address is audited and scored like a refused share link. Read
 * from the database on every check: a change applies to the next request on every node.
 */
@Component
class AccountAccessRules implements AccountNetworkRules {

	private final AccountRuleRepository repository;

	private final AccessGuard guard;

	private final Defender defender;

	AccountAccessRules(AccountRuleRepository repository, AccessGuard guard, Defender defender) {
		this.repository = repository;
		this.guard = guard;
		this.defender = defender;
	}

	@Override
	public boolean addressRefused(String address) {
		return defender.refusal(address).isPresent();
	}

	@Override
	public void failedSignIn(String address) {
		defender.strike(address, "failed_credentials", 1);
	}

	@Override
	public Rules of(UUID userId) {
		return view(repository.find(userId).orElse(AccessRules.NONE));
	}

	@Override
	@Transactional
	public Rules change(UUID userId, List<String> allowedIps, List<String> allowedCountries,
			List<String> deniedCountries) {
		AccessRules rules = guard.rules(repository.find(userId).orElse(AccessRules.NONE),
				new AccessRulesChange(allowedIps, allowedCountries, deniedCountries));
		repository.save(userId, rules);
		return view(rules);
	}

	@Override
	public Optional<String> exclusion(UUID userId, List<String> allowedIps, List<String> allowedCountries,
			List<String> deniedCountries, String address) {
		return guard.exclusion(guard.rules(repository.find(userId).orElse(AccessRules.NONE),
				new AccessRulesChange(allowedIps, allowedCountries, deniedCountries)), address);
	}

	@Override
	public Optional<Refusal> refusal(UUID userId, String address, String action) {
		Optional<AccessRules> rules = repository.find(userId);
		if (rules.isEmpty()) {
			return Optional.empty();
		}
		try {
			guard.enforce(rules.get(), address, action, "user", userId);
			return Optional.empty();
		}
		catch (ProtectException ex) {
			String type = String.valueOf(ex.getBody().getType());
			String slug = type.substring(type.lastIndexOf('/') + 1);
			String detail = "ip-not-allowed".equals(slug)
					? "Your account may not be used from the address " + address
							+ "; connect from a network an administrator allowed for it."
					: "Your account may not be used from your country; ask an administrator to allow it.";
			return Optional.of(new Refusal(slug, ex.getBody().getTitle(), detail));
		}
	}

	private static Rules view(AccessRules rules) {
		return new Rules(rules.allowedIps(), rules.allowedCountries(), rules.deniedCountries());
	}

}
