package dev.ferry.auth.passkey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.Role;
import dev.ferry.auth.UserStatus;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import dev.ferry.testing.OverlappingTransactions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of passkeys and WebAuthn challenges, against SQLite and real PostgreSQL and
 * MariaDB servers.
 */
class PasskeyRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void webAuthnChallengesAreTakenOnce(Vendor vendor, JdbcClient jdbc) {
		UUID user = user(jdbc);
		PasskeyRepository passkeys = new PasskeyRepository(jdbc);
		passkeys.addChallenge("c1-" + user, PasskeyService.REGISTER, user, NOW, NOW.plusSeconds(300));
		passkeys.addChallenge("c2-" + user, PasskeyService.LOGIN, null, NOW, NOW.plusSeconds(300));
		assertThat(passkeys.takeChallenge("c1-" + user, PasskeyService.LOGIN, NOW)).as("wrong purpose").isEmpty();
		assertThat(passkeys.takeChallenge("c2-" + user, PasskeyService.LOGIN, NOW)).contains(Optional.empty());
		assertThat(passkeys.takeChallenge("c2-" + user, PasskeyService.LOGIN, NOW)).isEmpty();
		PasskeyRepository.Passkey passkey = new PasskeyRepository.Passkey(UUID.randomUUID(), user, "cred-" + user,
				new byte[] { 1 }, 0, "Laptop", NOW, null);
		passkeys.insert(passkey);
		passkeys.used(passkey.id(), 5, NOW);
		assertThat(passkeys.findByCredentialId("cred-" + user).orElseThrow().signCount()).isEqualTo(5);
		assertThat(passkeys.delete(UUID.randomUUID(), passkey.id())).isFalse();
		assertThat(passkeys.deleteAll(user)).isEqualTo(1);
	}

	/**
	 * Two deletions at once, each of one of the account's last two passkeys: the second
	 * waits for the first's lock and then counts what is left, never the two it began
	 * with.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aSecondDeletionWaitsAndCountsWhatTheFirstLeft(Vendor vendor, JdbcClient jdbc) throws Exception {
		UUID user = user(jdbc);
		PasskeyRepository passkeys = new PasskeyRepository(jdbc);
		UUID first = passkey(passkeys, user, "a");
		UUID second = passkey(passkeys, user, "b");

		OverlappingTransactions.Outcome<Integer> race = OverlappingTransactions.run(database(vendor),
				OverlappingTransactions.manager(database(vendor)), () -> {
					passkeys.lockOwn(user);
					int before = passkeys.listForUser(user).size();
					passkeys.delete(user, first);
					return before;
				}, () -> {
					passkeys.lockOwn(user);
					return passkeys.listForUser(user).size();
				});

		assertThat(race.first()).isEqualTo(2);
		assertThat(race.secondFailure()).isNull();
		assertThat(race.second()).as("the second saw the first's deletion").isEqualTo(1);
		assertThat(passkeys.listForUser(user)).extracting(PasskeyRepository.Passkey::id).containsExactly(second);
	}

	private static UUID passkey(PasskeyRepository passkeys, UUID user, String name) {
		UUID id = UUID.randomUUID();
		passkeys.insert(new PasskeyRepository.Passkey(id, user, "cred-" + name + "-" + user, new byte[] { 1 }, 0, name,
				NOW, null));
		return id;
	}

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
