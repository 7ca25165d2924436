package dev.ferry.web;

import java.util.List;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on every kind of response. Over plain HTTP there is no HSTS (a browser
 * would ignore it, and it must not pin a deployment that never had TLS); the TLS case is
 * covered by {@code ServerProcessIntegrationTests}.
 */
class SecurityHeadersIntegrationTests extends IntegrationTest {

	@Test
	void everyKindOfResponseCarriesTheHeadersButNoHstsOverPlainHttp() {
		String token = adminToken();
		List<Api.Response> responses = List.of(api.get("/api/v1/me", token), api.get("/health", null),
				api.get("/health/ready", null), api.get("/metrics", null), api.get("/api/v1/openapi.json", null),
				api.get("/api/v1/me", null), api.get("/api/v1/nope", token), api.get("/error", null),
				api.get("/api/v1/files/a%2Fb", null));
		for (Api.Response response : responses) {
			ErrorHandlingIntegrationTests.assertSecurityHeaders(response);
			assertThat(response.header("Strict-Transport-Security")).as(response.toString()).isNull();
		}
	}

	@Test
	void everyResponseCarriesARequestIdAndEchoesASaneOne() {
		Api.Response given = api.send(api.builder("/health", null).header("X-Request-Id", "trace-0123456789"));
		assertThat(given.header("X-Request-Id")).isEqualTo("trace-0123456789");
		Api.Response insane = api.send(api.builder("/health", null).header("X-Request-Id", "<script>"));
		assertThat(insane.header("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
