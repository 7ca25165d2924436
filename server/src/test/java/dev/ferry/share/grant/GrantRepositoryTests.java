package dev.ferry.share.grant;

import java.time.Instant;
import java.util.UUID;

import dev.ferry.testing.Databases;
import dev.ferry.testing.TestAccounts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The grant and group tables' SQL, run on every supported database. */
class GrantRepositoryTests {

	private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

	@ParameterizedTest
	@EnumSource(Databases.Vendor.class)
	void grantsReachGroupMembers(Databases.Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			GrantRepository grants = new GrantRepository(db.jdbc(), db.dialect());
			UUID owner = TestAccounts.insertUser(db.jdbc());
			UUID member = TestAccounts.insertUser(db.jdbc());
			UUID group = UUID.randomUUID();
			grants.createGroup(group, "Team", NOW);
			grants.addMember(group, member, NOW);
			grants.addMember(group, member, NOW);
			UUID file = UUID.randomUUID();

			Grant first = grants.upsert(new Grant(UUID.randomUUID(), owner, Grant.FILE, file, Grant.GROUP, group,
					Grant.Permission.VIEW, NOW));
			Grant again = grants.upsert(new Grant(UUID.randomUUID(), owner, Grant.FILE, file, Grant.GROUP, group,
					Grant.Permission.DOWNLOAD, NOW));

			assertThat(again.id()).isEqualTo(first.id());
			assertThat(grants.forGrantee(member)).singleElement()
				.satisfies((g) -> assertThat(g.permission()).isEqualTo(Grant.Permission.DOWNLOAD));
			assertThat(grants.forGrantee(owner)).isEmpty();
			grants.deleteGroup(group);
			assertThat(grants.forGrantee(member)).isEmpty();
			assertThat(grants.groups()).isEmpty();
		}
	}

}
