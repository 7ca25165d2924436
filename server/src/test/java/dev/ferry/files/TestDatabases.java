package dev.ferry.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fresh migrated databases for this module's repository tests: a new SQLite file, or a
 * new database on the PostgreSQL that {@code bin/test-services} starts (fails, never
 * skips, without it). A stand-in until the shared {@code dev.ferry.testing.Databases}
 * fixture lands on main.
 */
final class TestDatabases {

	private TestDatabases() {
	}

	enum Vendor {

		SQLITE, POSTGRESQL

	}

	static Fresh migrated(Vendor vendor) {
		Fresh fresh = (vendor == Vendor.SQLITE) ? sqlite() : postgres();
		Flyway.configure()
			.dataSource(fresh.dataSource())
			.locations("classpath:db/migration/" + vendor.name().toLowerCase(Locale.ROOT))
			.load()
			.migrate();
		return fresh;
	}

	private static Fresh sqlite() {
		try {
			Path dir = Files.createTempDirectory("ferry-files-db-");
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("ferry.db") + "?journal_mode=WAL&busy_timeout=15000"
					+ "&transaction_mode=IMMEDIATE&foreign_keys=true&date_class=INTEGER");
			return new Fresh(new HikariDataSource(config), () -> {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Fresh postgres() {
		String url = System.getenv("FERRY_TEST_PG_URL");
		String user = System.getenv("FERRY_TEST_PG_USER");
		if (url == null || url.isBlank() || user == null) {
			throw new IllegalStateException("FERRY_TEST_PG_URL is not set: this test needs the real PostgreSQL. "
					+ "Run bin/test, or eval \"$(bin/test-services)\" before mvn.");
		}
		String name = "ferry_files_" + UUID.randomUUID().toString().replace("-", "");
		execute(url, user, "CREATE DATABASE " + name);
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url.substring(0, url.lastIndexOf('/') + 1) + name);
		config.setUsername(user);
		return new Fresh(new HikariDataSource(config),
				() -> execute(url, user, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
	}

	private static void execute(String url, String user, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, null);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Fresh(HikariDataSource dataSource, Runnable drop) implements AutoCloseable {

		JdbcClient jdbc() {
			return JdbcClient.create(dataSource);
		}

		@Override
		public void close() {
			dataSource.close();
			drop.run();
		}

	}

}
