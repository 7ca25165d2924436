package dev.ferry.auth.oidc;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ferry.auth.FirstSignInRace;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two first single sign-ons of the same person at once, on SQLite and real PostgreSQL and
 * MariaDB servers: the first has written the account and its link but not committed when
 * the second looks, finds nothing and inserts the same account, which waits on the unique
 * email; then the first commits. The second must not fail with a constraint violation (a
 * 500 in the callback): it signs in to the one account.
 */
class SsoAccountsRaceTests extends EveryVendor {

	private static final AccountRules RULES = new AccountRules("company", "oidc:company", null, null, null, Map.of(),
			"user", null, Map.of(), true, false);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoFirstSignInsOfOnePersonAtOnceMakeOneAccount(Vendor vendor, JdbcClient jdbc) throws Exception {
		Databases.Fresh database = database(vendor);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(database.dataSource());
		SsoAccounts accounts = new SsoAccounts(new OidcRepository(jdbc), new UserRepository(jdbc),
				(user, source, managed, memberOf) -> {
				}, (event) -> {
				}, Clock.systemUTC(), new FirstSignInRace(transactions));
		String email = "race-" + UUID.randomUUID() + "@sso.test";
		SsoAccounts.Identity identity = new SsoAccounts.Identity("subject-" + UUID.randomUUID(), email, true, "Ada");
		TransactionTemplate callback = new TransactionTemplate(transactions);
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService signIns = Executors.newFixedThreadPool(2);
		try {
			Future<User> first = signIns.submit(() -> callback.execute((status) -> {
				User user = accounts.resolve(RULES, identity, Map.of());
				written.countDown();
				awaitQuietly(commit);
				return user;
			}));
			assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
			Future<User> second = signIns
				.submit(() -> callback.execute((status) -> accounts.resolve(RULES, identity, Map.of())));
			if (vendor != Vendor.SQLITE) {
				// SQLite's second transaction waits for the write lock before it reads,
				// so
				// there is no race to set up; the others must be caught in the insert.
				await().atMost(java.time.Duration.ofSeconds(30)).until(() -> waitsOnALock(vendor, jdbc));
			}
			commit.countDown();
			User made = first.get(30, TimeUnit.SECONDS);

			assertThat(outcome(second)).as("the second signs in to the first's account")
				.isEqualTo(made.id().toString());
			assertThat(jdbc.sql("SELECT COUNT(*) FROM users WHERE email = ?").param(email).query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM user_identities WHERE subject = ?")
				.param(identity.subject())
				.query(Long.class)
				.single()).isEqualTo(1);
		}
		finally {
			commit.countDown();
			signIns.shutdownNow();
		}
	}

	/** The account the sign-in resolved to, or the reason it was refused. */
	private static String outcome(Future<User> signIn) throws Exception {
		try {
			return signIn.get(30, TimeUnit.SECONDS).id().toString();
		}
		catch (ExecutionException ex) {
			assertThat(ex.getCause()).isInstanceOf(OidcFailure.class);
			return ((OidcFailure) ex.getCause()).reason();
		}
	}

	private static boolean waitsOnALock(Vendor vendor, JdbcClient jdbc) {
		String sql = (vendor == Vendor.POSTGRESQL)
				? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
				: "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'";
		return jdbc.sql(sql).query(Long.class).single() > 0;
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
