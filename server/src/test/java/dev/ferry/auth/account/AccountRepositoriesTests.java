package dev.ferry.auth.account;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.Role;
import dev.ferry.auth.UserStatus;
import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.OverlappingTransactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of invitations and setup tokens, against SQLite and real PostgreSQL and MariaDB
 * servers.
 */
class AccountRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void invitationsAndSetupTokensWorkOnce(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		InvitationRepository invitations = new InvitationRepository(jdbc);
		SetupTokenRepository setupTokens = new SetupTokenRepository(jdbc);
		User admin = insertUser(users);
		InvitationRepository.Invitation pending = new InvitationRepository.Invitation(UUID.randomUUID(),
				"guest-" + UUID.randomUUID() + "@repo.test", Role.GUEST, admin.id(), NOW, NOW.plus(Duration.ofDays(7)),
				null);
		invitations.insert(pending, "inv-" + pending.id());

		assertThat(invitations.claim(pending.id(), NOW.plus(Duration.ofDays(8)))).isFalse();
		assertThat(invitations.claim(pending.id(), NOW)).isTrue();
		assertThat(invitations.claim(pending.id(), NOW)).isFalse();
		User invited = insertUser(users);
		invitations.recordAcceptedBy(pending.id(), invited.id());
		InvitationRepository.Invitation accepted = invitations.findByTokenHash("inv-" + pending.id()).orElseThrow();
		assertThat(accepted.acceptedAt()).isEqualTo(NOW);
		assertThat(accepted.role()).isEqualTo(Role.GUEST);

		setupTokens.insert("setup-" + pending.id(), NOW);
		assertThat(setupTokens.exists("setup-" + pending.id())).isTrue();
		setupTokens.deleteAll();
		assertThat(setupTokens.exists("setup-" + pending.id())).isFalse();
	}

	/** Two setups at once with the printed token: only one takes it. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aSetupTokenIsTakenOnceByTwoSetupsAtOnce(Vendor vendor, JdbcClient jdbc) throws Exception {
		SetupTokenRepository setupTokens = new SetupTokenRepository(jdbc);
		String hash = "setup-" + UUID.randomUUID();
		setupTokens.insert(hash, NOW);

		OverlappingTransactions.Outcome<Boolean> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> setupTokens.claim(hash));

		assertThat(race.first()).isTrue();
		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("the second finds it taken").isFalse();
	}

	/**
	 * Admins A and B suspend each other at once: the second waits for the first's lock on
	 * the admins and then counts none left besides the one it suspends.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void twoAdminsTakingEachOtherAwayDoNotBothCountTheOther(Vendor vendor, JdbcClient jdbc) throws Exception {
		UserRepository users = new UserRepository(jdbc);
		jdbc.sql("UPDATE users SET status = 'SUSPENDED' WHERE role = 'ADMIN'").update();
		User a = user("a-" + UUID.randomUUID() + "@repo.test", Role.ADMIN, null);
		User b = user("b-" + UUID.randomUUID() + "@repo.test", Role.ADMIN, null);
		users.insert(a);
		users.insert(b);

		OverlappingTransactions.Outcome<Long> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> {
					users.lockActiveAdmins();
					long others = users.otherActiveAdmins(b.id());
					users.update(new User(b.id(), b.email(), null, b.passwordHash(), Role.ADMIN, UserStatus.SUSPENDED,
							null, NOW, NOW));
					return others;
				}, () -> {
					users.lockActiveAdmins();
					return users.otherActiveAdmins(a.id());
				});

		assertThat(race.first()).isOne();
		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("B was suspended meanwhile: A is the last").isZero();
	}

	/**
	 * An admin's edit written from a reading taken before the owner changed the password
	 * (or before a suspension, which locks the row first) brings neither back.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anEditFromAnOlderReadingKeepsTheNewPasswordAndAWaitingEditSeesTheSuspension(Vendor vendor, JdbcClient jdbc)
			throws Exception {
		UserRepository users = new UserRepository(jdbc);
		User read = insertUser(users);
		users.setPassword(read.id(), "{noop}changed", NOW);
		users.update(new User(read.id(), read.email(), "Renamed", read.passwordHash(), Role.USER, UserStatus.ACTIVE,
				null, NOW, NOW));
		assertThat(users.findById(read.id()).orElseThrow().passwordHash()).isEqualTo("{noop}changed");

		OverlappingTransactions.Outcome<UserStatus> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> {
					users.lock(read.id());
					User user = users.findById(read.id()).orElseThrow();
					users.update(new User(user.id(), user.email(), user.name(), null, user.role(), UserStatus.SUSPENDED,
							null, NOW, NOW));
					return user.status();
				}, () -> {
					users.lock(read.id());
					return users.findById(read.id()).orElseThrow().status();
				});
		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("the edit that waited reads the suspension").isEqualTo(UserStatus.SUSPENDED);
	}

	/**
	 * A sign-in that checked the old password while a change was committing: it waits for
	 * the change and sees it, so it opens no session with the old password.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aSignInHoldingThePasswordSeesAChangeCommittedMeanwhile(Vendor vendor, JdbcClient jdbc) throws Exception {
		UserRepository users = new UserRepository(jdbc);
		User read = insertUser(users);

		OverlappingTransactions.Outcome<Boolean> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> {
					users.setPassword(read.id(), "{noop}changed", NOW);
					return true;
				}, () -> users.holdPassword(read.id(), read.passwordHash(), database(vendor).dialect()));

		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("the old password is no longer the account's").isFalse();
	}

	/**
	 * The other order: a change that comes while a sign-in holds the password waits for
	 * the sign-in to commit (its session then exists, and the change ends it).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aChangeWaitsForASignInHoldingThePassword(Vendor vendor, JdbcClient jdbc) throws Exception {
		UserRepository users = new UserRepository(jdbc);
		User read = insertUser(users);

		OverlappingTransactions.Outcome<Boolean> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)),
				() -> users.holdPassword(read.id(), read.passwordHash(), database(vendor).dialect()), () -> {
					users.setPassword(read.id(), "{noop}changed", NOW);
					return true;
				});

		assertThat(race.first()).isTrue();
		assertThat(race.secondFailure()).isNull();
		assertThat(users.findById(read.id()).orElseThrow().passwordHash()).isEqualTo("{noop}changed");
	}

	/**
	 * The hold is a shared lock: a row that points at the account (a session, a second
	 * factor's ticket, here its password history) is written beside it without waiting.
	 * An exclusive one deadlocked on MariaDB against a sign-in that audited first and
	 * then inserted its session. (SQLite has one writer at a time and nothing to show.)
	 */
	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Vendor.class, names = { "POSTGRESQL", "MARIADB" })
	void aRowPointingAtAHeldAccountIsWrittenWithoutWaiting(Vendor vendor) throws Exception {
		Databases.Fresh db = database(vendor);
		UserRepository users = new UserRepository(db.jdbc());
		User read = insertUser(users);
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService holder = Executors.newSingleThreadExecutor();
		try {
			Future<Boolean> holding = holder.submit(() -> db.transactions().execute((status) -> {
				boolean still = users.holdPassword(read.id(), read.passwordHash(), db.dialect());
				held.countDown();
				awaitQuietly(release);
				return still;
			}));
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

			db.transactions().executeWithoutResult((status) -> {
				db.jdbc()
					.sql((vendor == Vendor.MARIADB) ? "SET SESSION innodb_lock_wait_timeout = 3"
							: "SET LOCAL lock_timeout = '3s'")
					.update();
				db.jdbc()
					.sql("INSERT INTO password_history (id, user_id, password_hash, created_at) VALUES (?, ?, ?, ?)")
					.params(UUID.randomUUID().toString(), read.id().toString(), "{noop}old", NOW.toEpochMilli())
					.update();
			});
			release.countDown();
			assertThat(holding.get(30, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			release.countDown();
			holder.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static User insertUser(UserRepository users) {
		User user = user("u-" + UUID.randomUUID() + "@repo.test", Role.USER, null);
		users.insert(user);
		return user;
	}

	private static User user(String email, Role role, Long quota) {
		return new User(UUID.randomUUID(), email.toLowerCase(), null, "{noop}x", role, UserStatus.ACTIVE, quota, NOW,
				NOW);
	}

}
