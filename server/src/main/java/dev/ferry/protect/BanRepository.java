package dev.ferry.protect;

import dev.ferry.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code defender_bans} table, so bans survive restarts. */
@Repository
class BanRepository {

	private static final String COLUMNS = "address, reason, strikes, banned_at, banned_until";

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	BanRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	Optional<Ban> find(String address) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM defender_bans WHERE address = ?")
			.param(address)
			.query(BanRepository::map)
			.optional();
	}

	void save(Ban ban) {
		jdbc.sql(dialect.upsert("INSERT INTO defender_bans (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?)",
				new String[] { "address" }, "reason", "strikes", "banned_at", "banned_until"))
			.params(ban.address(), ban.reason(), ban.strikes(), ban.bannedAt().toEpochMilli(),
					ban.until().toEpochMilli())
			.update();
	}

	List<Ban> activeAt(Instant now) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM defender_bans WHERE banned_until > ? ORDER BY banned_at DESC")
			.param(now.toEpochMilli())
			.query(BanRepository::map)
			.list();
	}

	boolean delete(String address) {
		return jdbc.sql("DELETE FROM defender_bans WHERE address = ?").param(address).update() == 1;
	}

	private static Ban map(ResultSet rs, int row) throws SQLException {
		return new Ban(rs.getString(1), rs.getString(2), rs.getInt(3), Instant.ofEpochMilli(rs.getLong(4)),
				Instant.ofEpochMilli(rs.getLong(5)));
	}

}
