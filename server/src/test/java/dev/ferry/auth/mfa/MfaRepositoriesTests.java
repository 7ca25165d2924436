package dev.ferry.auth.mfa;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
 * The SQL of second factors and security settings, against both SQLite and a real
 * PostgreSQL.
 */
class MfaRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void aTotpStepIsUsedOnceAndRecoveryCodesOnce(Vendor vendor, JdbcClient jdbc) {
		SecondFactorRepository factors = new SecondFactorRepository(jdbc, database(vendor).dialect());
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
	void securitySettingsKeepTheLatestValue(Vendor vendor, JdbcClient jdbc) {
		UUID user = user(jdbc);
		SecuritySettingsRepository settings = new SecuritySettingsRepository(jdbc, database(vendor).dialect());
		settings.save("require_2fa", "admin", user, NOW);
		settings.save("require_2fa", "all", user, NOW);
		assertThat(settings.find("require_2fa")).contains("all");
	}

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
