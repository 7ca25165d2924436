package dev.ferry.auth.oidc;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.ferry.auth.AuthException;
import dev.ferry.auth.ClientInfo;
import dev.ferry.auth.session.Devices;
import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.auth.session.SsoRefusals;

/**
 * Browser navigations of single sign-on: the start redirects to the provider, the
 * callback signs in (refresh cookie, as after a password sign-in) and redirects to the UI
 * at {@code /}, or to {@code /signin?sso_error=<reason>} when the sign-in failed (also
 * when the provider cannot be reached to start one).
 */
@Tag(name = "auth")
@RestController
@RequestMapping("/api/v1/auth/login/oidc/{provider}")
class OidcController {

	static final String STATE_COOKIE = "__Host-ferry-oidc";

	private static final Logger log = LoggerFactory.getLogger(OidcController.class);

	private final OidcService oidc;

	private final RefreshCookies cookies;

	OidcController(OidcService oidc, RefreshCookies cookies) {
		this.oidc = oidc;
		this.cookies = cookies;
	}

	@Operation(operationId = "startOidcSignIn", summary = "Redirect to an OpenID Connect provider to sign in")
	@GetMapping
	ResponseEntity<Void> start(@PathVariable String provider) {
		OidcService.Start start;
		try {
			start = oidc.start(provider);
		}
		catch (OidcFailure failure) {
			return failed(provider, failure);
		}
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(start.authorization())
			.header(HttpHeaders.SET_COOKIE, stateCookie(start.state(), start.ttl()))
			.build();
	}

	@Operation(operationId = "completeOidcSignIn", summary = "Return from an OpenID Connect provider")
	@GetMapping("/callback")
	ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, stateCookie("", Duration.ZERO));
		ClientInfo client = Devices.identify(ClientInfo.of(request), response);
		try {
			cookies.deliver(oidc.finish(provider, code, state, error, browserState(request), client), null, response);
			return redirect("/");
		}
		catch (OidcFailure failure) {
			return failed(provider, failure);
		}
		catch (AuthException refused) {
			return SsoRefusals.redirect(refused);
		}
	}

	private static ResponseEntity<Void> failed(String provider, OidcFailure failure) {
		log.info("Single sign-on through {} failed: {} ({}){}", provider, failure.getMessage(), failure.reason(),
				(failure.getCause() != null) ? ": " + failure.getCause().getMessage() : "");
		return redirect("/signin?sso_error=" + URLEncoder.encode(failure.reason(), StandardCharsets.UTF_8));
	}

	private static ResponseEntity<Void> redirect(String path) {
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(path)).build();
	}

	private static String browserState(HttpServletRequest request) {
		Cookie[] all = request.getCookies();
		return (all != null) ? Arrays.stream(all)
			.filter((cookie) -> STATE_COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.findFirst()
			.orElse(null) : null;
	}

	/** Lax: it must come along on the provider's top-level redirect back to Ferry. */
	private static String stateCookie(String value, Duration maxAge) {
		return ResponseCookie.from(STATE_COOKIE, value)
			.path("/")
			.httpOnly(true)
			.secure(true)
			.sameSite("Lax")
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
