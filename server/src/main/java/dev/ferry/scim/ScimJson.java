package dev.ferry.scim;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.ferry.Names;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The SCIM wire format. Bodies are read as JSON trees and written as maps because SCIM
 * names its attributes in camelCase and matches them ignoring case, unlike the rest of
 * the API (snake_case records).
 */
final class ScimJson {

	static final MediaType MEDIA_TYPE = MediaType.parseMediaType("application/scim+json");

	static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";

	static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

	static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

	static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

	static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

	private ScimJson() {
	}

	/**
	 * The attribute {@code name} of {@code node}, matched ignoring case; null if absent.
	 */
	static JsonNode attribute(JsonNode node, String name) {
		if (node == null || !node.isObject()) {
			return null;
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			if (entry.getKey().equalsIgnoreCase(name)) {
				return entry.getValue().isNull() ? null : entry.getValue();
			}
		}
		return null;
	}

	/** A string attribute; null when absent, a 400 when not a string. */
	static String string(JsonNode node, String name) {
		JsonNode value = attribute(node, name);
		if (value == null) {
			return null;
		}
		if (!value.isString()) {
			throw ScimException.invalidValue(name + " must be a string.");
		}
		return value.stringValue();
	}

	/**
	 * A provider's id for a resource, checked: at most 255 characters and no control
	 * character (PostgreSQL refuses NUL with an error, not a 400).
	 */
	static String externalId(String externalId) {
		if (externalId != null && externalId.length() > 255) {
			throw ScimException.invalidValue("externalId must be at most 255 characters.");
		}
		Names.flaw(externalId).ifPresent((flaw) -> {
			throw ScimException.invalidValue("externalId " + flaw + ".");
		});
		return externalId;
	}

	/**
	 * A boolean, also as the strings {@code "True"}/{@code "False"} that Entra ID sends
	 * in PATCH operations.
	 */
	static Boolean bool(JsonNode value, String name) {
		if (value == null) {
			return null;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isString()) {
			String text = value.stringValue().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("false")) {
				return Boolean.valueOf(text);
			}
		}
		throw ScimException.invalidValue(name + " must be true or false.");
	}

	static Map<String, Object> meta(String type, Instant created, Instant modified, String location) {
		Map<String, Object> meta = new LinkedHashMap<>();
		meta.put("resourceType", type);
		meta.put("created", created.toString());
		meta.put("lastModified", modified.toString());
		meta.put("location", location);
		return meta;
	}

	static Map<String, Object> listResponse(List<?> resources, long total, int startIndex) {
		Map<String, Object> list = new LinkedHashMap<>();
		list.put("schemas", List.of(LIST));
		list.put("totalResults", total);
		list.put("startIndex", startIndex);
		list.put("itemsPerPage", resources.size());
		list.put("Resources", resources);
		return list;
	}

	static Map<String, Object> error(HttpStatus status, String scimType, String detail) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("schemas", List.of(ERROR));
		error.put("status", String.valueOf(status.value()));
		if (scimType != null) {
			error.put("scimType", scimType);
		}
		error.put("detail", detail);
		return error;
	}

	static ResponseEntity<Object> respond(HttpStatus status, Object body) {
		return ResponseEntity.status(status).contentType(MEDIA_TYPE).body(body);
	}

}
