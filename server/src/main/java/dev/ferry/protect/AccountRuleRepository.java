package dev.ferry.protect;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code account_access_rules} table: one row per account that has rules. */
@Repository
class AccountRuleRepository {

	private final JdbcClient jdbc;

	AccountRuleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccessRules> find(UUID userId) {
		return jdbc
			.sql("SELECT allowed_ips, allowed_countries, denied_countries FROM account_access_rules WHERE user_id = ?")
			.param(userId.toString())
			.query((rs, row) -> AccessRules.stored(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	/** Replaces the account's rules; empty rules leave no row. */
	void save(UUID userId, AccessRules rules) {
		jdbc.sql("DELETE FROM account_access_rules WHERE user_id = ?").param(userId.toString()).update();
		if (!rules.isEmpty()) {
			jdbc.sql("INSERT INTO account_access_rules (user_id, allowed_ips, allowed_countries, denied_countries) "
					+ "VALUES (?, ?, ?, ?)")
				.params(userId.toString(), AccessRules.join(rules.allowedIps()),
						AccessRules.join(rules.allowedCountries()), AccessRules.join(rules.deniedCountries()))
				.update();
		}
	}

}
