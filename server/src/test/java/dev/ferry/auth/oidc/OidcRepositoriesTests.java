package dev.ferry.auth.oidc;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.Role;
import dev.ferry.auth.UserStatus;
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
 * The SQL of single sign-on flows and identities, against both SQLite and a real
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcRepositoriesTests {

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
