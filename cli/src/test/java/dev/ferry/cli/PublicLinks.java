package dev.ferry.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** A share link as a stranger sees it through the public API, without the CLI. */
final class PublicLinks {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private PublicLinks() {
	}

	static String token(String url) {
		return url.substring(url.indexOf("/s/") + 3).replaceAll("#.*$", "");
	}

	static JsonNode info(String url) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/share/" + token(url))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return Json.parse(response.body());
	}

	/** The link's first file as the server stores it, saved to {@code target}. */
	static Path firstFile(String url, Path target) throws Exception {
		String fileId = info(url).path("files").get(0).path("id").asString();
		HttpResponse<Path> response = HTTP.send(HttpRequest
			.newBuilder(URI
				.create(FerryServer.get().base() + "/api/v1/share/" + token(url) + "/files/" + fileId + "/download"))
			.build(), HttpResponse.BodyHandlers.ofFile(target));
		assertThat(response.statusCode()).isEqualTo(200);
		return target;
	}

}
