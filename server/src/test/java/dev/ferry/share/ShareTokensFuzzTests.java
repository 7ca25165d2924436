package dev.ferry.share;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.Api;
import dev.ferry.testing.FuzzBudget;
import dev.ferry.testing.FuzzServer;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for the public share routes (share links and upload requests) over
 * HTTP: fuzzed tokens, mutated real tokens, passwords, codes and session headers. An
 * unknown or locked token is a problem with 401, 403, 404, 410 or 429, a body the route
 * cannot use (or a real token asked for what it does not offer) a 400, never a 500 or a
 * stack trace; a path the container refuses outright (see {@link #refusedByTheContainer})
 * a 400 problem. See {@code bin/fuzz}.
 */
class ShareTokensFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<Integer> REFUSALS = Set.of(401, 403, 404, 410, 429);

	/**
	 * Refusals of a route that reads a body, which may also be unusable, or of a real
	 * token asked for what it does not offer (a CAPTCHA challenge it needs none of).
	 */
	private static final Set<Integer> BODY_REFUSALS = Set.of(400, 401, 403, 404, 410, 429);

	/** Method, path after the token, and whether it carries a JSON body. */
	private static final List<Route> ROUTES = List.of(new Route("GET", "/api/v1/share/%s", false),
			new Route("POST", "/api/v1/share/%s/unlock", true), new Route("POST", "/api/v1/share/%s/verify", true),
			new Route("GET", "/api/v1/share/%s/challenge", false), new Route("POST", "/api/v1/share/%s/captcha", true),
			new Route("POST", "/api/v1/share/%s/verify-email", true),
			new Route("POST", "/api/v1/share/%s/verify-email/confirm", true),
			new Route("POST", "/api/v1/share/%s/download-tickets", true),
			new Route("GET", "/api/v1/share/%s/download", false), new Route("HEAD", "/api/v1/share/%s/download", false),
			new Route("GET", "/api/v1/share/%s/files/%s/download", false),
			new Route("GET", "/api/v1/upload-requests/public/%s", false),
			new Route("POST", "/api/v1/upload-requests/public/%s/session", true),
			new Route("GET", "/api/v1/upload-requests/public/%s/challenge", false),
			new Route("POST", "/api/v1/upload-requests/public/%s/captcha", true),
			new Route("POST", "/api/v1/upload-requests/public/%s/verify-email", true),
			new Route("POST", "/api/v1/upload-requests/public/%s/verify-email/confirm", true));

	private static final String PASSWORD = "correct horse battery";

	/**
	 * The server starts (and the fixtures are made) before Jazzer's clock runs, so the
	 * budget goes to inputs.
	 */
	@BeforeAll
	static void startServer() {
		Shares.get(FuzzServer.get());
	}

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aFuzzedShareTokenIsRefusedWithAProblem(FuzzedDataProvider data) {
		FuzzServer server = FuzzServer.get();
		Shares shares = Shares.get(server);
		Route route = data.pickValue(ROUTES);
		boolean request = route.path().startsWith("/api/v1/upload-requests");
		String real = request ? shares.requestToken() : shares.linkToken();
		String token = switch (data.consumeInt(0, 3)) {
			case 0 -> real;
			case 1 -> real.substring(0, data.consumeInt(0, real.length() - 1)) + data.consumeString(8);
			case 2 -> real + data.consumeString(8);
			default -> data.consumeString(64);
		};
		String fileId = data.consumeBoolean() ? shares.fileId() : data.consumeString(40);
		HttpRequest.Builder builder = server
			.request(route.path().formatted(FuzzServer.percentEncoded(token), FuzzServer.percentEncoded(fileId)), null);
		if (data.consumeBoolean()) {
			builder.header("X-Share-Session", headerSafe(data.consumeString(80)));
		}
		String secret = data.consumeBoolean() ? PASSWORD : data.consumeString(80);
		Map<String, Object> body = Map.of("password", secret, "email", data.consumeString(40), "code",
				data.consumeString(12), "payload", data.consumeString(120), "file_id", data.consumeRemainingAsString());
		builder.method(route.method(), route.body() ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody());
		if (route.body()) {
			builder.header("Content-Type", "application/json");
		}
		Api.Response response = server.api().send(builder);
		if (response.status() < 400 && token.equals(real)) {
			server.assertNoStackTrace(response);
			return;
		}
		boolean malformed = refusedByTheContainer(token, fileId);
		if ("HEAD".equals(route.method())) {
			assertThat(response.status()).as(response.toString()).isIn(malformed ? BODY_REFUSALS : REFUSALS);
			return;
		}
		if (response.status() == 400 && malformed) {
			server.assertProblem(response, Set.of(400));
			return;
		}
		server.assertProblem(response, (route.body() || token.equals(real)) ? BODY_REFUSALS : REFUSALS);
	}

	/**
	 * Tomcat and Spring Security's firewall answer a path with an encoded control
	 * character, percent sign, semicolon, slash or backslash, or an empty or dot segment,
	 * with a 400 before any route sees it: a malformed URL, not a token that was looked
	 * up.
	 */
	private static boolean refusedByTheContainer(String token, String fileId) {
		return Stream.of(token, fileId)
			.anyMatch((segment) -> segment.isEmpty() || segment.matches("\\.{1,2}")
					|| segment.chars().anyMatch((c) -> c < 0x20 || c == 0x7f || "%;/\\".indexOf(c) >= 0));
	}

	private static String headerSafe(String value) {
		StringBuilder safe = new StringBuilder();
		value.chars().filter((c) -> c > 0x20 && c < 0x7f).forEach((c) -> safe.append((char) c));
		return safe.toString();
	}

	record Route(String method, String path, boolean body) {
	}

	/** A password-protected share link and upload request, made once per JVM. */
	record Shares(String linkToken, String requestToken, String fileId) {

		private static Shares shared;

		static synchronized Shares get(FuzzServer server) {
			if (shared == null) {
				Api api = server.api();
				String admin = server.adminToken();
				String fileId = api.putFile("/fuzz/shared-" + System.nanoTime() + ".txt", "shared content", admin);
				Api.Response transfer = api.post("/api/v1/transfers",
						Map.of("title", "Fuzzed", "file_ids", List.of(fileId)), admin);
				assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
				Api.Response link = api.post("/api/v1/transfers/" + transfer.json().get("id").asString() + "/share",
						Map.of("password", PASSWORD), admin);
				assertThat(link.status()).as(link.toString()).isEqualTo(201);
				Api.Response request = api.post("/api/v1/upload-requests", Map.of("title", "Fuzzed inbox", "password",
						PASSWORD, "max_files", 5, "max_total_bytes", 1_000_000), admin);
				assertThat(request.status()).as(request.toString()).isEqualTo(201);
				shared = new Shares(link.json().get("token").asString(), request.json().get("token").asString(),
						fileId);
			}
			return shared;
		}

	}

}
