package dev.ferry.auth.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.AccountLocales;
import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.CurrentUser;
import dev.ferry.auth.Scope;

/**
 * Sign-in, token refresh and sign-out. {@code "use_cookie": true} at login switches a
 * browser to the cookie variant (see {@link RefreshCookies}); refresh and logout then
 * take the refresh token from the cookie when the body carries none.
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1")
class AuthController {

	private final PasswordSignIn login;

	private final MfaLoginService mfa;

	private final SessionService sessions;

	private final RefreshCookies cookies;

	private final List<ProviderSignOut> providerSignOuts;

	private final ObjectProvider<DirectoryPasswords> directory;

	private final AccountLocales locales;

	AuthController(PasswordSignIn login, MfaLoginService mfa, SessionService sessions, RefreshCookies cookies,
			List<ProviderSignOut> providerSignOuts, ObjectProvider<DirectoryPasswords> directory,
			AccountLocales locales) {
		this.locales = locales;
		this.login = login;
		this.mfa = mfa;
		this.sessions = sessions;
		this.cookies = cookies;
		this.providerSignOuts = providerSignOuts;
		this.directory = directory;
	}

	/**
	 * Answers tokens, {@code {"mfa_required": true, "mfa_token": ...}} when the account
	 * has a second factor, or tokens flagged {@code mfa_enrollment_required} /
	 * {@code password_change_required} for a session that must fix the account first.
	 */
	@Operation(operationId = "signIn", summary = "Sign in with email and password")
	@PostMapping("/auth/login")
	SignInResult login(@Valid @RequestBody LoginRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		boolean cookie = Boolean.TRUE.equals(body.useCookie());
		ClientInfo client = Devices.identify(ClientInfo.of(request), response);
		SignInResult result = login.login(body.email(), body.password(), client, cookie);
		return (cookie && result instanceof TokenResponse tokens) ? cookies.deliver(tokens, null, response) : result;
	}

	/**
	 * The second step of a sign-in: the {@code mfa_token} and a TOTP or recovery code.
	 */
	@Operation(operationId = "completeSignIn", summary = "Complete a sign-in with a second factor")
	@PostMapping("/auth/login/mfa")
	TokenResponse loginMfa(@Valid @RequestBody MfaRequest body, HttpServletRequest request,
			HttpServletResponse response) {
		ClientInfo client = Devices.identify(ClientInfo.of(request), response);
		MfaLoginService.Finished finished = mfa.finish(body.mfaToken(), body.code(), client);
		boolean cookie = finished.useCookie() || Boolean.TRUE.equals(body.useCookie());
		return cookie ? cookies.deliver(finished.tokens(), null, response) : finished.tokens();
	}

	@Operation(operationId = "refreshTokens", summary = "Exchange a refresh token for new tokens")
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

	/**
	 * Ends the session: 204, or 200 with {@code logout_url} when the session came from a
	 * single sign-on provider, where the browser should go next to sign out there too.
	 */
	@Operation(operationId = "signOut", summary = "Sign out: end the caller's session")
	@PostMapping("/auth/logout")
	ResponseEntity<Logout> logout(@AuthenticationPrincipal CurrentUser caller, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<UUID> ended;
		if (caller != null) {
			ended = Optional.of(sessions.logout(caller));
		}
		else {
			String token = cookies.refreshToken(request).orElseThrow(AuthException::unauthenticated);
			cookies.checkCsrf(request, "auth.logout");
			ended = sessions.logout(token);
		}
		cookies.clear(response);
		Optional<String> providerLogout = ended.flatMap((session) -> providerSignOuts.stream()
			.map((signOut) -> signOut.logoutUrl(session))
			.flatMap(Optional::stream)
			.findFirst());
		return providerLogout.map((url) -> ResponseEntity.ok(new Logout(url)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	/**
	 * The signed-in account; {@code directory_account} when its password lives in a
	 * directory (LDAP / Active Directory), so Ferry's password change does not apply;
	 * {@code locale}, the account's language (null: follow the browser).
	 */
	@Operation(operationId = "getCurrentUser", summary = "The signed-in account")
	@GetMapping("/me")
	Me me(@AuthenticationPrincipal CurrentUser user) {
		DirectoryPasswords passwords = directory.getIfAvailable();
		return new Me(user.userId().toString(), user.email(), user.name(), user.role().apiName(),
				Scope.apiNames(user.scopes()), (user.apiKeyId() != null) ? user.apiKeyId().toString() : null,
				passwords != null && passwords.manages(user.userId()),
				locales.of(user.userId()).map(Locale::toLanguageTag).orElse(null));
	}

	record LoginRequest(@NotBlank @Size(max = 320) String email, @NotBlank @Size(max = 1024) String password,
			Boolean useCookie) {
	}

	record MfaRequest(@NotBlank @Size(max = 100) String mfaToken, @NotBlank @Size(max = 64) String code,
			Boolean useCookie) {
	}

	record RefreshRequest(@Size(max = 100) String refreshToken) {
	}

	record Logout(String logoutUrl) {
	}

	record Me(String id, String email, @JsonInclude(JsonInclude.Include.ALWAYS) String name, String role,
			List<String> scopes, String apiKeyId, boolean directoryAccount,
			@JsonInclude(JsonInclude.Include.ALWAYS) String locale) {
	}

}
