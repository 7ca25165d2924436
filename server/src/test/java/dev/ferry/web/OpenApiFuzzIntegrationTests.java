package dev.ferry.web;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;

import dev.ferry.testing.Api;
import dev.ferry.testing.FuzzServer;
import dev.ferry.testing.IntegrationTest;
import dev.ferry.testing.OwnServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A property-based API fuzzer driven by the served OpenAPI document (Schemathesis' idea;
 * Schemathesis itself is not available here): for every operation it sends requests with
 * path, query and JSON body values drawn from the operation's schemas, half of them bent
 * to break the schema, with an admin token. Property: no 5xx, every 4xx an RFC 9457
 * problem with {@code title} and {@code status}, no stack trace in any error, and a
 * healthy server afterwards. The seed is random per run and printed with a failure;
 * {@code -Dferry.openapi.fuzz.seed=N} replays one. A server of its own, since the
 * requests change admin settings other tests rely on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiFuzzIntegrationTests {

	/** Requests per operation: even tries follow the schema, odd ones bend it. */
	private static final int TRIES = 4;

	private static final Duration HANG = Duration.ofSeconds(30);

	/**
	 * Operations that would end the run for everything after them: deleting the own
	 * account and signing out (the token dies), rotating the keys (re-wraps every blob,
	 * minutes of work), an address rule or a security policy drawn at random (they may
	 * ban 127.0.0.1 or demand a second factor, so later requests test only that refusal).
	 * Their validation is covered by RequestBodiesFuzzTests and their own tests.
	 */
	private static final Set<String> EXCLUDED = Set.of("DELETE /api/v1/me", "POST /api/v1/admin/keys/rotate",
			"POST /api/v1/auth/logout", "DELETE /api/v1/auth/sessions", "POST /api/v1/admin/address-rules",
			"PUT /api/v1/admin/security-policy");

	private static final Set<String> METHODS = Set.of("get", "head", "post", "put", "patch", "delete", "options");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void ownServer(DynamicPropertyRegistry registry) {
		OwnServer.register(registry, "openapi-fuzz");
		registry.add("ferry.rate.api", () -> "0");
		registry.add("ferry.rate.public-calls", () -> "0");
		registry.add("ferry.rate.uploads", () -> "0");
	}

	@Test
	void everyOperationAnswersGeneratedRequestsWithoutA5xxOrAStackTrace() {
		long seed = Long.getLong("ferry.openapi.fuzz.seed", new Random().nextLong());
		Api api = new Api("http://127.0.0.1:" + this.port);
		String token = api.login(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
		String fileId = api.putFile("/fuzz/known.txt", "known content", token);
		Api.Response transfer = api.post("/api/v1/transfers", Map.of("title", "Known", "file_ids", List.of(fileId)),
				token);
		assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
		JsonNode document = api.get("/api/v1/openapi.json", null).json();
		Random random = new Random(seed);
		SchemaValues values = new SchemaValues(document, random, List.of(fileId, transfer.json().get("id").asString()));
		List<String> failures = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (!METHODS.contains(operation.getKey()) || EXCLUDED.contains(method + " " + path.getKey())
						|| streams(operation.getValue())) {
					continue;
				}
				operations++;
				for (int attempt = 0; attempt < TRIES; attempt++) {
					HttpRequest request = request(api, token, method, path.getKey(), operation.getValue(), values,
							attempt % 2 == 1);
					check(api, request, failures);
				}
			}
		}
		assertThat(operations).as("operations fuzzed").isGreaterThan(150);
		assertThat(failures).as("seed " + seed + " (-Dferry.openapi.fuzz.seed=" + seed + ")").isEmpty();
		assertThat(api.get("/health", null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
	}

	private static HttpRequest request(Api api, String token, String method, String template, JsonNode operation,
			SchemaValues values, boolean violate) {
		String path = template;
		StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
		for (JsonNode parameter : operation.path("parameters")) {
			String name = parameter.path("name").asString();
			String value = FuzzServer.percentEncoded(values.text(parameter.path("schema"), violate));
			if ("path".equals(parameter.path("in").asString())) {
				path = path.replace("{" + name + "}", value);
			}
			else if ("query".equals(parameter.path("in").asString())
					&& (parameter.path("required").asBoolean() || violate || value.length() % 2 == 0)) {
				query.add(FuzzServer.percentEncoded(name) + "=" + value);
			}
		}
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(api.base() + path + query))
			.timeout(HANG)
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json, application/problem+json, */*");
		JsonNode content = operation.path("requestBody").path("content");
		if (content.isEmpty()) {
			return builder.method(method, HttpRequest.BodyPublishers.noBody()).build();
		}
		String type = content.propertyNames().iterator().next();
		String body = "application/json".equals(type)
				? values.value(content.get(type).path("schema"), violate).toString()
				: values.text(content.get(type).path("schema"), violate);
		return builder.header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	/** Adds what is wrong with the answer to {@code request} to {@code failures}. */
	private static void check(Api api, HttpRequest request, List<String> failures) {
		String what = request.method() + " " + request.uri();
		Api.Response response;
		try {
			response = api.send(HttpRequest.newBuilder(request, (name, value) -> true));
		}
		catch (UncheckedIOException ex) {
			failures.add(what + ": no answer (" + ex.getCause() + ")");
			return;
		}
		String answer = what + " -> " + response.status() + " " + abbreviated(response.body());
		if (response.status() >= 500) {
			failures.add(answer);
			return;
		}
		if (response.status() >= 400 && !"HEAD".equals(request.method())) {
			String type = String.valueOf(response.contentType());
			if (!type.startsWith("application/problem+json")) {
				failures.add(answer + " (not a problem: " + type + ")");
				return;
			}
			JsonNode problem = response.json();
			if (problem.path("title").asString("").isBlank() || problem.path("status").asInt() != response.status()) {
				failures.add(answer + " (no title, or another status)");
			}
			if (FuzzServer.showsStackTrace(response.body())) {
				failures.add(answer + " (a stack trace)");
			}
		}
	}

	/** Server-sent events never end, so a request would only wait for its timeout. */
	private static boolean streams(JsonNode operation) {
		return operation.path("responses").toString().contains("text/event-stream");
	}

	private static String abbreviated(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "..." : body;
	}

}
