package dev.ferry.auth.session;

import java.time.Duration;
import java.time.Instant;
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
 * The SQL of sessions and refresh tokens, against SQLite and real PostgreSQL and MariaDB
 * servers.
 */
class SessionRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void refreshTokenRotatesOnlyOnce(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		SessionRepository sessions = new SessionRepository(jdbc);
		User owner = insertUser(users);
		UUID session = UUID.randomUUID();
		sessions.create(session(session, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "127.0.0.1", "JUnit"), null);
		sessions.addRefreshToken("hash-" + session, session, NOW);

		assertThat(sessions.markRotated("hash-" + session, NOW)).isTrue();
		assertThat(sessions.markRotated("hash-" + session, NOW)).isFalse();
		SessionRepository.RefreshToken token = sessions.findRefreshToken("hash-" + session).orElseThrow();
		assertThat(token.rotatedAt()).isEqualTo(NOW);
		assertThat(token.userId()).isEqualTo(owner.id());
		assertThat(token.session().live(NOW)).isTrue();

		assertThat(sessions.revoke(session, NOW, "refresh_reuse")).isTrue();
		assertThat(sessions.revoke(session, NOW, "again")).isFalse();
		assertThat(sessions.findRefreshToken("hash-" + session).orElseThrow().session().live(NOW)).isFalse();
		assertThat(sessions.findActive(session, NOW)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void sessionsAreListedRevokedPerOwnerAndCleanedUp(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		SessionRepository sessions = new SessionRepository(jdbc);
		User owner = insertUser(users);
		User stranger = insertUser(users);
		UUID current = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		UUID expired = UUID.randomUUID();
		sessions.create(session(current, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1", "A"), null);
		sessions.create(session(other, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.2", "B"), null);
		sessions.create(
				session(expired, owner.id(), NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), null, null),
				null);
		sessions.addRefreshToken("hash-" + other, other, NOW);

		assertThat(sessions.listActive(owner.id(), NOW)).extracting(SessionRepository.Session::id)
			.containsExactlyInAnyOrder(current, other);
		assertThat(sessions.revokeOwn(stranger.id(), other, NOW, "revoked")).isFalse();
		sessions.touch(other, NOW.plusSeconds(5), NOW.plus(Duration.ofDays(2)), "10.0.0.3");
		assertThat(sessions.listActive(owner.id(), NOW).get(0).ip()).isEqualTo("10.0.0.3");

		assertThat(sessions.revokeAll(owner.id(), current, NOW, "revoked")).isEqualTo(1);
		assertThat(sessions.listActive(owner.id(), NOW)).extracting(SessionRepository.Session::id)
			.containsExactly(current);

		sessions.deleteEndedBefore(NOW.plusMillis(1));
		assertThat(sessions.findRefreshToken("hash-" + other)).isEmpty();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM sessions WHERE user_id = ?")
			.param(owner.id().toString())
			.query(Long.class)
			.single()).isEqualTo(1);
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

	private static SessionRepository.Session session(UUID id, UUID userId, Instant createdAt, Instant expiresAt,
			String ip, String userAgent) {
		return new SessionRepository.Session(id, userId, createdAt, createdAt, expiresAt, ip, userAgent, null, null,
				null, null);
	}

}
