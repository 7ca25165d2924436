package dev.ferry.web;

import java.util.List;

import dev.ferry.testing.Api;
import dev.ferry.testing.Curl;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query strings that are not valid percent-encoded UTF-8, as ffuf sent them, through the
 * real curl (the JDK client refuses to build such URLs), too many parameters and form
 * bodies Tomcat cannot parse: every one answers 400 problem+json, signed in or not, and
 * the server logs no stack trace for them.
 */
@ExtendWith(OutputCaptureExtension.class)
class MalformedQueryIntegrationTests extends IntegrationTest {

	private static final List<String> PATHS = List.of("/api/v1/me/activity?limit=%ff%fe", "/api/v1/me/activity?foo=%",
			"/api/v1/files?q=%c0%af", "/api/v1/admin/audit-logs?action=%ff",
			"/api/v1/admin/audit-logs/export?format=csv&x=%zz", "/api/v1/auth/sessions?%ff=1",
			"/api/v1/files/00000000-0000-4000-8000-000000000000/download?ticket=%e2%82",
			"/api/v1/share/no-such-token?x=%", "/health?x=%ff%fe", "/metrics?x=%c0%af");

	@Test
	void malformedPercentEncodingAnswers400ProblemSignedInOrNot(CapturedOutput output) {
		String token = adminToken();
		for (String path : PATHS) {
			assertBadRequest(path, Curl.request("-H", "Authorization: Bearer " + token, api.base() + path));
			assertBadRequest(path, Curl.request(api.base() + path));
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
	}

	/**
	 * A year no epoch millisecond holds parsed, then overflowed the arithmetic into a
	 * 500. (A NUL, which PostgreSQL cannot store, is answered on PostgreSQL:
	 * DedupPostgresS3IntegrationTests.)
	 */
	@Test
	void anImpossibleYearAnswers400(CapturedOutput output) {
		String token = adminToken();
		for (String path : List.of("/api/v1/files?created_after=-300000000-01-01T00:00:00Z",
				"/api/v1/me/activity?from=%2B300000000-01-01T00:00:00Z",
				"/api/v1/admin/audit-logs?to=-300000000-01-01T00:00:00Z")) {
			Api.Response response = Curl.request("-H", "Authorization: Bearer " + token, api.base() + path);
			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void tooManyParametersAnswer400SignedInOrNot(CapturedOutput output) {
		String path = "/api/v1/me/activity?" + "a=1&".repeat(1500) + "limit=5";
		String token = adminToken();
		for (Api.Response response : List.of(Curl.request("-H", "Authorization: Bearer " + token, api.base() + path),
				Curl.request(api.base() + path))) {
			assertThat(response.status()).as(response.body()).isEqualTo(400);
			assertThat(response.contentType()).startsWith("application/problem+json");
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void aMalformedFormBodyAnswers400(CapturedOutput output) {
		String token = adminToken();
		for (String path : List.of("/api/v1/auth/login", "/api/v1/auth/api-keys", "/api/v1/transfers")) {
			Api.Response response = Curl.request("-H", "Authorization: Bearer " + token, "-H",
					"Content-Type: application/x-www-form-urlencoded", "--data-binary", "name=%ff%fe",
					api.base() + path);
			assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
	}

	@Test
	void wellFormedEncodingsStillWork() {
		String token = adminToken();
		Api.Response response = Curl.request("-H", "Authorization: Bearer " + token,
				api.base() + "/api/v1/me/activity?limit=%32");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(QueryStringFilter.wellFormed("q=caf%C3%A9+au+lait&a=%20&b=&=c&d")).isTrue();
		assertThat(QueryStringFilter.wellFormed("q=%F0%9F%98%80")).isTrue();
		assertThat(QueryStringFilter.wellFormed("q=%ED%A0%80")).as("a lone surrogate").isFalse();
		assertThat(QueryStringFilter.wellFormed("q=%4")).isFalse();
	}

	private static void assertBadRequest(String path, Api.Response response) {
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(400);
		assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).as(path).isEqualTo("/problems/bad-request");
		assertThat(response.json().get("detail").asString()).as(path).contains("query string");
		assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
	}

}
