package dev.ferry.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import tools.jackson.databind.JsonNode;

/**
 * A PATCH request (RFC 7644 section 3.5.2): operations {@code add}, {@code replace} and
 * {@code remove}, matched ignoring case as Entra ID sends them capitalised.
 */
record ScimPatch(List<Operation> operations) {

	static ScimPatch of(JsonNode body) {
		JsonNode operations = ScimJson.attribute(body, "Operations");
		if (operations == null || !operations.isArray() || operations.isEmpty()) {
			throw ScimException.invalidValue("Operations must be a non-empty list of PatchOp operations.");
		}
		List<Operation> parsed = new ArrayList<>();
		for (JsonNode operation : operations.values()) {
			String op = ScimJson.string(operation, "op");
			String kind = (op != null) ? op.toLowerCase(Locale.ROOT) : "";
			if (!List.of("add", "replace", "remove").contains(kind)) {
				throw ScimException.invalidValue("op must be add, replace or remove.");
			}
			String path = withoutCoreSchema(ScimJson.string(operation, "path"));
			JsonNode value = ScimJson.attribute(operation, "value");
			if (path == null && (kind.equals("remove") || value == null || !value.isObject())) {
				throw ScimException
					.invalidPath("An operation without a path needs an object value, and remove a path.");
			}
			parsed.add(new Operation(kind, path, value));
		}
		return new ScimPatch(parsed);
	}

	/**
	 * The attribute a path names: RFC 7644 allows a core attribute with its schema in
	 * front ({@code urn:ietf:params:scim:schemas:core:2.0:User:active}), the same as
	 * {@code active}.
	 */
	private static String withoutCoreSchema(String path) {
		if (path == null) {
			return null;
		}
		for (String schema : new String[] { ScimJson.USER, ScimJson.GROUP }) {
			if (path.regionMatches(true, 0, schema + ":", 0, schema.length() + 1)) {
				return path.substring(schema.length() + 1);
			}
		}
		return path;
	}

	/**
	 * Applies the operations in order through {@code set} (a path and its new value, null
	 * to remove); an operation without a path sets each attribute of its value.
	 */
	void apply(BiConsumer<String, JsonNode> set) {
		for (Operation operation : operations) {
			if (operation.path() == null) {
				for (Map.Entry<String, JsonNode> entry : operation.value().properties()) {
					set.accept(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue());
				}
			}
			else {
				set.accept(operation.path(), operation.op().equals("remove") ? null : operation.value());
			}
		}
	}

	record Operation(String op, String path, JsonNode value) {
	}

}
