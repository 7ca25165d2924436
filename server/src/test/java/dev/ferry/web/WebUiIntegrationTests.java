package dev.ferry.web;

import java.net.http.HttpRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar serves the built UI: index.html for client routes, cacheable hashed assets,
 * 404s elsewhere.
 */
class WebUiIntegrationTests extends IntegrationTest {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

	@Test
	void rootServesTheUiUnderTheStrictCsp() {
		Api.Response index = api.get("/", null);
		assertThat(index.status()).isEqualTo(200);
		assertThat(index.contentType()).startsWith("text/html");
		assertThat(index.body()).contains("<div id=\"root\"></div>");
		assertThat(index.header("Content-Security-Policy")).isEqualTo(SecurityConfiguration.CONTENT_SECURITY_POLICY);
		assertThat(index.header("Cache-Control")).isEqualTo("no-cache");
		assertThat(index.body()).doesNotContainPattern("<script>|<style|style=\"|<script(?![^>]*\\ssrc=)[^>]*>");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/files", "/files?path=%2Fdocs", "/account", "/admin/users", "/admin/audit", "/setup",
			"/register", "/s/3q2-A_token" })
	void clientRoutesAnswerIndexHtml(String path) {
		Api.Response response = api.get(path, null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/html");
		assertThat(response.body()).contains("<div id=\"root\"></div>");
		assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/nothing-here", "/api/v2/files", "/api", "/assets/missing.js", "/missing.png" })
	void otherUnknownPathsStayProblemJson404(String path) {
		Api.Response response = api.send(api.builder(path, null).header("Accept", "text/html,*/*").GET());
		assertThat(response.status()).as(path).isIn(401, 404);
		assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain("<div id=\"root\">");
	}

	@Test
	void actuatorPathsAreNotClientRoutes() {
		Api.Response response = api.get("/health/nothing", null);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.body()).doesNotContain("<div id=\"root\">");
	}

	@Test
	void unknownApiPathOfASignedInCallerIs404() {
		Api.Response response = api.get("/api/v1/nothing-here", adminToken());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void hashedAssetsAreCachedForAYear() {
		Matcher script = SCRIPT.matcher(api.get("/", null).body());
		assertThat(script.find()).as("index.html names its bundle").isTrue();
		Api.Response asset = api.get(script.group(1), null);
		assertThat(asset.status()).isEqualTo(200);
		assertThat(asset.contentType()).contains("javascript");
		assertThat(asset.header("Cache-Control")).contains("max-age=31536000").contains("immutable");
	}

	@Test
	void unhashedStaticFilesAreRevalidated() {
		Api.Response theme = api.get("/theme.js", null);
		assertThat(theme.status()).isEqualTo(200);
		assertThat(theme.header("Cache-Control")).isEqualTo("no-cache");
	}

	@Test
	void onlyReadsAreServed() {
		Api.Response post = api.send(api.builder("/files", null)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(post.status()).isEqualTo(405);
		assertThat(post.contentType()).startsWith("application/problem+json");
	}

}
