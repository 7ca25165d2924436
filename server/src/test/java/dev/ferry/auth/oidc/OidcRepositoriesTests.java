package dev.ferry.auth.oidc;

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
 * The SQL of single sign-on flows and identities, against both SQLite and a real
 * PostgreSQL.
 */
class OidcRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void ssoFlowsAreTakenOnce(Vendor vendor, JdbcClient jdbc) {
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
	}

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(new User(id, "sec-" + id + "@repo.test", null, "{noop}x", Role.USER,
				UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
