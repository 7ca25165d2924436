package dev.ferry.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.SqlDialect;
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
 * The SQL of second factors, password history and resets, devices, settings, single
 * sign-on and passkeys, against both SQLite and a real PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountSecurityRepositoriesTests {

	private SqlDialect dialect(Vendor vendor) {
		return databases.get(vendor).dialect();
	}

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
	void aTotpStepIsUsedOnceAndRecoveryCodesOnce(Vendor vendor, JdbcClient jdbc) {
		SecondFactorRepository factors = new SecondFactorRepository(jdbc, dialect(vendor));
		UUID user = user(jdbc);
		factors.savePending(user, new byte[] { 1, 2, 3 }, NOW);
		factors.savePending(user, new byte[] { 4, 5, 6 }, NOW);
		assertThat(factors.findTotp(user).orElseThrow().sealedSecret()).containsExactly(4, 5, 6);
		assertThat(factors.findTotp(user).orElseThrow().confirmed()).isFalse();

		assertThat(factors.useStep(user, 100)).isTrue();
		assertThat(factors.useStep(user, 100)).isFalse();
		assertThat(factors.useStep(user, 99)).isFalse();
		factors.confirm(user, NOW);
		factors.savePending(user, new byte[] { 7 }, NOW);
		assertThat(factors.findTotp(user).orElseThrow().confirmed()).as("never replaced once confirmed").isTrue();

		factors.replaceRecoveryCodes(user, List.of("a", "b"), NOW);
		assertThat(factors.useRecoveryCode(user, "a", NOW)).isTrue();
		assertThat(factors.useRecoveryCode(user, "a", NOW)).isFalse();
		assertThat(factors.unusedRecoveryCodes(user)).isEqualTo(1);
		assertThat(factors.deleteAll(user)).isTrue();
		assertThat(factors.unusedRecoveryCodes(user)).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void anMfaTicketCountsFailuresAndIsUsedOnce(Vendor vendor, JdbcClient jdbc) {
		MfaChallengeRepository challenges = new MfaChallengeRepository(jdbc);
		UUID user = user(jdbc);
		String hash = "mfa-" + UUID.randomUUID();
		challenges.insert(hash, user, NOW, NOW.plusSeconds(300), true);

		assertThat(challenges.findLive(hash, NOW, 2)).map(MfaChallengeRepository.Challenge::useCookie).contains(true);
		assertThat(challenges.fail(hash)).isEqualTo(1);
		assertThat(challenges.fail(hash)).isEqualTo(2);
		assertThat(challenges.findLive(hash, NOW, 2)).isEmpty();
		assertThat(challenges.findLive(hash, NOW, 5)).isPresent();
		assertThat(challenges.findLive(hash, NOW.plusSeconds(301), 5)).isEmpty();
		assertThat(challenges.use(hash, NOW)).isTrue();
		assertThat(challenges.use(hash, NOW)).isFalse();
		assertThat(challenges.deleteExpiredBefore(NOW.plusSeconds(301))).isGreaterThanOrEqualTo(1);
	}

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

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void devicesSettingsAndRestrictedIdleSessions(Vendor vendor, JdbcClient jdbc) {
		KnownDeviceRepository devices = new KnownDeviceRepository(jdbc, dialect(vendor));
		UUID user = user(jdbc);
		assertThat(devices.seen(user, "device-1", "UA", NOW)).isTrue();
		assertThat(devices.seen(user, "device-1", "UA", NOW)).isFalse();
		assertThat(devices.count(user)).isEqualTo(1);

		SecuritySettingsRepository settings = new SecuritySettingsRepository(jdbc, dialect(vendor));
		settings.save("require_2fa", "admin", user, NOW);
		settings.save("require_2fa", "all", user, NOW);
		assertThat(settings.find("require_2fa")).contains("all");

		SessionRepository sessions = new SessionRepository(jdbc);
		UUID id = UUID.randomUUID();
		sessions.create(new SessionRepository.Session(id, user, NOW, NOW, NOW.plus(Duration.ofDays(30)), null, null,
				Duration.ofMinutes(30), SessionRestriction.PASSWORD_CHANGE, null), "device-1");
		assertThat(sessions.findActive(id, NOW.plus(Duration.ofMinutes(29)))).isPresent();
		assertThat(sessions.findActive(id, NOW.plus(Duration.ofMinutes(31)))).as("idle").isEmpty();
		sessions.markUsed(id, NOW.plus(Duration.ofMinutes(20)));
		assertThat(sessions.findActive(id, NOW.plus(Duration.ofMinutes(31)))).isPresent();
		sessions.lift(user, SessionRestriction.PASSWORD_CHANGE, SessionRestriction.MFA_ENROLLMENT);
		assertThat(sessions.findActive(id, NOW).orElseThrow().restriction())
			.isEqualTo(SessionRestriction.MFA_ENROLLMENT);
		sessions.lift(user, SessionRestriction.MFA_ENROLLMENT, null);
		assertThat(sessions.findActive(id, NOW).orElseThrow().restriction()).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void ssoFlowsAndWebAuthnChallengesAreTakenOnce(Vendor vendor, JdbcClient jdbc) {
		OidcRepository oidc = new OidcRepository(jdbc);
		UUID user = user(jdbc);
		String state = "state-" + user;
		oidc.startLogin(state, "oidc", new byte[] { 9 }, NOW, NOW.plus(Duration.ofMinutes(10)));
		assertThat(oidc.takeLogin(state, "other", NOW)).isEmpty();
		oidc.startLogin(state, "oidc", new byte[] { 9 }, NOW, NOW.plus(Duration.ofMinutes(10)));
		assertThat(oidc.takeLogin(state, "oidc", NOW)).hasValueSatisfying((b) -> assertThat(b).containsExactly(9));
		assertThat(oidc.takeLogin(state, "oidc", NOW)).isEmpty();
		oidc.link("oidc", "subject-" + user, user, NOW);
		assertThat(oidc.findIdentity("oidc", "subject-" + user)).contains(user);

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

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
