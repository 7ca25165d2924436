package dev.ferry.auth.password;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.Role;
import dev.ferry.auth.UserStatus;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of password history and resets, against SQLite and real PostgreSQL and MariaDB
 * servers.
 */
class PasswordRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void passwordHistoryKeepsTheNewestInOrderEvenWithinOneMillisecond(Vendor vendor, JdbcClient jdbc) {
		PasswordHistoryRepository history = new PasswordHistoryRepository(jdbc, Clock.fixed(NOW, ZoneOffset.UTC));
		UUID user = user(jdbc);
		for (int i = 1; i <= 7; i++) {
			history.add(user, "hash-" + i, 5);
		}

		assertThat(history.recent(user, 5)).containsExactly("hash-7", "hash-6", "hash-5", "hash-4", "hash-3");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM password_history WHERE user_id = ?")
			.param(user.toString())
			.query(Long.class)
			.single()).isEqualTo(5);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aResetTokenWorksOnceAndNotLate(Vendor vendor, JdbcClient jdbc) {
		PasswordResetRepository resets = new PasswordResetRepository(jdbc);
		UUID user = user(jdbc);
		resets.insert("reset-a-" + user, user, NOW, NOW.plus(Duration.ofMinutes(30)));
		resets.insert("reset-b-" + user, user, NOW, NOW.plus(Duration.ofMinutes(30)));

		assertThat(resets.findLive("reset-a-" + user, NOW.plus(Duration.ofMinutes(31)))).isEmpty();
		assertThat(resets.findLive("reset-a-" + user, NOW)).contains(user);
		assertThat(resets.use("reset-a-" + user, NOW)).isTrue();
		assertThat(resets.use("reset-a-" + user, NOW)).isFalse();
		resets.useAll(user, NOW);
		assertThat(resets.findLive("reset-b-" + user, NOW)).isEmpty();
	}

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
