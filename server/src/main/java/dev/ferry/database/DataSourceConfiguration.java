package dev.ferry.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.FerryProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that decides which database Ferry talks to: the embedded SQLite file
 * under the data directory, or {@code FERRY_DB_URL}.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean
	DataSource dataSource(FerryProperties properties) {
		HikariConfig config = new HikariConfig();
		FerryProperties.Db db = properties.db();
		if (db.url() == null || db.url().isBlank()) {
			createDataDirectory(properties);
			// IMMEDIATE transactions take the write lock up front, so two writers wait on
			// busy_timeout instead of failing with SQLITE_BUSY on lock upgrade.
			// secure_delete
			// zeroes deleted content, so a destroyed data key does not linger in free
			// pages.
			config.setJdbcUrl("jdbc:sqlite:" + properties.dataDir().resolve("ferry.db").toAbsolutePath()
					+ "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=15000&transaction_mode=IMMEDIATE"
					+ "&foreign_keys=true&date_class=INTEGER&secure_delete=true");
			config.setMaximumPoolSize(8);
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.username());
			config.setPassword(db.password());
			config.setMaximumPoolSize(16);
		}
		config.setPoolName("ferry-db");
		return new HikariDataSource(config);
	}

	private static void createDataDirectory(FerryProperties properties) {
		try {
			Files.createDirectories(properties.dataDir());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create data directory " + properties.dataDir(), ex);
		}
	}

}
