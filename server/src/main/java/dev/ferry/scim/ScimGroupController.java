package dev.ferry.scim;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /scim/v2/Groups} (RFC 7644 section 3); {@code excludedAttributes=members} leaves
 * the members out, as Entra ID asks.
 */
@Tag(name = "scim")
@RestController
@RequestMapping(ScimWebConfiguration.BASE + "/Groups")
class ScimGroupController {

	private final ScimGroups groups;

	ScimGroupController(ScimGroups groups) {
		this.groups = groups;
	}

	@Operation(operationId = "scimCreateGroup", summary = "Provision a group (or link the group with that name)")
	@PostMapping
	ResponseEntity<Object> create(@RequestBody JsonNode body) {
		return ScimJson.respond(HttpStatus.CREATED, groups.create(body));
	}

	@Operation(operationId = "scimListGroups", summary = "List groups, or find them with filter=displayName eq \"...\"")
	@GetMapping
	ResponseEntity<Object> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String startIndex, @RequestParam(required = false) String count,
			@RequestParam(required = false) String excludedAttributes) {
		return ScimJson.respond(HttpStatus.OK,
				groups.list(filter, ScimPage.of(startIndex, count), withMembers(excludedAttributes)));
	}

	@Operation(operationId = "scimGetGroup", summary = "Get a group with its members")
	@GetMapping("/{id}")
	ResponseEntity<Object> get(@PathVariable String id, @RequestParam(required = false) String excludedAttributes) {
		return ScimJson.respond(HttpStatus.OK, groups.get(id, withMembers(excludedAttributes)));
	}

	@Operation(operationId = "scimReplaceGroup", summary = "Replace a group's name and members")
	@PutMapping("/{id}")
	ResponseEntity<Object> replace(@PathVariable String id, @RequestBody JsonNode body) {
		return ScimJson.respond(HttpStatus.OK, groups.replace(id, body));
	}

	@Operation(operationId = "scimPatchGroup", summary = "Rename a group, add or remove members")
	@PatchMapping("/{id}")
	ResponseEntity<Void> patch(@PathVariable String id, @RequestBody JsonNode body) {
		groups.patch(id, body);
		return ResponseEntity.noContent().build();
	}

	@Operation(operationId = "scimDeleteGroup", summary = "Delete a group")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		groups.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static boolean withMembers(String excludedAttributes) {
		return excludedAttributes == null || !excludedAttributes.toLowerCase(java.util.Locale.ROOT).contains("members");
	}

}
