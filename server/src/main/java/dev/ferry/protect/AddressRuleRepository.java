package dev.ferry.protect;

import dev.ferry.SqlDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code address_rules} table. */
@Repository
class AddressRuleRepository {

	private final JdbcClient jdbc;

	private final SqlDialect dialect;

	AddressRuleRepository(JdbcClient jdbc, SqlDialect dialect) {
		this.jdbc = jdbc;
		this.dialect = dialect;
	}

	List<AddressRule> all() {
		return jdbc.sql("SELECT id, network, kind, note, created_at FROM address_rules ORDER BY created_at, id")
			.query(AddressRuleRepository::map)
			.list();
	}

	/** False when a rule for the same network exists. */
	boolean insert(AddressRule rule) {
		return jdbc
			.sql(dialect.insertIfAbsent(
					"INSERT INTO address_rules (id, network, kind, note, created_at) VALUES (?, ?, ?, ?, ?)",
					"network"))
			.params(rule.id().toString(), rule.network().text(), rule.kind().name().toLowerCase(Locale.ROOT),
					rule.note(), rule.createdAt().toEpochMilli())
			.update() == 1;
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM address_rules WHERE id = ?").param(id.toString()).update() == 1;
	}

	private static AddressRule map(ResultSet rs, int row) throws SQLException {
		return new AddressRule(UUID.fromString(rs.getString(1)), Cidr.parse(rs.getString(2)).orElseThrow(),
				AddressRule.Kind.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getString(4),
				Instant.ofEpochMilli(rs.getLong(5)));
	}

}
