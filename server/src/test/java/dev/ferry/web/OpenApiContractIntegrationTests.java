package dev.ferry.web;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is a contract: clients (the web UI's generated types, scripts,
 * SDKs) address operations by {@code operationId}, so every id is chosen by hand, unique
 * and stable, every operation says what it does and belongs to exactly one module. The
 * document the UI is built against ({@code web/src/api/openapi.json}) must be the one the
 * server serves.
 */
class OpenApiContractIntegrationTests extends IntegrationTest {

	/** The modules that own controllers; each is one tag of the document. */
	static final Set<String> MODULE_TAGS = Set.of("admin", "audit", "auth", "files", "protect", "share", "upload",
			"gdpr", "retention", "report", "sftp", "webhook", "scim", "preview");

	static final Path SNAPSHOT = Path.of("..", "web", "src", "api", "openapi.json");

	static final String UPDATE_PROPERTY = "ferry.openapi.update";

	private static final String REGENERATE = "Regenerate it with 'mvn -pl server test -Dtest=OpenApiContractIntegrationTests "
			+ "-D" + UPDATE_PROPERTY + "=true', then 'npm run generate:api' in web/ (see docs/api.md), "
			+ "review the diff and commit both files.";

	/** lowerCamel verbNoun: at least two words, letters and digits only. */
	private static final Pattern VERB_NOUN = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");

	/** What springdoc appends to a repeated method name ({@code create_1}). */
	private static final Pattern GENERATED_SUFFIX = Pattern.compile(".*_\\d+$");

	private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMappings;

	@Test
	void everyOperationHasAStableUniqueIdASummaryAndOneModuleTag() {
		JsonNode doc = liveDocument();
		List<String> problems = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		Set<String> declaredTags = new HashSet<>();
		doc.get("tags").forEach((tag) -> declaredTags.add(tag.get("name").asString()));
		assertThat(declaredTags).as("the document's tags are the modules").isEqualTo(MODULE_TAGS);
		doc.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((entry) -> {
			if (!HTTP_METHODS.contains(entry.getKey())) {
				return;
			}
			String where = entry.getKey().toUpperCase() + " " + path.getKey();
			JsonNode operation = entry.getValue();
			String id = operation.path("operationId").asString("");
			if (id.isEmpty()) {
				problems.add(where + ": no operationId");
			}
			else if (GENERATED_SUFFIX.matcher(id).matches() || !VERB_NOUN.matcher(id).matches()) {
				problems.add(where + ": operationId '" + id + "' looks generated; use lowerCamel verbNoun");
			}
			String previous = seen.put(id, where);
			if (!id.isEmpty() && previous != null) {
				problems.add(where + ": operationId '" + id + "' is also used by " + previous);
			}
			if (operation.path("summary").asString("").isBlank()) {
				problems.add(where + ": no summary");
			}
			List<String> tags = new ArrayList<>();
			operation.path("tags").forEach((tag) -> tags.add(tag.asString()));
			if (tags.size() != 1 || !MODULE_TAGS.contains(tags.get(0))) {
				problems.add(where + ": tags " + tags + " are not exactly one of " + new TreeSet<>(MODULE_TAGS));
			}
		}));
		assertThat(seen).as("operations in the document").isNotEmpty();
		assertThat(problems).isEmpty();
	}

	@Test
	void everySchemaReferenceResolves() {
		JsonNode doc = liveDocument();
		Set<String> refs = new TreeSet<>();
		collectRefs(doc, refs);
		List<String> dangling = refs.stream().filter((ref) -> doc.at(ref.substring(1)).isMissingNode()).toList();
		assertThat(refs).isNotEmpty();
		assertThat(dangling).as("$refs that point nowhere").isEmpty();
	}

	/**
	 * The sessions list (auth) and the share page's session answer are both records named
	 * {@code SessionView}; each must keep its own schema.
	 */
	@Test
	void recordsOfOneSimpleNameKeepTheirOwnSchemas() {
		JsonNode schemas = liveDocument().get("components").get("schemas");
		assertThat(schemas.path("AuthSessionView").path("properties").has("user_agent")).isTrue();
		assertThat(schemas.path("PublicShareSessionView").path("properties").has("session_token")).isTrue();
		assertThat(schemas.path("FilesFileView").path("properties").has("modified_at")).isTrue();
		assertThat(schemas.path("TransferFileView").path("properties").has("modified_at")).isFalse();
	}

	/**
	 * The document check cannot tell a hand-picked id from a Java method name that
	 * happens to read as verbNoun; so every documented handler must declare its id, and
	 * its tag must be the module its controller lives in.
	 */
	@Test
	void everyControllerMethodDeclaresItsOperationIdAndItsModuleTag() {
		List<String> problems = new ArrayList<>();
		Set<Class<?>> controllers = new HashSet<>();
		for (HandlerMethod handler : this.handlerMappings.getHandlerMethods().values()) {
			Class<?> type = handler.getBeanType();
			Method method = handler.getMethod();
			if (!type.getPackageName().startsWith("dev.ferry.") || type.isAnnotationPresent(Hidden.class)
					|| method.isAnnotationPresent(Hidden.class)) {
				continue;
			}
			controllers.add(type);
			Operation operation = AnnotatedElementUtils.findMergedAnnotation(method, Operation.class);
			if (operation == null || operation.operationId().isBlank() || operation.summary().isBlank()) {
				problems.add(type.getSimpleName() + "." + method.getName()
						+ ": needs @Operation(operationId = \"...\", summary = \"...\")");
			}
		}
		for (Class<?> type : controllers) {
			String module = type.getPackageName().substring("dev.ferry.".length()).split("\\.")[0];
			Tag tag = type.getAnnotation(Tag.class);
			if (tag == null || !tag.name().equals(module)) {
				problems.add(type.getSimpleName() + ": needs @Tag(name = \"" + module + "\")");
			}
		}
		assertThat(controllers).as("documented controllers").isNotEmpty();
		assertThat(problems).isEmpty();
	}

	@Test
	void committedSnapshotIsTheDocumentTheServerServes() throws IOException {
		JsonNode live = canonical(liveDocument());
		if (Boolean.getBoolean(UPDATE_PROPERTY)) {
			Files.writeString(SNAPSHOT, JSON.writeValueAsString(live) + "\n", StandardCharsets.UTF_8);
		}
		assertThat(SNAPSHOT).as("web/src/api/openapi.json; " + REGENERATE).exists();
		JsonNode committed = JSON.readTree(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
		assertThat(committed.equals(live))
			.as("web/src/api/openapi.json is not the document the server serves. " + REGENERATE)
			.isTrue();
	}

	private JsonNode liveDocument() {
		Api.Response response = this.api.get("/api/v1/openapi.json", null);
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static void collectRefs(JsonNode node, Set<String> refs) {
		if (node.isObject() && node.has("$ref")) {
			refs.add(node.get("$ref").asString());
		}
		node.forEach((child) -> collectRefs(child, refs));
	}

	/**
	 * Drops what depends on the running instance (the server URL with its random port,
	 * the build version) and sorts object keys, so the snapshot only changes when the API
	 * does and its diffs stay small.
	 */
	static JsonNode canonical(JsonNode doc) {
		ObjectNode copy = (ObjectNode) sorted(doc);
		copy.remove("servers");
		((ObjectNode) copy.get("info")).put("version", "snapshot");
		return copy;
	}

	private static JsonNode sorted(JsonNode node) {
		if (node.isObject()) {
			Map<String, JsonNode> fields = new TreeMap<>();
			node.properties().forEach((e) -> fields.put(e.getKey(), sorted(e.getValue())));
			ObjectNode result = JsonNodeFactory.instance.objectNode();
			fields.forEach(result::set);
			return result;
		}
		if (node.isArray()) {
			ArrayNode result = JsonNodeFactory.instance.arrayNode();
			node.forEach((item) -> result.add(sorted(item)));
			return result;
		}
		return node;
	}

}
