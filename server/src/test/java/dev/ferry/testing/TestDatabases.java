package dev.ferry.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrated databases for repository tests: a SQLite file, or a fresh database on the real
 * PostgreSQL that {@code bin/test-services} starts (one per call, dropped on close).
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	/** A migrated SQLite database in {@code directory}, opened as the server opens it. */
	public static HikariDataSource sqlite(Path directory) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:sqlite:" + directory.resolve("ferry.db").toAbsolutePath()
				+ "?journal_mode=WAL&busy_timeout=15000&transaction_mode=IMMEDIATE&foreign_keys=true");
		config.setMaximumPoolSize(2);
		return migrate(new HikariDataSource(config), "sqlite");
	}

	/**
	 * A migrated, freshly created PostgreSQL database. Fails (never skips) when the test
	 * services are not running.
	 */
	public static Postgres postgres() {
		String url = System.getenv("FERRY_TEST_PG_URL");
		String user = System.getenv("FERRY_TEST_PG_USER");
		if (url == null || url.isBlank()) {
			throw new AssertionError("FERRY_TEST_PG_URL is not set: run the tests with bin/test, or first "
					+ "eval \"$(bin/test-services)\" to start PostgreSQL.");
		}
		String name = "ferry_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(url, user, "CREATE DATABASE " + name);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url.substring(0, url.lastIndexOf('/') + 1) + name);
		config.setUsername(user);
		config.setMaximumPoolSize(2);
		return new Postgres(migrate(new HikariDataSource(config), "postgresql"), url, user, name);
	}

	private static HikariDataSource migrate(HikariDataSource dataSource, String vendor) {
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor).load().migrate();
		return dataSource;
	}

	private static void execute(String url, String user, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new AssertionError("PostgreSQL at " + url + " refused: " + sql, ex);
		}
	}

	/** A throw-away PostgreSQL database; closing drops it. */
	public record Postgres(HikariDataSource dataSource, String adminUrl, String user,
			String name) implements AutoCloseable {

		public DataSource source() {
			return dataSource;
		}

		@Override
		public void close() {
			dataSource.close();
			execute(adminUrl, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}

	}

}
