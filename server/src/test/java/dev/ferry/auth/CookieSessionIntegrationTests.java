package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser variant: refresh token in an HttpOnly cookie, CSRF double submit. */
class CookieSessionIntegrationTests extends AuthIntegrationTest {

	@Test
	void loginWithUseCookieSetsHardenedCookiesAndOmitsTheTokenFromTheBody() {
		Account user = createAccount("user");

		Api.Response login = cookieLogin(user);

		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().has("refresh_token")).isFalse();
		assertThat(login.json().get("access_token").asString()).isNotBlank();
		String refresh = setCookie(login, RefreshCookies.REFRESH);
		assertThat(refresh).contains("Path=/api/v1/auth", "HttpOnly", "Secure", "SameSite=Strict", "Max-Age=");
		String csrf = setCookie(login, RefreshCookies.CSRF);
		assertThat(csrf).contains("Path=/", "Secure", "SameSite=Strict").doesNotContain("HttpOnly");
	}

	@Test
	void refreshThroughTheCookieNeedsTheCsrfHeader() {
		Account user = createAccount("user");
		Api.Response login = cookieLogin(user);
		String refresh = cookieValue(login, RefreshCookies.REFRESH);
		String csrf = cookieValue(login, RefreshCookies.CSRF);

		Api.Response missing = cookieRequest("/api/v1/auth/refresh", refresh, csrf, null);
		Api.Response wrong = cookieRequest("/api/v1/auth/refresh", refresh, csrf, csrf + "x");
		Api.Response ok = cookieRequest("/api/v1/auth/refresh", refresh, csrf, csrf);

		assertThat(missing.status()).isEqualTo(403);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().get("type").asString()).isEqualTo("/problems/csrf");
		assertThat(wrong.status()).isEqualTo(403);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().has("refresh_token")).isFalse();
		String rotated = cookieValue(ok, RefreshCookies.REFRESH);
		assertThat(rotated).isNotEqualTo(refresh);
		assertThat(cookieValue(ok, RefreshCookies.CSRF)).isEqualTo(csrf);
		assertThat(api.get("/api/v1/me", ok.json().get("access_token").asString()).status()).isEqualTo(200);
		assertThat(audits("auth.refresh")).anySatisfy((row) -> {
			assertThat(row.outcome()).isEqualTo("denied");
			assertThat(row.details()).contains("csrf_mismatch");
		});
	}

	@Test
	void logoutThroughTheCookieNeedsTheCsrfHeaderAndClearsTheCookies() {
		Account user = createAccount("user");
		Api.Response login = cookieLogin(user);
		String refresh = cookieValue(login, RefreshCookies.REFRESH);
		String csrf = cookieValue(login, RefreshCookies.CSRF);
		String access = login.json().get("access_token").asString();

		Api.Response refused = cookieRequest("/api/v1/auth/logout", refresh, csrf, null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me", access).status()).as("session still live").isEqualTo(200);

		Api.Response logout = cookieRequest("/api/v1/auth/logout", refresh, csrf, csrf);

		assertThat(logout.status()).isEqualTo(204);
		assertThat(setCookie(logout, RefreshCookies.REFRESH)).contains("Max-Age=0");
		assertThat(setCookie(logout, RefreshCookies.CSRF)).contains("Max-Age=0");
		assertThat(api.get("/api/v1/me", access).status()).isEqualTo(401);
		assertThat(cookieRequest("/api/v1/auth/refresh", refresh, csrf, csrf).status()).isEqualTo(401);
	}

	private Api.Response cookieLogin(Account user) {
		return api.post("/api/v1/auth/login", Map.of("email", user.email(), "password", PASSWORD, "use_cookie", true),
				null);
	}

	private Api.Response cookieRequest(String path, String refresh, String csrf, String csrfHeader) {
		HttpRequest.Builder request = api.builder(path, null)
			.header("Cookie", RefreshCookies.REFRESH + "=" + refresh + "; " + RefreshCookies.CSRF + "=" + csrf)
			.POST(HttpRequest.BodyPublishers.noBody());
		if (csrfHeader != null) {
			request.header(RefreshCookies.CSRF_HEADER, csrfHeader);
		}
		return api.send(request);
	}

	private static String setCookie(Api.Response response, String name) {
		List<String> cookies = response.headers()
			.entrySet()
			.stream()
			.filter((e) -> e.getKey().equalsIgnoreCase("Set-Cookie"))
			.flatMap((e) -> e.getValue().stream())
			.filter((cookie) -> cookie.startsWith(name + "="))
			.toList();
		assertThat(cookies).as("Set-Cookie " + name).hasSize(1);
		return cookies.get(0);
	}

	private static String cookieValue(Api.Response response, String name) {
		String cookie = setCookie(response, name);
		return cookie.substring(name.length() + 1, cookie.indexOf(';'));
	}

}
