package dev.ferry.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Share links whose files the CLI cannot take on trust: stamped copies, hostile names.
 */
@ExtendWith(FerryServer.class)
class ShareDownloadIntegrationTests {

	@TempDir
	Path home;

	@TempDir
	Path work;

	private CliRun cli;

	@BeforeEach
	void signIn() {
		cli = new CliRun(home);
		assertThat(cli.login(FerryServer.get().base()).exitCode()).isZero();
	}

	/**
	 * A watermarked link stamps a new copy at every download and names no ETag: nothing
	 * local is taken for it and a left part file is no start to resume from.
	 */
	@Test
	void aWatermarkedFileIsFetchedWholeAndNeverTakenForALocalFile() throws Exception {
		Path png = work.resolve("plan.png");
		ImageIO.write(new BufferedImage(240, 120, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
		CliRun.Result upload = cli.run("upload", png.toString(), "--to", "/it-watermark", "--json");
		assertThat(upload.exitCode()).as(upload.err()).isZero();
		String url = watermarkedLink(upload.json().get(0).path("id").asString());
		Path taken = Files.createDirectory(work.resolve("taken"));
		Files.writeString(taken.resolve("plan.png"), "my own plan");
		Path resumed = Files.createDirectory(work.resolve("resumed"));
		Files.writeString(resumed.resolve("plan.png.part"), "0123456789");

		CliRun.Result refused = cli.run("download", url, "-o", taken.toString());
		CliRun.Result whole = cli.run("download", url, "-o", resumed.toString());

		assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(5);
		assertThat(Files.readString(taken.resolve("plan.png"))).isEqualTo("my own plan");
		assertThat(whole.exitCode()).as(whole.err()).isZero();
		assertThat(whole.out()).contains("not verified");
		assertThat(ImageIO.read(resumed.resolve("plan.png").toFile()).getWidth()).isEqualTo(240);
		assertThat(resumed.resolve("plan.png.part")).doesNotExist();
	}

	/**
	 * A link may point at any server, which names the files: only the last part of a name
	 * is used, so nothing lands outside {@code -o}.
	 */
	@Test
	void aNameFromTheServerCannotPointOutsideTheOutputFolder() throws Exception {
		byte[] body = "abc".getBytes(StandardCharsets.UTF_8);
		HttpServer hostile = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		hostile.createContext("/api/v1/share/T", (exchange) -> answer(exchange, body));
		hostile.start();
		try {
			Path out = Files.createDirectories(work.resolve("deep/out"));

			CliRun.Result download = cli.run("download", "http://127.0.0.1:" + hostile.getAddress().getPort() + "/s/T",
					"-o", out.toString());

			assertThat(download.exitCode()).as(download.err()).isZero();
			assertThat(out.resolve("escaped.txt")).hasContent("abc");
			assertThat(work.resolve("deep/escaped.txt")).doesNotExist();
		}
		finally {
			hostile.stop(0);
		}
	}

	/** The link's info names one file "../escaped.txt"; its download is {@code body}. */
	private static void answer(HttpExchange exchange, byte[] body) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] answer = path.endsWith("/download") ? body
				: "{\"unlocked\":true,\"files\":[{\"id\":\"f1\",\"name\":\"../escaped.txt\",\"size\":3}]}"
					.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders()
			.add("Content-Type", path.endsWith("/download") ? "text/plain" : "application/json");
		// The first 128 bits of SHA-256("abc").
		exchange.getResponseHeaders().add("ETag", "\"ba7816bf8f01cfea414140de5dae2223\"");
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(200, head ? -1 : answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			if (!head) {
				out.write(answer);
			}
		}
	}

	private static String watermarkedLink(String fileId) throws Exception {
		ObjectNode request = Json.object().put("title", "Stamped plan");
		request.putArray("file_ids").add(fileId);
		request.putObject("link").put("watermark", true);
		HttpResponse<String> created = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(FerryServer.get().base() + "/api/v1/transfers"))
				.header("Authorization", "Bearer " + FerryServer.get().adminToken())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Json.write(request)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode link = Json.parse(created.body()).path("link");
		return link.path("url").asString();
	}

}
