package dev.ferry.share.grant;

import dev.ferry.auth.CurrentUser;
import dev.ferry.share.grant.GroupService.GroupName;
import dev.ferry.share.grant.GroupService.GroupView;
import dev.ferry.share.transfer.TransferApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins manage groups under {@code /admin/groups}; {@code /groups} lets anyone who may
 * share pick a group to grant to, by name only.
 */
@Tag(name = "share")
@RestController
@RequestMapping("/api/v1")
class GroupController {

	private final GroupService groups;

	GroupController(GroupService groups) {
		this.groups = groups;
	}

	@Operation(operationId = "listGroupNames", summary = "Names of the groups one can share with")
	@GetMapping("/groups")
	TransferApi.Page<GroupName> directory(@AuthenticationPrincipal CurrentUser user) {
		return new TransferApi.Page<>(groups.directory(user), null);
	}

	@Operation(operationId = "createGroup", summary = "Create a group")
	@PostMapping("/admin/groups")
	ResponseEntity<GroupView> create(@AuthenticationPrincipal CurrentUser user, @RequestBody NewGroup body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(groups.create(user, body.name()));
	}

	@Operation(operationId = "listGroups", summary = "List groups with their members")
	@GetMapping("/admin/groups")
	TransferApi.Page<GroupView> list(@AuthenticationPrincipal CurrentUser user) {
		return new TransferApi.Page<>(groups.list(user), null);
	}

	@Operation(operationId = "getGroup", summary = "Get a group with its members")
	@GetMapping("/admin/groups/{id}")
	GroupView get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return groups.get(user, id);
	}

	@Operation(operationId = "renameGroup", summary = "Rename a group")
	@PatchMapping("/admin/groups/{id}")
	GroupView rename(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @RequestBody NewGroup body) {
		return groups.rename(user, id, body.name());
	}

	@Operation(operationId = "deleteGroup", summary = "Delete a group")
	@DeleteMapping("/admin/groups/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		groups.delete(user, id);
	}

	@Operation(operationId = "addGroupMember", summary = "Add an account to a group")
	@PostMapping("/admin/groups/{id}/members")
	GroupView addMember(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestBody NewMember body) {
		return groups.addMember(user, id, body.userId(), body.email());
	}

	@Operation(operationId = "removeGroupMember", summary = "Remove an account from a group")
	@DeleteMapping("/admin/groups/{id}/members/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removeMember(@AuthenticationPrincipal CurrentUser user, @PathVariable String id, @PathVariable String userId) {
		groups.removeMember(user, id, userId);
	}

	record NewGroup(String name) {
	}

	record NewMember(String userId, String email) {
	}

}
