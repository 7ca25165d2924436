package dev.ferry.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of accounts, against SQLite and real PostgreSQL and MariaDB servers.
 */
class AuthRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void usersPageByEmailKeepNullQuotaAndCountOtherAdmins(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		User a = user("a-" + tag + "@repo.test", Role.ADMIN, null);
		User b = user("B-" + tag + "@repo.test", Role.ADMIN, 1024L);
		User c = user("c-" + tag + "@repo.test", Role.USER, null);
		List.of(c, a, b).forEach(users::insert);

		List<User> first = users.page("a-" + tag, 2);
		assertThat(first).extracting(User::email).startsWith("a-" + tag + "@repo.test", "b-" + tag + "@repo.test");
		assertThat(users.findById(a.id()).orElseThrow().quotaBytes()).isNull();
		assertThat(users.findById(b.id()).orElseThrow().quotaBytes()).isEqualTo(1024L);
		assertThat(users.findByEmail(" B-" + tag + "@REPO.test ")).map(User::id).contains(b.id());

		long othersThanA = users.otherActiveAdmins(a.id());
		users.update(new User(b.id(), b.email(), "Bee", b.passwordHash(), Role.ADMIN, UserStatus.SUSPENDED, null,
				b.createdAt(), NOW.plusSeconds(1)));
		assertThat(users.otherActiveAdmins(a.id())).isEqualTo(othersThanA - 1);
		User updated = users.findById(b.id()).orElseThrow();
		assertThat(updated.name()).isEqualTo("Bee");
		assertThat(updated.quotaBytes()).isNull();
		assertThat(updated.isActive()).isFalse();
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
