package dev.ferry.web;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error, from MVC, Spring Security, a filter, the servlet error page or Tomcat
 * itself, is problem+json with a stable type, a human detail, and nothing of the server's
 * insides.
 */
class ErrorHandlingIntegrationTests extends IntegrationTest {

	@Test
	void unknownRoutesAre404WithOrWithoutCredentials() {
		// Extension-less paths outside /api belong to the web UI's client-side routes; a
		// file
		// name that is not an asset is a plain 404.
		JsonNode site = assertProblem(api.get("/nope.php", null), 404, "not-found");
		assertThat(site.get("detail").asString()).isEqualTo("There is no endpoint at GET /nope.php.");
		assertProblem(api.get("/api/v1/nope", null), 404, "not-found");
		JsonNode api404 = assertProblem(api.get("/api/v1/nope", adminToken()), 404, "not-found");
		assertThat(api404.get("detail").asString()).contains("/api/v1/nope").doesNotContain("static resource");
	}

	@Test
	void wrongMethodIs405WithAllowHeader() {
		Api.Response response = api.delete("/api/v1/auth/login", null);
		JsonNode problem = assertProblem(response, 405, "method-not-allowed");
		assertThat(response.header("Allow")).isEqualTo("POST");
		assertThat(problem.get("detail").asString()).contains("DELETE").contains("POST");
	}

	@Test
	void unsupportedContentTypeIs415() {
		Api.Response response = api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "text/plain")
			.POST(HttpRequest.BodyPublishers.ofString("email=a")));
		JsonNode problem = assertProblem(response, 415, "unsupported-media-type");
		assertThat(problem.get("detail").asString()).contains("text/plain").contains("application/json");
	}

	@Test
	void unacceptableAcceptIs406() {
		Api.Response response = api.send(api.builder("/api/v1/me", adminToken()).header("Accept", "application/xml"));
		assertProblem(response, 406, "not-acceptable");
	}

	@Test
	void malformedJsonIs400SayingWhere() {
		JsonNode problem = assertProblem(
				api.post("/api/v1/auth/login", "{\"email\": \"a@b.c\",\n \"password\": }", null), 400,
				"malformed-json");
		assertThat(problem.get("detail").asString()).contains("not valid JSON").contains("line 2");
		assertProblem(api.post("/api/v1/auth/login", "[1, 2]", null), 400, "malformed-json");
		assertProblem(api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())), 400, "missing-body");
	}

	@Test
	void wrongJsonValueTypeIsAFieldError() {
		JsonNode problem = assertProblem(api.post(ErrorProbes.BASE + "/shares",
				Map.of("file_name", "a.txt", "max_downloads", "many"), adminToken()), 400, "validation");
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("max_downloads");
		assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("must be an integer");
	}

	@Test
	void validationErrorsNameFieldsAsTheJsonDoes() {
		Map<String, Object> body = Map.of("file_name", " ", "max_downloads", 0, "recipients",
				List.of(Map.of("email_address", "ok@ferry.test"), Map.of("email_address", "not-an-address")));
		JsonNode problem = assertProblem(api.post(ErrorProbes.BASE + "/shares", body, adminToken()), 400, "validation");
		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("file_name",
				"max_downloads", "recipients[1].email_address");
		assertThat(problem.get("errors").findValuesAsString("message")).allMatch((m) -> !m.isBlank());
		JsonNode login = assertProblem(api.post("/api/v1/auth/login", Map.of(), null), 400, "validation");
		assertThat(login.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "password");
	}

	@Test
	void missingAndInvalidParametersAre400() {
		String token = adminToken();
		JsonNode missing = assertProblem(api.get(ErrorProbes.BASE + "/search", token), 400, "missing-parameter");
		assertThat(missing.get("detail").asString()).contains("page_size");
		JsonNode notANumber = assertProblem(api.get(ErrorProbes.BASE + "/search?page_size=lots", token), 400,
				"invalid-parameter");
		assertThat(notANumber.get("detail").asString()).isEqualTo("Parameter 'page_size' must be an integer.");
		JsonNode outOfRange = assertProblem(api.get(ErrorProbes.BASE + "/search?page_size=0", token), 400,
				"validation");
		assertThat(outOfRange.get("errors").get(0).get("field").asString()).isEqualTo("page_size");
	}

	@Test
	void nonUuidPathVariableIs400() {
		String token = adminToken();
		JsonNode problem = assertProblem(api.get(ErrorProbes.BASE + "/things/not-a-uuid", token), 400,
				"invalid-parameter");
		assertThat(problem.get("detail").asString()).isEqualTo("Parameter 'id' must be a UUID.");
		assertThat(api.get(ErrorProbes.BASE + "/things/5b1a7f3e-8c1d-4c36-9a55-0d5b1c1f0a11", token).status())
			.isEqualTo(200);
	}

	@Test
	void missingOrInvalidCredentialsAre401WithChallenge() {
		for (String token : new String[] { null, "not-a-token", "fy_unknownkey" }) {
			Api.Response response = api.get("/api/v1/me", token);
			assertProblem(response, 401, "unauthenticated");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
		}
	}

	@Test
	void methodSecurityDenialIs403() {
		assertProblem(api.get(ErrorProbes.BASE + "/forbidden", adminToken()), 403, "forbidden");
	}

	@Test
	void moduleProblemsKeepTheirTypeAndStatus() {
		JsonNode conflict = assertProblem(api.get(ErrorProbes.BASE + "/conflict", adminToken()), 409, "name-taken");
		assertThat(conflict.get("title").asString()).isEqualTo("Name taken");
	}

	@Test
	void problemThrownInAFilterIsRenderedByTheErrorPage() {
		Api.Response response = api.get(ErrorProbes.BASE + "/throttled", adminToken());
		assertProblem(response, 429, "rate-limited");
		assertThat(response.header("Retry-After")).isEqualTo("30");
		assertSecurityHeaders(response);
	}

	@Test
	void oversizedBodyIs413WithOrWithoutContentLength() {
		String big = "{\"email\": \"" + "a".repeat(1024 * 1024) + "\", \"password\": \"x\"}";
		assertProblem(api.post("/api/v1/auth/login", big, null), 413, "content-too-large");
		Api.Response chunked = api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))));
		assertProblem(chunked, 413, "content-too-large");
		assertProblem(postAs("application/merge-patch+json", big), 413, "content-too-large");
		assertProblem(postAs("text/plain; charset=UTF-8", big), 413, "content-too-large");
	}

	/** File content is streamed to storage, so its size is not capped like JSON's. */
	@Test
	void streamedContentTypesAreNotCappedBySize() {
		String big = "x".repeat(2 * 1024 * 1024);
		assertProblem(postAs("application/octet-stream", big), 415, "unsupported-media-type");
		assertProblem(postAs("image/png", big), 415, "unsupported-media-type");
	}

	private Api.Response postAs(String contentType, String body) {
		return api.send(api.builder("/api/v1/auth/login", null)
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	@Test
	void unexpectedFailureIs500NamingOnlyTheRequestId() {
		Api.Response response = api.get(ErrorProbes.BASE + "/boom", adminToken());
		JsonNode problem = assertProblem(response, 500, "internal");
		assertThat(problem.get("detail").asString()).contains("X-Request-Id");
		assertThat(response.body()).doesNotContain("Secret").doesNotContain("/etc/ferry");
		assertThat(response.header("X-Request-Id")).isNotBlank();
	}

	@Test
	void requestsRejectedBeforeMvcAreProblemsToo() {
		assertProblem(api.get("/api/v1/me;jsessionid=x", null), 400, "bad-request");
		assertProblem(api.send(api.builder("/health", null).method("TRACE", HttpRequest.BodyPublishers.noBody())), 405,
				"method-not-allowed");
		JsonNode direct = assertProblem(api.get("/error", null), 404, "not-found");
		assertThat(direct.get("instance").asString()).isEqualTo("/error");
	}

	@Test
	void requestsTomcatRejectsItselfAreProblemsNotHtml() {
		Api.Response encodedSlash = api.get("/api/v1/files/a%2Fb", null);
		assertProblem(encodedSlash, 400, "bad-request");
		assertSecurityHeaders(encodedSlash);
		Api.Response hugeHeader = api.send(api.builder("/health", null).header("X-Padding", "p".repeat(20_000)));
		assertProblem(hugeHeader, 400, "bad-request");
	}

	static JsonNode assertProblem(Api.Response response, int status, String slug) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("Exception")
			.doesNotContain("at dev.")
			.doesNotContain("\tat ")
			.doesNotContain("<html")
			.doesNotContain("java.");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("/problems/" + slug);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
		return problem;
	}

	static void assertSecurityHeaders(Api.Response response) {
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
	}

}
