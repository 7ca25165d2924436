package dev.ferry.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class AuthController {

	private final LoginService login;

	AuthController(LoginService login) {
		this.login = login;
	}

	@PostMapping("/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request) {
		return login.login(body.email(), body.password(), ClientInfo.of(request));
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.userId().toString(), user.email(), user.role().name().toLowerCase(),
				user.scopes().stream().map((s) -> s.name().toLowerCase()).sorted().toList());
	}

	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password) {
	}

	record Me(String id, String email, String role, java.util.List<String> scopes) {
	}

}
