package dev.ferry.auth.session;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.ferry.FerryProperties;
import dev.ferry.audit.AuditEvent;
import dev.ferry.audit.AuditLog;
import dev.ferry.auth.AuthException;
import dev.ferry.crypto.SecureTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser variant of refresh tokens: the token lives in an {@code HttpOnly} cookie
 * scoped to {@code /api/v1/auth}, out of reach of scripts. Because a browser attaches it
 * by itself, refresh and logout through the cookie need a CSRF proof: the page echoes the
 * readable {@code __Host-ferry-csrf} cookie in the {@code X-CSRF-Token} header (double
 * submit). The {@code __Host-} prefix stops a sibling subdomain from planting that
 * cookie, and {@code SameSite=Strict} already keeps other sites from sending either one.
 */
@Component
public class RefreshCookies {

	public static final String REFRESH = "__Secure-ferry-refresh";

	public static final String CSRF = "__Host-ferry-csrf";

	public static final String CSRF_HEADER = "X-CSRF-Token";

	private static final String PATH = "/api/v1/auth";

	private final FerryProperties properties;

	private final AuditLog audit;

	RefreshCookies(FerryProperties properties, AuditLog audit) {
		this.properties = properties;
		this.audit = audit;
	}

	/**
	 * Moves the refresh token into its cookie (with the CSRF cookie, keeping {@code csrf}
	 * when the session already has one) and answers the body without it.
	 */
	public TokenResponse deliver(TokenResponse tokens, String csrf, HttpServletResponse response) {
		Duration ttl = properties.tokens().refreshTtl();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(REFRESH, tokens.refreshToken(), PATH, true, ttl));
		response.addHeader(HttpHeaders.SET_COOKIE,
				cookie(CSRF, (csrf != null) ? csrf : SecureTokens.generate(""), "/", false, ttl));
		return tokens.withoutRefreshToken();
	}

	void clear(HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(REFRESH, "", PATH, true, Duration.ZERO));
		response.addHeader(HttpHeaders.SET_COOKIE, cookie(CSRF, "", "/", false, Duration.ZERO));
	}

	Optional<String> refreshToken(HttpServletRequest request) {
		return value(request, REFRESH);
	}

	/**
	 * Answers the CSRF token when the header matches the cookie; refuses (audited)
	 * otherwise.
	 */
	String checkCsrf(HttpServletRequest request, String action) {
		Optional<String> cookie = value(request, CSRF);
		String header = request.getHeader(CSRF_HEADER);
		if (cookie.isEmpty() || !SecureTokens.constantTimeEquals(cookie.get(), header)) {
			audit.record(
					AuditEvent.denied(action).detail("reason", (header == null) ? "csrf_missing" : "csrf_mismatch"));
			throw AuthException.csrf();
		}
		return cookie.get();
	}

	private static Optional<String> value(HttpServletRequest request, String name) {
		Cookie[] cookies = request.getCookies();
		return (cookies != null) ? Arrays.stream(cookies)
			.filter((cookie) -> name.equals(cookie.getName()) && !cookie.getValue().isEmpty())
			.map(Cookie::getValue)
			.findFirst() : Optional.empty();
	}

	private static String cookie(String name, String value, String path, boolean httpOnly, Duration maxAge) {
		return ResponseCookie.from(name, value)
			.path(path)
			.httpOnly(httpOnly)
			.secure(true)
			.sameSite("Strict")
			.maxAge(maxAge)
			.build()
			.toString();
	}

}
