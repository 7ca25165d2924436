package dev.ferry.auth;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.ferry.auth.session.RefreshCookies;
import dev.ferry.testing.Api;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Idle timeout of browser sessions and the absolute session lifetime. */
class SessionLimitsIntegrationTests extends TimeTravelTest {

	@Test
	void aBrowserSessionIdleForThirtyMinutesCannotRefresh() {
		Browser browser = browserLogin(register("idle-out-" + UUID.randomUUID() + "@ferry.test"));
		assertThat(Instant.parse(browser.login().json().get("idle_expires_at").asString()))
			.isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(30)));
		assertThat(browser.login().json().get("idle_timeout_seconds").asLong()).isEqualTo(1800);

		clock.advance(Duration.ofMinutes(31));

		assertThat(browser.refresh().status()).isEqualTo(401);
		assertThat(auditDetails("auth.refresh")).anySatisfy((details) -> assertThat(details).contains("\"idle\""));
	}

	@Test
	void activityKeepsItAliveAndMovesTheIdleDeadline() {
		Browser browser = browserLogin(register("idle-alive-" + UUID.randomUUID() + "@ferry.test"));
		String token = browser.login().json().get("access_token").asString();

		clock.advance(Duration.ofMinutes(10));
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(25));
		Api.Response refreshed = browser.refresh();

		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(Instant.parse(refreshed.json().get("idle_expires_at").asString()))
			.isEqualTo(clock.instant().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofMinutes(30)));
		String sessions = api.get("/api/v1/auth/sessions", refreshed.json().get("access_token").asString()).body();
		assertThat(sessions).contains("idle_expires_at");
	}

	@Test
	void aSessionEndsThirtyDaysAfterSignInHoweverOftenItIsUsed() {
		String email = register("max-age-" + UUID.randomUUID() + "@ferry.test");
		Api.Response login = api.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD), null);
		assertThat(login.json().has("idle_expires_at")).as("API sessions have no idle timeout").isFalse();
		assertThat(login.json().has("idle_timeout_seconds")).isFalse();
		String refresh = login.json().get("refresh_token").asString();

		clock.advance(Duration.ofDays(20));
		Api.Response first = api.post("/api/v1/auth/refresh", Map.of("refresh_token", refresh), null);
		assertThat(first.status()).isEqualTo(200);
		clock.advance(Duration.ofDays(10).plusMinutes(1));
		Api.Response second = api.post("/api/v1/auth/refresh",
				Map.of("refresh_token", first.json().get("refresh_token").asString()), null);

		assertThat(second.status()).isEqualTo(401);
	}

	private Browser browserLogin(String email) {
		Api.Response login = api.post("/api/v1/auth/login",
				Map.of("email", email, "password", PASSWORD, "use_cookie", true), null);
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		return new Browser(login, cookie(login, RefreshCookies.REFRESH), cookie(login, RefreshCookies.CSRF));
	}

	private static String cookie(Api.Response response, String name) {
		String header = response.headers()
			.get("set-cookie")
			.stream()
			.filter((c) -> c.startsWith(name + "="))
			.findFirst()
			.orElseThrow();
		return header.substring(name.length() + 1, header.indexOf(';'));
	}

	private final class Browser {

		private final Api.Response login;

		private String refresh;

		private final String csrf;

		Browser(Api.Response login, String refresh, String csrf) {
			this.login = login;
			this.refresh = refresh;
			this.csrf = csrf;
		}

		Api.Response login() {
			return login;
		}

		Api.Response refresh() {
			Api.Response response = api.send(api.builder("/api/v1/auth/refresh", null)
				.header("Cookie", RefreshCookies.REFRESH + "=" + refresh + "; " + RefreshCookies.CSRF + "=" + csrf)
				.header(RefreshCookies.CSRF_HEADER, csrf)
				.POST(HttpRequest.BodyPublishers.noBody()));
			if (response.status() == 200) {
				refresh = cookie(response, RefreshCookies.REFRESH);
			}
			return response;
		}

	}

}
