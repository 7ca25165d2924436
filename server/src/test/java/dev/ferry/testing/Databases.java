package dev.ferry.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.SqlDialect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fresh, empty databases of every vendor Ferry supports, for repository and migration
 * tests that must prove their SQL runs on each of them.
 *
 * <pre>
 * &#64;ParameterizedTest
 * &#64;EnumSource(Databases.Vendor.class)
 * void storesThings(Databases.Vendor vendor) {
 *     try (Databases.Fresh db = Databases.migrated(vendor)) {
 *         new ThingRepository(db.jdbc()).insert(...);
 *     }
 * }
 * </pre>
 *
 * SQLite is a new file in a temporary directory with the same connection settings as the
 * server; PostgreSQL and MariaDB are a new database (random name) on the servers named by
 * {@code FERRY_TEST_PG_URL} / {@code FERRY_TEST_PG_USER} and
 * {@code FERRY_TEST_MARIADB_URL} / {@code FERRY_TEST_MARIADB_USER}, which
 * {@code bin/test} (or {@code eval "$(bin/test-services)"}) starts. Without them such a
 * test fails; it never skips. {@link Fresh#close()} removes the database again.
 */
public final class Databases {

	private Databases() {
	}

	/** The supported vendors, named as in {@code db/migration/<vendor>}. */
	public enum Vendor {

		SQLITE, POSTGRESQL, MARIADB;

		/** The Flyway location of this vendor's migrations. */
		public String migrations() {
			return "classpath:db/migration/" + name().toLowerCase(Locale.ROOT);
		}

	}

	/** A fresh empty database of {@code vendor}, without any migration applied. */
	public static Fresh empty(Vendor vendor) {
		return switch (vendor) {
			case SQLITE -> sqlite(null);
			case POSTGRESQL -> postgres(null);
			case MARIADB -> mariadb();
		};
	}

	/**
	 * A fresh database of {@code vendor} with every Ferry migration applied: a copy of
	 * one migrated once per JVM ({@link MigratedTemplates}).
	 */
	public static Fresh migrated(Vendor vendor) {
		return MigratedTemplates.copy(vendor);
	}

	/**
	 * Creates an empty PostgreSQL database and returns its JDBC URL, for tests that boot
	 * the whole server on PostgreSQL ({@code ferry.db.url}); the user is
	 * {@link #postgresUser()}.
	 */
	public static String createPostgresDatabase() {
		return createPostgresDatabase(null);
	}

	/** An empty database, or with {@code template} a copy of that database. */
	private static String createPostgresDatabase(String template) {
		String name = "ferry_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(postgresUrl(), "CREATE DATABASE " + name + ((template != null) ? " TEMPLATE " + template : ""));
		return withDatabase(postgresUrl(), name);
	}

	/**
	 * Drops a database made by {@link #createPostgresDatabase()}, closing any connection
	 * still open to it.
	 */
	public static void dropPostgresDatabase(String url) {
		String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		execute(postgresUrl(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
	}

	public static String postgresUser() {
		return requiredEnv("FERRY_TEST_PG_USER", "PostgreSQL");
	}

	/** A new SQLite database: empty, or a copy of the file {@code from}. */
	static Fresh sqlite(Path from) {
		try {
			Path dir = Files.createTempDirectory("ferry-db-");
			if (from != null) {
				Files.copy(from, dir.resolve("ferry.db"));
			}
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("ferry.db") + "?journal_mode=WAL&synchronous=NORMAL"
					+ "&busy_timeout=15000&transaction_mode=IMMEDIATE&foreign_keys=true&date_class=INTEGER");
			config.setMaximumPoolSize(8);
			return new Fresh(Vendor.SQLITE, new HikariDataSource(config), () -> deleteTree(dir));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file of a SQLite database made by {@link #sqlite}. */
	static Path sqliteFile(Fresh sqlite) {
		String url = sqlite.dataSource().getJdbcUrl();
		return Path.of(url.substring("jdbc:sqlite:".length(), url.indexOf('?')));
	}

	/** A new PostgreSQL database: empty, or a copy of the database {@code template}. */
	static Fresh postgres(String template) {
		String url = createPostgresDatabase(template);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(postgresUser());
		config.setMaximumPoolSize(8);
		return new Fresh(Vendor.POSTGRESQL, new HikariDataSource(config), () -> dropPostgresDatabase(url));
	}

	/**
	 * Creates an empty MariaDB database on the server named by
	 * {@code FERRY_TEST_MARIADB_URL} and returns its JDBC URL; the user is
	 * {@link #mariadbUser()}.
	 */
	public static String createMariadbDatabase() {
		String name = "ferry_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(mariadbUrl(), mariadbUser(), "CREATE DATABASE " + name);
		return withDatabase(mariadbUrl(), name);
	}

	public static void dropMariadbDatabase(String url) {
		String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
		execute(mariadbUrl(), mariadbUser(), "DROP DATABASE IF EXISTS " + name);
	}

	public static String mariadbUser() {
		return requiredEnv("FERRY_TEST_MARIADB_USER", "MariaDB");
	}

	private static Fresh mariadb() {
		String url = createMariadbDatabase();
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(mariadbUser());
		config.setConnectionInitSql(SqlDialect.MARIADB_SESSION);
		config.setMaximumPoolSize(8);
		return new Fresh(Vendor.MARIADB, new HikariDataSource(config), () -> dropMariadbDatabase(url));
	}

	private static String mariadbUrl() {
		return requiredEnv("FERRY_TEST_MARIADB_URL", "MariaDB");
	}

	private static String postgresUrl() {
		return requiredEnv("FERRY_TEST_PG_URL", "PostgreSQL");
	}

	private static String requiredEnv(String name, String server) {
		String value = System.getenv(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(name + " is not set: this test needs the real " + server + " that bin/test "
					+ "starts. Run bin/test, or eval \"$(bin/test-services)\" before mvn.");
		}
		return value;
	}

	/** The URL with its database name replaced, keeping host, port and parameters. */
	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query >= 0) ? url.substring(0, query) : url;
		String params = (query >= 0) ? url.substring(query) : "";
		return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
	}

	private static void execute(String url, String sql) {
		execute(url, postgresUser(), sql);
	}

	private static void execute(String url, String user, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database at " + url + " refused: " + sql, ex);
		}
	}

	private static void deleteTree(Path dir) {
		try (var paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One fresh database: its vendor, a pooled {@link DataSource}, and helpers to talk to
	 * it. Close it to release the pool and drop the database.
	 */
	public record Fresh(Vendor vendor, HikariDataSource dataSource, Runnable dropper) implements AutoCloseable {

		public JdbcClient jdbc() {
			return JdbcClient.create(dataSource);
		}

		/** The SQL dialect the server would pick for this database. */
		public SqlDialect dialect() {
			return SqlDialect.of(SqlDialect.Vendor.valueOf(vendor.name()));
		}

		/**
		 * Runs work in transactions on this database, as {@code @Transactional} would.
		 */
		public TransactionTemplate transactions() {
			return new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		}

		@Override
		public void close() {
			dataSource.close();
			dropper.run();
		}

	}

}
