package dev.ferry.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferry.testing.Api;
import dev.ferry.testing.FuzzBudget;
import dev.ferry.testing.FuzzServer;
import org.junit.jupiter.api.BeforeAll;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz target for the {@code cursor} parameter of every paginated list endpoint
 * (each GET operation of the served OpenAPI document that has one), over HTTP: a cursor
 * the server did not hand out is a 400 problem, never a 500 or a page of something else.
 * See {@code bin/fuzz}.
 */
class CursorsFuzzTests {

	private static final Set<Integer> REFUSED = Set.of(400);

	/**
	 * The server starts (and the fixtures are made) before Jazzer's clock runs, so the
	 * budget goes to inputs.
	 */
	@BeforeAll
	static void startServer() {
		Lists.get(FuzzServer.get());
	}

	@FuzzTest(maxDuration = FuzzBudget.EACH)
	void aFuzzedCursorIsA400(FuzzedDataProvider data) {
		FuzzServer server = FuzzServer.get();
		List<String> lists = Lists.get(server).paths();
		String path = lists.get(data.consumeInt(0, lists.size() - 1));
		String cursor = data.consumeRemainingAsString();
		Api.Response response = server.api()
			.send(server.request(path + "?cursor=" + FuzzServer.percentEncoded(cursor), server.adminToken()).GET());
		if (response.status() == 200) {
			assertThat(cursor.isBlank() || response.json().has("items")).as(response.toString()).isTrue();
			server.assertNoStackTrace(response);
			return;
		}
		server.assertProblem(response, REFUSED);
	}

	/**
	 * The list paths, read once per JVM from the server's OpenAPI document, with the one
	 * path variable they have ({@code id}, a transfer's) filled with a real transfer.
	 */
	record Lists(List<String> paths) {

		private static Lists shared;

		static synchronized Lists get(FuzzServer server) {
			if (shared == null) {
				Api api = server.api();
				String admin = server.adminToken();
				String fileId = api.putFile("/fuzz/listed-" + System.nanoTime() + ".txt", "listed", admin);
				Api.Response transfer = api.post("/api/v1/transfers",
						Map.of("title", "Listed", "file_ids", List.of(fileId)), admin);
				assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
				String transferId = transfer.json().get("id").asString();
				List<String> paths = new ArrayList<>();
				JsonNode document = api.get("/api/v1/openapi.json", null).json();
				document.get("paths").properties().forEach((entry) -> {
					JsonNode get = entry.getValue().get("get");
					if (get != null && hasCursor(get)) {
						paths.add(entry.getKey().replace("{id}", transferId));
					}
				});
				assertThat(paths).as("paginated lists")
					.hasSizeGreaterThanOrEqualTo(8)
					.noneMatch((p) -> p.contains("{"));
				shared = new Lists(List.copyOf(paths));
			}
			return shared;
		}

		private static boolean hasCursor(JsonNode operation) {
			for (JsonNode parameter : operation.path("parameters")) {
				if ("cursor".equals(parameter.path("name").asString(""))) {
					return true;
				}
			}
			return false;
		}

	}

}
