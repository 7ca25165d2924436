package dev.ferry.web;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values for an OpenAPI schema, drawn from a {@link Random}: values the schema allows,
 * with a bias to its boundaries (empty, longest, smallest, largest), and on request
 * values it forbids (another type, null, out of range, unknown enum values, missing
 * required properties). {@link OpenApiFuzzIntegrationTests} sends them.
 */
final class SchemaValues {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Strings that have broken parsers and path handling elsewhere. */
	private static final List<String> NASTY = List.of("", " ", "../../etc/passwd", "%00", "\u0000", "null", "-1",
			"9223372036854775808", "1e999", "\u202Egnp.exe", "😀\uD800", "<script>alert(1)</script>", "' OR 1=1 --",
			"a".repeat(10_000), "/", "\\", "{}", "[]", "2026-02-30T25:61:00Z", "NaN");

	private static final int DEPTH = 4;

	private final JsonNode document;

	private final Random random;

	/**
	 * Real ids (a file, a transfer...) a string with {@code format: uuid} is sometimes.
	 */
	private final List<String> knownIds;

	SchemaValues(JsonNode document, Random random, List<String> knownIds) {
		this.document = document;
		this.random = random;
		this.knownIds = knownIds;
	}

	/** A value for {@code schema}: one it allows, or with {@code violate} likely not. */
	JsonNode value(JsonNode schema, boolean violate) {
		return value(schema, violate, 0);
	}

	/** A string for a path or query parameter of {@code schema}. */
	String text(JsonNode schema, boolean violate) {
		JsonNode value = value(schema, violate);
		return value.isString() ? value.asString() : value.toString();
	}

	private JsonNode value(JsonNode schema, boolean violate, int depth) {
		JsonNode resolved = resolve(schema);
		if (violate && this.random.nextInt(3) == 0) {
			return violation(resolved);
		}
		JsonNode choices = first(resolved, "oneOf", "anyOf");
		if (choices != null && !choices.isEmpty()) {
			return value(choices.get(this.random.nextInt(choices.size())), violate, depth);
		}
		if (resolved.has("allOf")) {
			ObjectNode merged = NODES.objectNode();
			for (JsonNode part : resolved.get("allOf")) {
				JsonNode one = value(part, violate, depth);
				if (one.isObject()) {
					merged.setAll((ObjectNode) one);
				}
			}
			return merged;
		}
		if (resolved.has("enum") && !violate) {
			JsonNode values = resolved.get("enum");
			return values.get(this.random.nextInt(values.size()));
		}
		return switch (type(resolved)) {
			case "integer" -> NODES.numberNode(integer(resolved));
			case "number" -> NODES.numberNode(integer(resolved) + this.random.nextDouble());
			case "boolean" -> NODES.booleanNode(this.random.nextBoolean());
			case "array" -> array(resolved, violate, depth);
			case "object" -> object(resolved, violate, depth);
			default -> NODES.stringNode(string(resolved));
		};
	}

	private ArrayNode array(JsonNode schema, boolean violate, int depth) {
		ArrayNode array = NODES.arrayNode();
		if (depth >= DEPTH) {
			return array;
		}
		int min = schema.path("minItems").asInt(0);
		int max = Math.min(schema.path("maxItems").asInt(min + 3), min + 3);
		int size = min + this.random.nextInt(max - min + 1);
		for (int i = 0; i < size; i++) {
			array.add(value(schema.path("items"), violate, depth + 1));
		}
		return array;
	}

	private ObjectNode object(JsonNode schema, boolean violate, int depth) {
		ObjectNode object = NODES.objectNode();
		if (depth >= DEPTH) {
			return object;
		}
		JsonNode required = schema.path("required");
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			boolean isRequired = contains(required, property.getKey());
			boolean dropped = violate ? this.random.nextInt(4) == 0 : !isRequired && this.random.nextBoolean();
			if (!dropped) {
				object.set(property.getKey(), value(property.getValue(), violate, depth + 1));
			}
		}
		return object;
	}

	private long integer(JsonNode schema) {
		long min = schema.has("minimum") ? schema.get("minimum").asLong() : -1;
		long max = schema.has("maximum") ? schema.get("maximum").asLong()
				: "int32".equals(schema.path("format").asString("")) ? Integer.MAX_VALUE : Long.MAX_VALUE;
		return switch (this.random.nextInt(5)) {
			case 0 -> min;
			case 1 -> max;
			case 2 -> 0;
			default -> min + (long) (this.random.nextDouble() * Math.min(1000d, (double) max - min));
		};
	}

	private String string(JsonNode schema) {
		String format = schema.path("format").asString("");
		int min = schema.path("minLength").asInt(0);
		int max = schema.path("maxLength").asInt(min + 40);
		return switch (format) {
			case "uuid" -> (!this.knownIds.isEmpty() && this.random.nextBoolean())
					? this.knownIds.get(this.random.nextInt(this.knownIds.size())) : UUID.randomUUID().toString();
			case "date-time" -> this.random.nextBoolean() ? "2031-01-01T00:00:00Z" : "1970-01-01T00:00:00Z";
			case "date" -> "2031-01-01";
			case "email" -> "fuzz-" + this.random.nextInt(1000) + "@ferry.test";
			default -> letters(this.random.nextBoolean() ? min : min + this.random.nextInt(Math.max(1, max - min + 1)));
		};
	}

	/** A value of another kind than {@code schema} asks for, or out of its range. */
	private JsonNode violation(JsonNode schema) {
		return switch (this.random.nextInt(7)) {
			case 0 -> NODES.nullNode();
			case 1 -> NODES.stringNode(NASTY.get(this.random.nextInt(NASTY.size())));
			case 2 -> NODES.numberNode(this.random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE);
			case 3 -> NODES.numberNode(new BigDecimal("1e400"));
			case 4 -> NODES.objectNode().put("unexpected", true);
			case 5 -> NODES.arrayNode().add(NODES.nullNode());
			default -> NODES.stringNode(letters(schema.path("maxLength").asInt(300) + 1));
		};
	}

	private String letters(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) ('a' + this.random.nextInt(26)));
		}
		return text.toString();
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		while (current.has("$ref")) {
			String name = current.get("$ref").asString().substring("#/components/schemas/".length());
			current = this.document.path("components").path("schemas").path(name);
		}
		return current;
	}

	private static String type(JsonNode schema) {
		JsonNode type = schema.path("type");
		if (type.isArray()) {
			Iterator<JsonNode> types = type.iterator();
			return types.hasNext() ? types.next().asString() : "string";
		}
		return type.isString() ? type.asString() : (schema.has("properties") ? "object" : "string");
	}

	private static JsonNode first(JsonNode schema, String... names) {
		for (String name : names) {
			if (schema.has(name)) {
				return schema.get(name);
			}
		}
		return null;
	}

	private static boolean contains(JsonNode array, String value) {
		for (JsonNode element : array) {
			if (value.equals(element.asString(""))) {
				return true;
			}
		}
		return false;
	}

}
