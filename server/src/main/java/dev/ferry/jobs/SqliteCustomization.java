package dev.ferry.jobs;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/**
 * SQLite for db-scheduler 16.7, which does not know it: timestamps bound and read in UTC
 * (the driver stores them as epoch milliseconds), {@code LIMIT} instead of
 * {@code FETCH FIRST}. Only fetch-then-claim polling, as SQLite has no {@code SKIP
 * LOCKED}.
 */
class SqliteCustomization extends DefaultJdbcCustomization {

	SqliteCustomization() {
		super(true);
	}

	@Override
	public String getQueryLimitPart(int limit) {
		return " LIMIT " + limit;
	}

	@Override
	public String getName() {
		return "SQLite";
	}

}
