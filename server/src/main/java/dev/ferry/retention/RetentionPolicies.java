package dev.ferry.retention;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RetentionPolicies {

	private final JdbcClient jdbc;

	RetentionPolicies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Days each limited category keeps; categories without a policy keep forever. */
	Map<RetentionCategory, Integer> all() {
		Map<RetentionCategory, Integer> policies = new EnumMap<>(RetentionCategory.class);
		jdbc.sql("SELECT category, max_age_days FROM retention_policies")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list()
			.forEach((e) -> RetentionCategory.named(e.getKey()).ifPresent((c) -> policies.put(c, e.getValue())));
		return policies;
	}

	void replace(Map<RetentionCategory, Integer> policies, Instant now) {
		jdbc.sql("DELETE FROM retention_policies").update();
		policies.forEach((category, days) -> jdbc
			.sql("INSERT INTO retention_policies (category, max_age_days, updated_at) VALUES (?, ?, ?)")
			.params(category.apiName(), days, now.toEpochMilli())
			.update());
	}

}
