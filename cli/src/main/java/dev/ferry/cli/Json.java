package dev.ferry.cli;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** One mapper for API bodies, the credentials file and {@code --json} output. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private Json() {
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static JsonNode parse(String text) {
		return (text == null || text.isBlank()) ? MAPPER.missingNode() : MAPPER.readTree(text);
	}

	/** The text of a field, or null when it is absent or JSON null. */
	static String text(JsonNode node) {
		return (node == null || node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}

}
