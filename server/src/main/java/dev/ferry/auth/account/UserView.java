package dev.ferry.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.ferry.auth.AccountNetworkRules;
import dev.ferry.auth.User;

/**
 * An account as the API shows it: never its password hash. The network rules are present
 * when one account is read, created or changed, absent from lists.
 */
record UserView(String id, String email, @JsonInclude(JsonInclude.Include.ALWAYS) String name, String role,
		String status, @JsonInclude(JsonInclude.Include.ALWAYS) Long quotaBytes, Instant createdAt, Instant updatedAt,
		List<String> allowedIps, List<String> allowedCountries, List<String> deniedCountries) {

	static UserView of(User user) {
		return new UserView(user.id().toString(), user.email(), user.name(), user.role().apiName(),
				user.status().name().toLowerCase(Locale.ROOT), user.quotaBytes(), user.createdAt(), user.updatedAt(),
				null, null, null);
	}

	UserView with(AccountNetworkRules.Rules rules) {
		return new UserView(id, email, name, role, status, quotaBytes, createdAt, updatedAt, rules.allowedIps(),
				rules.allowedCountries(), rules.deniedCountries());
	}

}
