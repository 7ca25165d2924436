package dev.ferry.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auth repositories' SQL against both SQLite and a real PostgreSQL (one fresh
 * database of each for the class).
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

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void refreshTokenRotatesOnlyOnce(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		SessionRepository sessions = new SessionRepository(jdbc);
		User owner = insertUser(users);
		UUID session = UUID.randomUUID();
		sessions.create(session, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "127.0.0.1", "JUnit");
		sessions.addRefreshToken("hash-" + session, session, NOW);

		assertThat(sessions.markRotated("hash-" + session, NOW)).isTrue();
		assertThat(sessions.markRotated("hash-" + session, NOW)).isFalse();
		SessionRepository.RefreshToken token = sessions.findRefreshToken("hash-" + session).orElseThrow();
		assertThat(token.rotatedAt()).isEqualTo(NOW);
		assertThat(token.userId()).isEqualTo(owner.id());
		assertThat(token.sessionLive(NOW)).isTrue();

		assertThat(sessions.revoke(session, NOW, "refresh_reuse")).isTrue();
		assertThat(sessions.revoke(session, NOW, "again")).isFalse();
		assertThat(sessions.findRefreshToken("hash-" + session).orElseThrow().sessionLive(NOW)).isFalse();
		assertThat(sessions.activeSessionUser(session, NOW)).isEmpty();
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
		sessions.create(current, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.1", "A");
		sessions.create(other, owner.id(), NOW, NOW.plus(Duration.ofDays(1)), "10.0.0.2", "B");
		sessions.create(expired, owner.id(), NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)), null, null);
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
