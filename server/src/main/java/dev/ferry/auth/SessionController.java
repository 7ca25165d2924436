package dev.ferry.auth;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth/sessions")
class SessionController {

	private final SessionService sessions;

	SessionController(SessionService sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	Items<SessionView> list(@AuthenticationPrincipal CurrentUser caller) {
		return new Items<>(sessions.list(caller));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id) {
		sessions.revoke(caller, id);
	}

	/** Signs out everywhere else: every session of the caller but the current one. */
	@DeleteMapping
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revokeOthers(@AuthenticationPrincipal CurrentUser caller) {
		sessions.revokeOthers(caller);
	}

}
