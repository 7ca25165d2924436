package dev.ferry.auth;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.Databases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of accounts, against both SQLite and a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthRepositoriesTests {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	private final Map<Vendor, Databases.Fresh> databases = new EnumMap<>(Vendor.class);

	@BeforeAll
	void openDatabases() {
		for (Vendor vendor : Vendor.values()) {
			databases.put(vendor, Databases.migrated(vendor));
		}
	}

	@AfterAll
	void closeDatabases() {
		databases.values().forEach(Databases.Fresh::close);
	}

	Stream<Arguments> databases() {
		return databases.entrySet().stream().map((entry) -> Arguments.of(entry.getKey(), entry.getValue().jdbc()));
	}

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
