package dev.ferry.scim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this service provider supports (RFC 7644 section 4), from
 * {@code scim/discovery.json}: no bulk, sorting or ETags; filters of the form {@code eq};
 * PATCH.
 */
@Tag(name = "scim")
@RestController
@RequestMapping(ScimWebConfiguration.BASE)
class ScimDiscoveryController {

	private final JsonNode discovery;

	private final AuditLog audit;

	ScimDiscoveryController(ObjectMapper json, AuditLog audit) {
		this.audit = audit;
		try (InputStream in = new ClassPathResource("scim/discovery.json").getInputStream()) {
			this.discovery = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Operation(operationId = "scimServiceProviderConfig", summary = "What this SCIM service provider supports")
	@GetMapping("/ServiceProviderConfig")
	ResponseEntity<Object> serviceProviderConfig() {
		return described("ServiceProviderConfig", discovery.get("ServiceProviderConfig"));
	}

	@Operation(operationId = "scimResourceTypes", summary = "The resource types: User and Group")
	@GetMapping("/ResourceTypes")
	ResponseEntity<Object> resourceTypes() {
		return described("ResourceTypes", list(discovery.get("ResourceTypes")));
	}

	@Operation(operationId = "scimResourceType", summary = "One resource type")
	@GetMapping("/ResourceTypes/{id}")
	ResponseEntity<Object> resourceType(@PathVariable String id) {
		return described("ResourceTypes", one(discovery.get("ResourceTypes"), id, "ResourceType"));
	}

	@Operation(operationId = "scimSchemas", summary = "The User and Group schemas")
	@GetMapping("/Schemas")
	ResponseEntity<Object> schemas() {
		return described("Schemas", list(discovery.get("Schemas")));
	}

	@Operation(operationId = "scimSchema", summary = "One schema")
	@GetMapping("/Schemas/{id}")
	ResponseEntity<Object> schema(@PathVariable String id) {
		return described("Schemas", one(discovery.get("Schemas"), id, "Schema"));
	}

	/** Answers {@code body}; the read is audited like every other SCIM call. */
	private ResponseEntity<Object> described(String resource, Object body) {
		audit.record(AuditEvent.success("scim.discovery").detail("resource", resource));
		return ScimJson.respond(HttpStatus.OK, body);
	}

	/**
	 * Any other path under {@code /scim/v2} (Bulk, /Me): a SCIM 404 rather than the web
	 * UI's page or a problem; the more specific mappings above and in the resource
	 * controllers always win over this one.
	 */
	@Operation(operationId = "scimUnsupported", summary = "Paths this service provider does not offer")
	@RequestMapping("/**")
	ResponseEntity<Object> unsupported(HttpServletRequest request) {
		throw new ScimException(HttpStatus.NOT_FOUND, null,
				"This service provider has no " + request.getMethod() + " " + request.getRequestURI() + ".");
	}

	private static Object list(JsonNode items) {
		List<JsonNode> resources = new ArrayList<>(items.values());
		return ScimJson.listResponse(resources, resources.size(), 1);
	}

	private static JsonNode one(JsonNode items, String id, String what) {
		return items.values()
			.stream()
			.filter((item) -> item.get("id").stringValue().equals(id))
			.findFirst()
			.orElseThrow(() -> ScimException.notFound(what, id));
	}

}
