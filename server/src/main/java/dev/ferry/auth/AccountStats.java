package dev.ferry.auth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Read-only figures about accounts for the admin dashboard, so other modules never read
 * the {@code users} table themselves. Callers check that the caller is an admin.
 */
@Component
public class AccountStats {

	private final JdbcClient jdbc;

	public AccountStats(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Number of accounts per status name ({@code ACTIVE}, {@code SUSPENDED}). */
	public Map<String, Long> countsByStatus() {
		Map<String, Long> counts = new HashMap<>();
		jdbc.sql("SELECT status, COUNT(*) FROM users GROUP BY status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	/** Every account, by email; a dashboard lists them with their storage. */
	public List<AccountSummary> summaries() {
		return jdbc.sql("SELECT id, email, name, role, quota_bytes FROM users ORDER BY email")
			.query((rs, i) -> new AccountSummary(rs.getString(1), rs.getString(2), rs.getString(3),
					Role.valueOf(rs.getString(4)), nullableLong(rs, 5)))
			.list();
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	/** {@code ownQuota} is the account's own quota in bytes, null for the role's. */
	public record AccountSummary(String id, String email, String name, Role role, Long ownQuota) {
	}

}
