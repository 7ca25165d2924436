package dev.ferry.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Translates a Java property path reported by bean validation ({@code items[0].fileName})
 * into the names a client sends ({@code items[0].file_name}), asking Jackson how it names
 * each property, so {@code @JsonProperty} and the global naming strategy both count.
 */
@Component
class JsonFieldNames {

	private final DeserializationConfig config;

	private final Map<JavaType, List<BeanPropertyDefinition>> properties = new ConcurrentHashMap<>();

	JsonFieldNames(JsonMapper json) {
		this.config = json.deserializationConfig();
	}

	String of(Class<?> root, String javaPath) {
		StringBuilder path = new StringBuilder();
		JavaType type = config.constructType(root);
		for (String segment : javaPath.split("\\.")) {
			int bracket = segment.indexOf('[');
			String name = (bracket < 0) ? segment : segment.substring(0, bracket);
			String index = (bracket < 0) ? "" : segment.substring(bracket);
			BeanPropertyDefinition property = (type != null) ? find(type, name) : null;
			path.append(path.isEmpty() ? "" : ".");
			path.append((property != null) ? property.getName() : byStrategy(name)).append(index);
			type = (property != null) ? elementType(property.getPrimaryType(), index) : null;
		}
		return path.toString();
	}

	private BeanPropertyDefinition find(JavaType type, String javaName) {
		return properties.computeIfAbsent(type, this::introspect)
			.stream()
			.filter((property) -> property.getInternalName().equals(javaName))
			.findFirst()
			.orElse(null);
	}

	private List<BeanPropertyDefinition> introspect(JavaType type) {
		ClassIntrospector introspector = config.classIntrospectorInstance().forOperation(config);
		BeanDescription description = introspector.introspectForDeserialization(type,
				introspector.introspectClassAnnotations(type));
		return List.copyOf(description.findProperties());
	}

	private static JavaType elementType(JavaType type, String index) {
		return (index.isEmpty() || type.getContentType() == null) ? type : type.getContentType();
	}

	private String byStrategy(String name) {
		PropertyNamingStrategy strategy = config.getPropertyNamingStrategy();
		return (strategy != null) ? strategy.nameForField(config, null, name) : name;
	}

}
