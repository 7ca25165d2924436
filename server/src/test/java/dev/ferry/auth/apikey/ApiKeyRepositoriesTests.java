package dev.ferry.auth.apikey;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.UUID;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.Role;
import dev.ferry.auth.UserStatus;
import dev.ferry.auth.Scope;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of API keys, against SQLite and real PostgreSQL and MariaDB servers.
 */
class ApiKeyRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void apiKeysKeepScopesAndDieWithTheirOwner(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		ApiKeyRepository keys = new ApiKeyRepository(jdbc);
		User owner = insertUser(users);
		ApiKeyRepository.ApiKey key = new ApiKeyRepository.ApiKey(UUID.randomUUID(), owner.id(), "ci", "fy_abcdefgh",
				EnumSet.of(Scope.READ, Scope.SHARE), NOW, NOW.plus(Duration.ofDays(1)), null, null);
		keys.insert(key, "keyhash-" + key.id());

		ApiKeyRepository.ApiKey found = keys.findByHash("keyhash-" + key.id()).orElseThrow();
		assertThat(found.scopes()).containsExactlyInAnyOrder(Scope.READ, Scope.SHARE);
		assertThat(found.refusal(NOW)).isNull();
		assertThat(found.refusal(NOW.plus(Duration.ofDays(1)))).isEqualTo("expired");
		keys.touch(key.id(), NOW.plusSeconds(60));
		assertThat(keys.listForUser(owner.id())).singleElement()
			.extracting(ApiKeyRepository.ApiKey::lastUsedAt)
			.isEqualTo(NOW.plusSeconds(60));

		assertThat(keys.revoke(UUID.randomUUID(), key.id(), NOW)).isFalse();
		assertThat(keys.revoke(owner.id(), key.id(), NOW)).isTrue();
		assertThat(keys.listForUser(owner.id())).isEmpty();
		assertThat(keys.findByHash("keyhash-" + key.id()).orElseThrow().refusal(NOW)).isEqualTo("revoked");

		users.delete(owner.id());
		assertThat(keys.findByHash("keyhash-" + key.id())).isEmpty();
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
