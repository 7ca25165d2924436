package dev.ferry.crypto;

import java.util.List;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registers a database column of sealed values whose context is a fixed prefix plus the
 * row's key, with a re-seal that walks the table by key in batches (memory stays flat)
 * and replaces a value only if it is still the one read, so a row rewritten meanwhile is
 * never clobbered. Rows whose column is {@code NULL} are skipped.
 */
public final class SealedTable {

	private static final Logger log = LoggerFactory.getLogger(SealedTable.class);

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

	private static final int BATCH = 500;

	private SealedTable() {
	}

	/**
	 * Registers {@code table.column} (keyed by the text column {@code key}, values sealed
	 * with context {@code contextPrefix + key}) and answers its handle.
	 */
	public static SealedColumn register(KeyEncryptionKey kek, JdbcClient jdbc, String table, String key, String column,
			String contextPrefix) {
		for (String identifier : List.of(table, key, column)) {
			if (!IDENTIFIER.matcher(identifier).matches()) {
				throw new IllegalArgumentException("Not an SQL identifier: " + identifier);
			}
		}
		Walker walker = new Walker(jdbc, table, key, column, contextPrefix);
		SealedColumn sealed = kek.register(table + "." + column, walker);
		walker.column = sealed;
		return sealed;
	}

	private static final class Walker implements SealedValues {

		private final JdbcClient jdbc;

		private final String select;

		private final String update;

		private final String contextPrefix;

		private final String name;

		private SealedColumn column;

		Walker(JdbcClient jdbc, String table, String key, String column, String contextPrefix) {
			this.jdbc = jdbc;
			this.name = table + "." + column;
			this.select = "SELECT " + key + ", " + column + " FROM " + table + " WHERE " + key + " > ? AND " + column
					+ " IS NOT NULL ORDER BY " + key + " LIMIT " + BATCH;
			this.update = "UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ? AND " + column + " = ?";
			this.contextPrefix = contextPrefix;
		}

		@Override
		public Resealed resealAll() {
			long resealed = 0;
			long unreadable = 0;
			String after = "";
			for (List<Row> batch = batchAfter(after); !batch.isEmpty(); batch = batchAfter(after)) {
				for (Row row : batch) {
					if (column.sealedByPrimary(row.sealed())) {
						continue;
					}
					try {
						byte[] fresh = column.reseal(row.sealed(), contextPrefix + row.key());
						resealed += jdbc.sql(update).params(fresh, row.key(), row.sealed()).update();
					}
					catch (CryptoException ex) {
						log.warn("Cannot re-seal {} of row {}: the value does not open ({})", name, row.key(),
								ex.getMessage());
						unreadable++;
					}
				}
				after = batch.get(batch.size() - 1).key();
			}
			return new Resealed(resealed, unreadable);
		}

		private List<Row> batchAfter(String after) {
			return jdbc.sql(select).param(after).query((rs, i) -> new Row(rs.getString(1), rs.getBytes(2))).list();
		}

	}

	private record Row(String key, byte[] sealed) {
	}

}
