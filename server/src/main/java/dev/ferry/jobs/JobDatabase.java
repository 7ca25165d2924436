package dev.ferry.jobs;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization;
import dev.ferry.SqlDialect;

/**
 * The database the jobs live in and how db-scheduler talks to it: its own dialects for
 * PostgreSQL and MariaDB, ours for SQLite.
 */
record JobDatabase(DataSource dataSource, JdbcCustomization customization) {

	static JobDatabase of(DataSource dataSource, SqlDialect dialect) {
		JdbcCustomization customization = (dialect.vendor() == SqlDialect.Vendor.SQLITE) ? new SqliteCustomization()
				: new AutodetectJdbcCustomization(dataSource);
		return new JobDatabase(dataSource, customization);
	}

}
