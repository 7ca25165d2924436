package dev.ferry.auth.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.FirstSignInRace;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.OverlappingTransactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two first single sign-ons of the same person at once, on SQLite and real PostgreSQL and
 * MariaDB servers: the first has written the account and its link but not committed when
 * the second looks, finds nothing and inserts the same account, which waits on the unique
 * email; then the first commits. The second must not fail with a constraint violation (a
 * 500 in the callback): it signs in to the one account.
 */
class SsoAccountsRaceTests extends EveryVendor {

	private static final AccountRules RULES = new AccountRules("company", "oidc:company", null, null, null, Map.of(),
			"user", null, Map.of(), true, false, false);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoFirstSignInsOfOnePersonAtOnceMakeOneAccount(Vendor vendor, JdbcClient jdbc) throws Exception {
		Databases.Fresh database = database(vendor);
		PlatformTransactionManager transactions = OverlappingTransactions.manager(database);
		SsoAccounts accounts = new SsoAccounts(new OidcRepository(jdbc), new UserRepository(jdbc),
				(user, source, managed, memberOf) -> {
				}, (event) -> {
				}, Clock.systemUTC(), new FirstSignInRace(transactions));
		String email = "race-" + UUID.randomUUID() + "@sso.test";
		SsoAccounts.Identity identity = new SsoAccounts.Identity("subject-" + UUID.randomUUID(), email, true, "Ada");

		OverlappingTransactions.Outcome<User> race = OverlappingTransactions.run(database, transactions,
				() -> accounts.resolve(RULES, identity, Map.of()));

		assertThat(race.secondFailure()).as("no constraint violation").isNull();
		assertThat(race.second().id()).as("the second signs in to the first's account").isEqualTo(race.first().id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
			.isEqualTo(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM user_identities WHERE subject = ?")
			.param(identity.subject())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
