package dev.ferry.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing that happened. {@code action} is a stable dotted name such as
 * {@code auth.login}; {@code details} must never hold a secret (password, token, key).
 */
public record AuditEvent(String action, Outcome outcome, String objectType, String objectId,
		Map<String, Object> details, AuditActor actor) {

	public AuditEvent {
		details = (details == null) ? Map.of() : Map.copyOf(details);
	}

	public static AuditEvent success(String action) {
		return new AuditEvent(action, Outcome.SUCCESS, null, null, null, null);
	}

	public static AuditEvent failure(String action) {
		return new AuditEvent(action, Outcome.FAILURE, null, null, null, null);
	}

	public static AuditEvent denied(String action) {
		return new AuditEvent(action, Outcome.DENIED, null, null, null, null);
	}

	public AuditEvent object(String type, Object id) {
		return new AuditEvent(action, outcome, type, (id != null) ? id.toString() : null, details, actor);
	}

	public AuditEvent detail(String key, Object value) {
		Map<String, Object> merged = new LinkedHashMap<>(details);
		if (value != null) {
			merged.put(key, value);
		}
		return new AuditEvent(action, outcome, objectType, objectId, merged, actor);
	}

	public AuditEvent by(AuditActor who) {
		return new AuditEvent(action, outcome, objectType, objectId, details, who);
	}

}
