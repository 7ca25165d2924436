package dev.ferry.testing;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What the audit trail holds about one object, read straight from its table. */
public final class AuditRows {

	private AuditRows() {
	}

	/** {@code action:outcome} of every record about {@code objectId}, oldest first. */
	public static List<String> actions(JdbcClient jdbc, String objectId) {
		return jdbc.sql("SELECT action || ':' || outcome FROM audit_log WHERE object_id = ? ORDER BY seq")
			.param(objectId)
			.query(String.class)
			.list();
	}

}
