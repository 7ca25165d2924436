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

/** {@code /scim/v2/Users} (RFC 7644 section 3); see docs/scim.md. */
@Tag(name = "scim")
@RestController
@RequestMapping(ScimWebConfiguration.BASE + "/Users")
class ScimUserController {

	private final ScimUsers users;

	ScimUserController(ScimUsers users) {
		this.users = users;
	}

	@Operation(operationId = "scimCreateUser", summary = "Provision a user (or link the account with that email)")
	@PostMapping
	ResponseEntity<Object> create(@RequestBody JsonNode body) {
		return ScimJson.respond(HttpStatus.CREATED, users.create(body));
	}

	@Operation(operationId = "scimListUsers", summary = "List users, or find them with filter=userName eq \"...\"")
	@GetMapping
	ResponseEntity<Object> list(@RequestParam(required = false) String filter,
			@RequestParam(required = false) String startIndex, @RequestParam(required = false) String count) {
		return ScimJson.respond(HttpStatus.OK, users.list(filter, ScimPage.of(startIndex, count)));
	}

	@Operation(operationId = "scimGetUser", summary = "Get a user")
	@GetMapping("/{id}")
	ResponseEntity<Object> get(@PathVariable String id) {
		return ScimJson.respond(HttpStatus.OK, users.get(id));
	}

	@Operation(operationId = "scimReplaceUser", summary = "Replace a user; active=false suspends the account")
	@PutMapping("/{id}")
	ResponseEntity<Object> replace(@PathVariable String id, @RequestBody JsonNode body) {
		return ScimJson.respond(HttpStatus.OK, users.replace(id, body));
	}

	@Operation(operationId = "scimPatchUser", summary = "Patch a user; active=false suspends the account")
	@PatchMapping("/{id}")
	ResponseEntity<Object> patch(@PathVariable String id, @RequestBody JsonNode body) {
		return ScimJson.respond(HttpStatus.OK, users.patch(id, body));
	}

	@Operation(operationId = "scimDeleteUser",
			summary = "Deprovision a user (suspend or delete, FERRY_SCIM_DEPROVISION)")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		users.delete(id);
		return ResponseEntity.noContent().build();
	}

}
