package dev.ferry.database;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.ferry.testing.Databases;
import dev.ferry.testing.Databases.Vendor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Flyway migration, applied the way the server applies them, to a fresh database of
 * each vendor.
 */
class MigrationTests {

	private static final Set<String> TABLES = Set.of("flyway_schema_history", "server_secrets", "audit_head",
			"audit_log", "users", "sessions", "refresh_tokens", "api_keys", "invitations", "setup_tokens");

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void everyMigrationAppliesToAnEmptyDatabase(Vendor vendor) throws Exception {
		try (Databases.Fresh db = Databases.empty(vendor)) {
			Flyway flyway = Flyway.configure().dataSource(db.dataSource()).locations(vendor.migrations()).load();
			MigrateResult result = flyway.migrate();
			assertThat(result.success).isTrue();
			assertThat(result.migrationsExecuted).isEqualTo(migrationFiles(vendor).size());
			assertThat(flyway.info().pending()).isEmpty();
			try (Connection connection = db.dataSource().getConnection()) {
				assertThat(tables(connection.getMetaData())).containsAll(TABLES);
				assertThat(indexes(connection.getMetaData(), "audit_log")).contains("audit_log_outcome",
						"audit_log_actor", "audit_log_action", "audit_log_object", "audit_log_time");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(Vendor.class)
	void migratingTwiceChangesNothing(Vendor vendor) {
		try (Databases.Fresh db = Databases.migrated(vendor)) {
			MigrateResult again = Flyway.configure()
				.dataSource(db.dataSource())
				.locations(vendor.migrations())
				.load()
				.migrate();
			assertThat(again.migrationsExecuted).isZero();
		}
	}

	@Test
	void everyVendorHasTheSameMigrations() throws IOException {
		assertThat(migrationFiles(Vendor.POSTGRESQL)).isNotEmpty().isEqualTo(migrationFiles(Vendor.SQLITE));
		assertThat(migrationFiles(Vendor.MARIADB)).isEqualTo(migrationFiles(Vendor.SQLITE));
	}

	private static Set<String> migrationFiles(Vendor vendor) throws IOException {
		Resource[] files = new PathMatchingResourcePatternResolver().getResources(vendor.migrations() + "/*.sql");
		return new TreeSet<>(Arrays.stream(files).map(Resource::getFilename).toList());
	}

	private static Set<String> tables(DatabaseMetaData metadata) throws SQLException {
		Set<String> names = new TreeSet<>();
		try (ResultSet rs = metadata.getTables(null, null, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	private static Set<String> indexes(DatabaseMetaData metadata, String table) throws SQLException {
		Set<String> names = new TreeSet<>();
		try (ResultSet rs = metadata.getIndexInfo(null, null, table, false, false)) {
			while (rs.next()) {
				if (rs.getString("INDEX_NAME") != null) {
					names.add(rs.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
				}
			}
		}
		return names;
	}

}
