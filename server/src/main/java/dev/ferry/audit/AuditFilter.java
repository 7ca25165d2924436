package dev.ferry.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which audit records a query or export selects; {@code null} fields do not filter. When
 * {@code actionPrefix} is set, {@code action} matches every action starting with it
 * ({@code auth.*} becomes the prefix {@code auth.}). {@code from} is inclusive,
 * {@code to} exclusive.
 */
record AuditFilter(Instant from, Instant to, String actorId, String action, boolean actionPrefix, String objectId,
		String objectType, String outcome) {

	static final AuditFilter NONE = new AuditFilter(null, null, null, null, false, null, null, null);

	AuditFilter withActor(String id) {
		return new AuditFilter(from, to, id, action, actionPrefix, objectId, objectType, outcome);
	}

	/** The filter as it should appear in the details of the audit record of a query. */
	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		put(described, "from", from);
		put(described, "to", to);
		put(described, "actor", actorId);
		put(described, "action", (action != null && actionPrefix) ? action + "*" : action);
		put(described, "object", objectId);
		put(described, "object_type", objectType);
		put(described, "outcome", outcome);
		return described;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value.toString());
		}
	}

}
