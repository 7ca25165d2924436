package dev.ferry.auth.ldap;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

import dev.ferry.auth.FirstSignInRace;
import dev.ferry.auth.Role;
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
 * Two first directory sign-ins of the same entry at once (the web and SFTP, two tabs), on
 * SQLite and real PostgreSQL and MariaDB servers, overlapping as in
 * {@link OverlappingTransactions}: one account, linked once, and the second sign-in
 * admitted to it instead of failing on the unique email.
 */
class DirectoryAccountsRaceTests extends EveryVendor {

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoFirstSignInsOfOneEntryAtOnceMakeOneAccount(Vendor vendor, JdbcClient jdbc) throws Exception {
		Databases.Fresh database = database(vendor);
		PlatformTransactionManager transactions = OverlappingTransactions.manager(database);
		DirectoryAccounts accounts = new DirectoryAccounts(new DirectoryAccountRepository(jdbc),
				new UserRepository(jdbc), (event) -> {
				}, Clock.systemUTC(), new FirstSignInRace(transactions));
		String uid = "race-" + UUID.randomUUID();
		DirectoryEntry entry = new DirectoryEntry("uid=" + uid + ",ou=people,dc=ldap,dc=test", uid + "@ldap.test",
				"Ada", Set.of(), UUID.randomUUID().toString());

		OverlappingTransactions.Outcome<DirectoryAccounts.Resolved> race = OverlappingTransactions.run(database,
				transactions, () -> accounts.resolve(entry, Role.USER, true));

		assertThat(race.secondFailure()).as("no constraint violation").isNull();
		assertThat(race.second().refusal()).isNull();
		assertThat(race.second().user().id()).isEqualTo(race.first().user().id());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM directory_accounts WHERE dn = ?")
			.param(entry.dn())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
