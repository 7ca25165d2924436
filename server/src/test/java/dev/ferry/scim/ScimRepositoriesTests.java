package dev.ferry.scim;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.ferry.SqlDialect;
import dev.ferry.auth.Role;
import dev.ferry.auth.User;
import dev.ferry.auth.UserRepository;
import dev.ferry.auth.UserStatus;
import dev.ferry.testing.Databases.Vendor;
import dev.ferry.testing.EveryVendor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL of SCIM's links and status, and the account paging it uses, on SQLite, a real
 * PostgreSQL and a real MariaDB.
 */
class ScimRepositoriesTests extends EveryVendor {

	private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void usersAreLinkedDeprovisionedAndLinkedAgain(Vendor vendor, JdbcClient jdbc) {
		ScimRepository scim = new ScimRepository(jdbc, SqlDialect.of(database(vendor).dataSource()));
		UUID user = user(jdbc);
		long before = scim.provisionedUsers();

		scim.linkUser(user, "ext-" + user, NOW);
		scim.linkUser(user, "ext2-" + user, NOW);
		assertThat(scim.user(user)).contains(new ScimRepository.Link("ext2-" + user, false));
		assertThat(scim.usersWithExternalId("ext2-" + user)).containsExactly(user);
		assertThat(scim.provisionedUsers()).isEqualTo(before + 1);

		scim.deprovisionUser(user, NOW);
		assertThat(scim.user(user)).contains(new ScimRepository.Link("ext2-" + user, true));
		assertThat(scim.deprovisionedUsers()).contains(user);
		assertThat(scim.usersWithExternalId("ext2-" + user)).isEmpty();
		assertThat(scim.provisionedUsers()).isEqualTo(before);

		scim.linkUser(user, null, NOW);
		assertThat(scim.user(user)).contains(new ScimRepository.Link(null, false));
		new UserRepository(jdbc).delete(user);
		assertThat(scim.user(user)).as("the link goes with the account").isEmpty();

		UUID neverLinked = user(jdbc);
		scim.deprovisionUser(neverLinked, NOW);
		assertThat(scim.user(neverLinked)).as("an account SCIM never wrote is hidden once deleted")
			.contains(new ScimRepository.Link(null, true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void statusKeepsTheLastRequestAndALongErrorCutShort(Vendor vendor, JdbcClient jdbc) {
		ScimRepository scim = new ScimRepository(jdbc, SqlDialect.of(database(vendor).dataSource()));

		scim.touch(NOW);
		scim.error(NOW.plusSeconds(1), "x".repeat(600));

		ScimRepository.Status status = scim.status();
		assertThat(status.lastRequestAt()).isEqualTo(NOW);
		assertThat(status.lastErrorAt()).isEqualTo(NOW.plusSeconds(1));
		assertThat(status.lastError()).hasSize(500);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void accountsArePagedByOffsetAndEmailsChange(Vendor vendor, JdbcClient jdbc) {
		UserRepository users = new UserRepository(jdbc);
		UUID first = user(jdbc);
		user(jdbc);
		long count = users.count();

		assertThat(users.slice(0, (int) count)).hasSize((int) count);
		assertThat(users.slice(1, 1)).hasSize(1).doesNotContainAnyElementsOf(users.slice(0, 1));
		users.changeEmail(first, " New-" + first + "@Repo.Test ", NOW);
		assertThat(users.findById(first))
			.hasValueSatisfying((user) -> assertThat(user.email()).isEqualTo("new-" + first + "@repo.test"));
	}

	private static UUID user(JdbcClient jdbc) {
		UUID id = UUID.randomUUID();
		new UserRepository(jdbc).insert(
				new User(id, "scim-" + id + "@repo.test", null, null, Role.USER, UserStatus.ACTIVE, null, NOW, NOW));
		return id;
	}

}
