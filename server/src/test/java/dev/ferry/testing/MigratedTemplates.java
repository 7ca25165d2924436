package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Databases.Vendor;
import org.flywaydb.core.Flyway;

/**
 * Every vendor's migrations run once per test JVM, into a template; each
 * {@link Databases#migrated} database is then a copy of it. Running some fifty migrations
 * per repository test class and vendor cost seconds each (about twenty on MariaDB, whose
 * DDL is slow); a copy costs a fraction of that and holds the same schema, seed rows and
 * Flyway history. {@code MigrationTests} still migrates empty databases itself.
 */
final class MigratedTemplates {

	private static final Map<Vendor, Template> TEMPLATES = new EnumMap<>(Vendor.class);

	private MigratedTemplates() {
	}

	/** A new database of {@code vendor} that is a copy of the migrated template. */
	static Databases.Fresh copy(Vendor vendor) {
		return template(vendor).copy();
	}

	private static synchronized Template template(Vendor vendor) {
		return TEMPLATES.computeIfAbsent(vendor, (key) -> switch (key) {
			case SQLITE -> new SqliteTemplate();
			case POSTGRESQL -> new PostgresTemplate();
			case MARIADB -> new MariadbTemplate();
		});
	}

	private static void migrate(Databases.Fresh database) {
		Flyway.configure()
			.dataSource(database.dataSource())
			.locations(database.vendor().migrations())
			.failOnMissingLocations(true)
			.load()
			.migrate();
	}

	private interface Template {

		Databases.Fresh copy();

	}

	/**
	 * A migrated database file, closed so its write-ahead log is checkpointed into it;
	 * copies are plain file copies.
	 */
	private static final class SqliteTemplate implements Template {

		private final Path file;

		SqliteTemplate() {
			Databases.Fresh template = Databases.empty(Vendor.SQLITE);
			migrate(template);
			Path migrated = Databases.sqliteFile(template);
			try {
				this.file = Files.createTempFile("ferry-db-template-", ".db");
				template.dataSource().close();
				Files.copy(migrated, this.file, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				template.close();
			}
			this.file.toFile().deleteOnExit();
		}

		@Override
		public Databases.Fresh copy() {
			return Databases.sqlite(this.file);
		}

	}

	/**
	 * A migrated PostgreSQL database nobody stays connected to, copied with
	 * {@code CREATE DATABASE ... TEMPLATE}; dropped when the JVM exits.
	 */
	private static final class PostgresTemplate implements Template {

		private final String name;

		PostgresTemplate() {
			Databases.Fresh template = Databases.empty(Vendor.POSTGRESQL);
			String url = template.dataSource().getJdbcUrl();
			this.name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
			try {
				migrate(template);
			}
			finally {
				template.dataSource().close();
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> Databases.dropPostgresDatabase(url)));
		}

		@Override
		public Databases.Fresh copy() {
			return Databases.postgres(this.name);
		}

	}

	/**
	 * A migrated MariaDB database; MariaDB has no database templates, so a copy recreates
	 * each table from {@code SHOW CREATE TABLE} (foreign keys included) and copies its
	 * rows. Dropped when the JVM exits.
	 */
	private static final class MariadbTemplate implements Template {

		private final Databases.Fresh template;

		private final String name;

		MariadbTemplate() {
			this.template = Databases.empty(Vendor.MARIADB);
			String url = this.template.dataSource().getJdbcUrl();
			this.name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
			migrate(this.template);
			Runtime.getRuntime().addShutdownHook(new Thread(this.template::close));
		}

		@Override
		public Databases.Fresh copy() {
			Databases.Fresh copy = Databases.empty(Vendor.MARIADB);
			try (Connection connection = copy.dataSource().getConnection();
					Statement statement = connection.createStatement()) {
				List<String> tables = tables(statement);
				statement.execute("SET FOREIGN_KEY_CHECKS = 0");
				for (String table : tables) {
					statement.execute(createStatement(statement, table));
				}
				for (String table : tables) {
					statement.execute("INSERT INTO `" + table + "` SELECT * FROM `" + this.name + "`.`" + table + "`");
				}
				statement.execute("SET FOREIGN_KEY_CHECKS = 1");
			}
			catch (SQLException | RuntimeException ex) {
				copy.close();
				throw new IllegalStateException("Cannot copy the migrated MariaDB template", ex);
			}
			return copy;
		}

		private List<String> tables(Statement statement) throws SQLException {
			List<String> tables = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("SHOW FULL TABLES FROM `" + this.name + "` WHERE Table_type = 'BASE TABLE'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			return tables;
		}

		private String createStatement(Statement statement, String table) throws SQLException {
			try (ResultSet row = statement.executeQuery("SHOW CREATE TABLE `" + this.name + "`.`" + table + "`")) {
				row.next();
				return row.getString(2);
			}
		}

	}

}
