package dev.ferry.auth.account;

import java.util.List;
import java.util.UUID;

import dev.ferry.SafeName;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Role;
import dev.ferry.auth.password.AcceptablePassword;
import dev.ferry.auth.password.PasswordPolicy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/admin")
class AdminUserController {

	private final UserAdminService users;

	private final UserNetworkAdmin networkAdmin;

	private final AccountStanding standing;

	private final InvitationService invitations;

	AdminUserController(UserAdminService users, UserNetworkAdmin networkAdmin, AccountStanding standing,
			InvitationService invitations) {
		this.users = users;
		this.networkAdmin = networkAdmin;
		this.standing = standing;
		this.invitations = invitations;
	}

	@Operation(operationId = "listUsers", summary = "List accounts")
	@GetMapping("/users")
	UserAdminService.UserPage list(@AuthenticationPrincipal CurrentUser caller,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return users.list(caller, limit, cursor);
	}

	@Operation(operationId = "createUser", summary = "Create an account")
	@PostMapping("/users")
	@ResponseStatus(HttpStatus.CREATED)
	UserView create(@AuthenticationPrincipal CurrentUser caller, @Valid @RequestBody CreateUserRequest body) {
		return networkAdmin.create(caller, body.email(), body.password(), body.name(), body.roleOrDefault(),
				body.quotaBytes(), body.allowedIps(), body.allowedCountries(), body.deniedCountries());
	}

	@Operation(operationId = "getUser", summary = "Get an account")
	@GetMapping("/users/{id}")
	UserView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return networkAdmin.get(caller, id);
	}

	@Operation(operationId = "updateUser", summary = "Change an account")
	@PatchMapping("/users/{id}")
	UserView update(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id,
			@Valid @RequestBody UserChanges body, HttpServletRequest request) {
		return networkAdmin.update(caller, id, body, ClientInfo.of(request).ip());
	}

	@Operation(operationId = "deleteUser", summary = "Delete an account")
	@DeleteMapping("/users/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		users.delete(caller, id);
	}

	@Operation(operationId = "suspendUser", summary = "Suspend an account and end its sessions")
	@PostMapping("/users/{id}/suspend")
	UserView suspend(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return standing.suspend(caller, id);
	}

	@Operation(operationId = "unsuspendUser", summary = "Lift the suspension of an account")
	@PostMapping("/users/{id}/unsuspend")
	UserView unsuspend(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		return standing.unsuspend(caller, id);
	}

	/** Lifts the account's lockout after too many wrong passwords or codes. */
	@Operation(operationId = "liftUserLockout", summary = "Lift an account's lockout after too many wrong guesses")
	@DeleteMapping("/users/{id}/lockout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void liftLockout(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		standing.liftLockout(caller, id);
	}

	@Operation(operationId = "createInvitation", summary = "Invite someone to register")
	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	InvitationService.CreatedInvitation invite(@AuthenticationPrincipal CurrentUser caller,
			@Valid @RequestBody InvitationRequest body) {
		return invitations.create(caller, body.email(), (body.role() != null) ? Role.of(body.role()) : Role.USER);
	}

	record CreateUserRequest(@NotBlank @Email @Size(max = 320) String email,
			@NotNull @Size(max = PasswordPolicy.MAX_LENGTH) @AcceptablePassword String password,
			@Pattern(regexp = Role.PATTERN, message = "must be one of admin, user, guest") String role,
			@Size(max = 200) @SafeName String name, @PositiveOrZero Long quotaBytes, List<String> allowedIps,
			List<String> allowedCountries, List<String> deniedCountries) {

		Role roleOrDefault() {
			return (role != null) ? Role.of(role) : Role.USER;
		}

	}

	record InvitationRequest(@NotBlank @Email @Size(max = 320) String email,
			@Pattern(regexp = Role.PATTERN, message = "must be one of admin, user, guest") String role) {
	}

}
