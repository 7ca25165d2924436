package dev.ferry.audit;

import java.util.Map;

/**
 * Published once an audit record is durable (after its transaction commits), so modules
 * that watch for patterns across the trail (protect's suspicious-activity rules) see
 * every entry point alike without each caller telling them. {@code ip} is the request's
 * client address, null outside a request.
 */
public record AuditRecorded(String action, Outcome outcome, String actorType, String actorId, String actorLabel,
		String objectType, String objectId, String ip, Map<String, Object> details) {

	public AuditRecorded {
		details = (details != null) ? Map.copyOf(details) : Map.of();
	}

}
