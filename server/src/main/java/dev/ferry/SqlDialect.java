package dev.ferry;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

/**
 * The one place where the SQL of the three supported databases differs. Repositories
 * write portable SQL and ask this for what has no common syntax: insert-unless-present,
 * insert-or-update and finding a substring. SQLite and PostgreSQL share
 * {@code ON CONFLICT}; MariaDB/MySQL use {@code INSERT IGNORE} (a duplicate inserts
 * nothing and counts 0 rows) and {@code ON DUPLICATE KEY UPDATE}. SQLite lacks the
 * standard {@code POSITION}.
 */
public final class SqlDialect {

	/**
	 * Run on every MariaDB/MySQL connection: standard SQL's {@code ||} concatenation,
	 * double-quoted identifiers and backslashes that are plain characters in string
	 * literals, as on the other two databases.
	 */
	public static final String MARIADB_SESSION = "SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, "
			+ "',PIPES_AS_CONCAT,ANSI_QUOTES,NO_BACKSLASH_ESCAPES,STRICT_TRANS_TABLES')";

	private final Vendor vendor;

	private SqlDialect(Vendor vendor) {
		this.vendor = vendor;
	}

	public static SqlDialect of(Vendor vendor) {
		return new SqlDialect(vendor);
	}

	/** The dialect of the database behind {@code dataSource}, from its JDBC metadata. */
	public static SqlDialect of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
			if (product.contains("sqlite")) {
				return of(Vendor.SQLITE);
			}
			if (product.contains("postgres")) {
				return of(Vendor.POSTGRESQL);
			}
			if (product.contains("mariadb") || product.contains("mysql")) {
				return of(Vendor.MARIADB);
			}
			throw new IllegalStateException("Unsupported database: " + product);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot tell which database FERRY_DB_URL names", ex);
		}
	}

	public Vendor vendor() {
		return vendor;
	}

	/**
	 * What a {@code SELECT} ends with to read the rows committed last, inside a
	 * transaction that read before: MariaDB's REPEATABLE READ otherwise answers from the
	 * transaction's first snapshot (a locking read sees the latest); PostgreSQL's READ
	 * COMMITTED and SQLite's single writer need nothing.
	 */
	public String latestCommitted() {
		return (vendor == Vendor.MARIADB) ? " FOR UPDATE" : "";
	}

	/**
	 * What a {@code SELECT} ends with to read the latest committed rows and keep others
	 * from changing them until the transaction ends, while letting them be read and
	 * referenced (a foreign key's check takes the same shared lock, so inserting a row
	 * that points at a held one does not wait). SQLite's IMMEDIATE transactions hold the
	 * database's write lock from their start and need nothing.
	 */
	public String lockShared() {
		return switch (vendor) {
			case POSTGRESQL -> " FOR SHARE";
			case MARIADB -> " LOCK IN SHARE MODE";
			case SQLITE -> "";
		};
	}

	/**
	 * {@code insert} ({@code INSERT INTO t (...) VALUES (...)}) that inserts nothing, and
	 * reports 0 rows, when a row with the same {@code key} columns exists.
	 */
	public String insertIfAbsent(String insert, String... key) {
		if (vendor == Vendor.MARIADB) {
			return "INSERT IGNORE " + afterInsert(insert);
		}
		return insert + " ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
	}

	/**
	 * {@code insert} that, when a row with the same {@code key} columns exists, sets its
	 * {@code updated} columns to the values the insert carried instead.
	 */
	public String upsert(String insert, String[] key, String... updated) {
		if (vendor == Vendor.MARIADB) {
			return insert + " ON DUPLICATE KEY UPDATE " + assignments(updated, "VALUES(%s)");
		}
		return insert + " ON CONFLICT (" + String.join(", ", key) + ") DO UPDATE SET "
				+ assignments(updated, "excluded.%s");
	}

	/**
	 * Where {@code needle} first occurs in {@code haystack}, in characters from 1; 0 when
	 * it does not. Both arguments are SQL expressions.
	 */
	public String position(String needle, String haystack) {
		if (vendor == Vendor.SQLITE) {
			return "INSTR(" + haystack + ", " + needle + ")";
		}
		return "POSITION(" + needle + " IN " + haystack + ")";
	}

	private static String afterInsert(String insert) {
		String trimmed = insert.stripLeading();
		if (!trimmed.regionMatches(true, 0, "INSERT ", 0, 7)) {
			throw new IllegalArgumentException("Not an INSERT: " + insert);
		}
		return trimmed.substring(7);
	}

	private static String assignments(String[] columns, String valueFormat) {
		return Arrays.stream(columns)
			.map((column) -> column + " = " + valueFormat.formatted(column))
			.collect(Collectors.joining(", "));
	}

	/** The supported databases, named as in {@code db/migration/<vendor>}. */
	public enum Vendor {

		SQLITE, POSTGRESQL, MARIADB

	}

}
