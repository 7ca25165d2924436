package dev.ferry.auth;

import java.time.Duration;
import java.util.Arrays;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseCookie;

/**
 * Where a request came from, as recorded on sessions. {@code deviceId} is the browser's
 * long-lived {@code __Host-ferry-device} cookie, null when the client sent none.
 */
public record ClientInfo(String ip, String userAgent, String deviceId) {

	public static final String DEVICE_COOKIE = "__Host-ferry-device";

	private static final int MAX_USER_AGENT = 512;

	private static final int MAX_DEVICE_ID = 100;

	public static ClientInfo of(HttpServletRequest request) {
		String agent = request.getHeader("User-Agent");
		if (agent != null && agent.length() > MAX_USER_AGENT) {
			agent = agent.substring(0, MAX_USER_AGENT);
		}
		return new ClientInfo(request.getRemoteAddr(), agent, deviceId(request));
	}

	/**
	 * The {@code Set-Cookie} value giving a client the device id {@code id}: HttpOnly,
	 * Secure and kept 400 days; Lax, unlike the session cookies, because it must come
	 * along when a single sign-on provider redirects the browser back.
	 */
	public static String deviceCookie(String id) {
		return ResponseCookie.from(DEVICE_COOKIE, id)
			.path("/")
			.httpOnly(true)
			.secure(true)
			.sameSite("Lax")
			.maxAge(Duration.ofDays(400))
			.build()
			.toString();
	}

	public ClientInfo withDeviceId(String id) {
		return new ClientInfo(ip, userAgent, id);
	}

	private static String deviceId(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> DEVICE_COOKIE.equals(cookie.getName()))
			.map(Cookie::getValue)
			.filter((value) -> !value.isEmpty() && value.length() <= MAX_DEVICE_ID)
			.findFirst()
			.orElse(null);
	}

}
