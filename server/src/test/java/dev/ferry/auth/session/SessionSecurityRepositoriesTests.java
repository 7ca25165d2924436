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
 * The SQL of sign-in tickets, known devices and restricted idle sessions, against both
 * SQLite and a real PostgreSQL.
 */
class SessionSecurityRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

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
	void devicesAndRestrictedIdleSessions(Vendor vendor, JdbcClient jdbc) {
		KnownDeviceRepository devices = new KnownDeviceRepository(jdbc, database(vendor).dialect());
		UUID user = user(jdbc);
		assertThat(devices.seen(user, "device-1", "UA", NOW)).isTrue();
		assertThat(devices.seen(user, "device-1", "UA", NOW)).isFalse();
		assertThat(devices.count(user)).isEqualTo(1);

		SessionRepository sessions = new SessionRepository(jdbc);
		UUID id = UUID.randomUUID();
		sessions.create(new SessionRepository.Session(id, user, NOW, NOW, NOW.plus(Duration.ofDays(30)), null, null,
				Duration.ofMinutes(30), SessionRestriction.PASSWORD_CHANGE, null, null), "device-1");
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

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
