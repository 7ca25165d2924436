package dev.ferry.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in, token refresh and sign-out. {@code "use_cookie": true} at login switches a
 * browser to the cookie variant (see {@link RefreshCookies}); refresh and logout then
 * take the refresh token from the cookie when the body carries none.
 */
@RestController
@RequestMapping("/api/v1")
class AuthController {

	private final LoginService login;

	private final SessionService sessions;

	private final RefreshCookies cookies;

	AuthController(LoginService login, SessionService sessions, RefreshCookies cookies) {
		this.login = login;
		this.sessions = sessions;
		this.cookies = cookies;
	}

	@PostMapping("/auth/login")
	TokenResponse login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		TokenResponse tokens = login.login(body.email(), body.password(), ClientInfo.of(request));
		return Boolean.TRUE.equals(body.useCookie()) ? cookies.deliver(tokens, null, response) : tokens;
	}

	@PostMapping("/auth/refresh")
	TokenResponse refresh(@Valid @RequestBody(required = false) RefreshRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		if (body != null && body.refreshToken() != null) {
			return sessions.refresh(body.refreshToken(), ClientInfo.of(request));
		}
		String token = cookies.refreshToken(request)
			.orElseThrow(() -> AuthException.invalidField("refresh_token",
					"is required, in the body or as the " + RefreshCookies.REFRESH + " cookie"));
		String csrf = cookies.checkCsrf(request, "auth.refresh");
		return cookies.deliver(sessions.refresh(token, ClientInfo.of(request)), csrf, response);
	}

	@PostMapping("/auth/logout")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void logout(@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request, HttpServletResponse response) {
		if (caller != null) {
			sessions.logout(caller);
		}
		else {
			String token = cookies.refreshToken(request).orElseThrow(AuthException::unauthenticated);
			cookies.checkCsrf(request, "auth.logout");
			sessions.logout(token);
		}
		cookies.clear(response);
	}

	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		return new Me(user.userId().toString(), user.email(), user.role().apiName(), Scope.apiNames(user.scopes()),
				(user.apiKeyId() != null) ? user.apiKeyId().toString() : null);
	}

	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password,
			Boolean useCookie) {
	}

	record RefreshRequest(@Size(max = 100) String refreshToken) {
	}

	record Me(String id, String email, String role, List<String> scopes, String apiKeyId) {
	}

}
