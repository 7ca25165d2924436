package dev.ferry.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit record as the API and the NDJSON export show it. Every field is always
 * present (null when unknown), so consumers see one stable shape.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record AuditItem(String id, long seq, String time, Actor actor, String action, ObjectRef object, String outcome,
		String ip, String userAgent, String requestId, JsonNode details, String hash) {

	static AuditItem of(AuditRecord record, JsonMapper json) {
		return new AuditItem(record.id(), record.seq(), Instant.ofEpochMilli(record.occurredAt()).toString(),
				new Actor(record.actorType(), record.actorId(), record.actorLabel()), record.action(),
				new ObjectRef(record.objectType(), record.objectId()), record.outcome(), record.ip(),
				record.userAgent(), record.requestId(), details(record.details(), json), record.hash());
	}

	/**
	 * This record as a data subject who did not act in it may see it: who acted, from
	 * which address and with which software are someone else's personal data (GDPR Art.
	 * 15(4)), so only the kind of actor stays.
	 */
	AuditItem withoutTheActor() {
		return new AuditItem(id, seq, time, new Actor(actor.type(), null, null), action, object, outcome, null, null,
				requestId, details, hash);
	}

	/**
	 * Details are written as a JSON object; a row altered in the database may hold
	 * anything, which is then shown as text under {@code unparsed} rather than failing
	 * the whole listing (verification reports the row).
	 */
	private static JsonNode details(String text, JsonMapper json) {
		if (text == null) {
			return json.createObjectNode();
		}
		try {
			JsonNode node = json.readTree(text);
			if (node != null && node.isObject()) {
				return node;
			}
		}
		catch (JacksonException ex) {
			// falls through to the wrapped text
		}
		return json.createObjectNode().put("unparsed", text);
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record Actor(String type, String id, String label) {
	}

	@JsonInclude(JsonInclude.Include.ALWAYS)
	record ObjectRef(String type, String id) {
	}

}
