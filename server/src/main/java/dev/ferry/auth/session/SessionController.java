package dev.ferry.auth.session;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Items;

@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/sessions")
class SessionController {

	private final OwnSessions sessions;

	SessionController(OwnSessions sessions) {
		this.sessions = sessions;
	}

	@Operation(operationId = "listSessions", summary = "List the caller's sessions")
	@GetMapping
	Items<SessionView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(sessions.list(caller));
	}

	@Operation(operationId = "revokeSession", summary = "End one of the caller's sessions")
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		sessions.revoke(caller, id);
	}

	/** Signs out everywhere else: every session of the caller but the current one. */
	@Operation(operationId = "revokeOtherSessions", summary = "End all of the caller's other sessions")
	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeOthers(@AuthenticationPrincipal CurrentUser caller) {
		sessions.revokeOthers(caller);
	}

}
