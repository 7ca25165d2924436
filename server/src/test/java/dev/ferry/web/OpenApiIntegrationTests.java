package dev.ferry.web;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiIntegrationTests extends IntegrationTest {

	@Test
	void documentDescribesTheApiItsSecurityAndItsProblems() {
		Api.Response response = api.get("/api/v1/openapi.json", null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode doc = response.json();
		assertThat(doc.get("openapi").asString()).startsWith("3.");
		assertThat(doc.get("info").get("title").asString()).isEqualTo("Ferry API");
		assertThat(doc.get("info").get("version").asString()).isNotBlank();
		JsonNode paths = doc.get("paths");
		assertThat(paths.has("/api/v1/auth/login")).isTrue();
		assertThat(paths.has("/api/v1/me")).isTrue();
		assertThat(paths.propertyNames()).allMatch((path) -> path.startsWith("/api/v1/"))
			.noneMatch((path) -> path.contains("test-only"));
		JsonNode bearer = doc.get("components").get("securitySchemes").get("bearer");
		assertThat(bearer.get("scheme").asString()).isEqualTo("bearer");
		assertThat(paths.get("/api/v1/auth/login").get("post").get("security")).isEmpty();
		JsonNode me = paths.get("/api/v1/me").get("get");
		assertThat(me.has("security")).isFalse();
		assertThat(me.get("responses")
			.get("401")
			.get("content")
			.get("application/problem+json")
			.get("schema")
			.get("$ref")
			.asString()).isEqualTo("#/components/schemas/Problem");
		assertThat(doc.get("components").get("schemas").get("TokenResponse").get("properties").has("access_token"))
			.isTrue();
	}

}
