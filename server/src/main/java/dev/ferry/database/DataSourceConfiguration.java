package dev.ferry.database;

import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ferry.FerryProperties;
import dev.ferry.SqlDialect;
import dev.ferry.ops.DataDirectory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one place that decides which database Ferry talks to: the embedded SQLite file
 * under the data directory, or {@code FERRY_DB_URL}.
 */
@Configuration(proxyBeanMethods = false)
class DataSourceConfiguration {

	@Bean
	DataSource dataSource(FerryProperties properties, DataDirectory dataDirectory,
			@Value("${ferry.db.connect-timeout:3s}") Duration connectTimeout) {
		HikariConfig config = new HikariConfig();
		FerryProperties.Db db = properties.db();
		if (db.url() == null || db.url().isBlank()) {
			// IMMEDIATE transactions take the write lock up front, so two writers wait on
			// busy_timeout instead of failing with SQLITE_BUSY on lock upgrade.
			// secure_delete zeroes deleted content, so a destroyed data key does not
			// linger in free pages.
			config.setJdbcUrl("jdbc:sqlite:" + dataDirectory.path().resolve("ferry.db")
					+ "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=15000&transaction_mode=IMMEDIATE"
					+ "&foreign_keys=true&date_class=INTEGER&secure_delete=true");
			config.setMaximumPoolSize(8);
		}
		else {
			config.setJdbcUrl(db.url());
			config.setUsername(db.username());
			config.setPassword(db.password());
			if (db.url().startsWith("jdbc:mariadb:") || db.url().startsWith("jdbc:mysql:")) {
				config.setConnectionInitSql(SqlDialect.MARIADB_SESSION);
			}
			config.setMaximumPoolSize(16);
			// While the database is down a request waits this long for a connection, then
			// answers 503: a short wait keeps threads from piling up behind a dead
			// server.
			config.setConnectionTimeout(connectTimeout.toMillis());
		}
		config.setPoolName("ferry-db");
		return new HikariDataSource(config);
	}

	@Bean
	SqlDialect sqlDialect(DataSource dataSource) {
		return SqlDialect.of(dataSource);
	}

}
