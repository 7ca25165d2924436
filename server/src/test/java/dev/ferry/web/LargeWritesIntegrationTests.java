package dev.ferry.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ferry.testing.Api;
import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector Ferry runs ({@link LargeWritesNioProtocol}) grows a connection's socket
 * write buffer while it streams a large answer ({@link GrowingWriteBuffer}); these
 * requests over raw sockets check that no byte is lost or reordered through the grown
 * buffer, after it on the same kept-alive connection, and on a new connection that reuses
 * the buffers of a closed one.
 */
class LargeWritesIntegrationTests extends IntegrationTest {

	private static final Pattern SCRIPT = Pattern.compile("src=\"(/assets/index-[^\"]+\\.js)\"");

	private static final Pattern LENGTH = Pattern.compile("(?im)^content-length: *(\\d+)");

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theServerRunsTheLargeWritesConnector() {
		assertThat(((TomcatWebServer) this.context.getWebServer()).getTomcat().getConnector().getProtocolHandler())
			.isInstanceOf(LargeWritesNioProtocol.class);
	}

	@Test
	void aKeptAliveConnectionCarriesLargeAndSmallAnswersIntact() throws IOException {
		Matcher script = SCRIPT.matcher(api.get("/", null).body());
		assertThat(script.find()).isTrue();
		String bundle = script.group(1);
		try (Socket socket = connect()) {
			InputStream in = socket.getInputStream();
			send(socket, "GET " + bundle, "");
			byte[] first = body(in);
			assertThat(first.length).as("large enough to grow the buffer").isGreaterThan(256 * 1024);
			assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(api.get(bundle, null).body());
			send(socket, "GET /theme.js", "");
			assertThat(new String(body(in), StandardCharsets.UTF_8)).isEqualTo(api.get("/theme.js", null).body());
			send(socket, "GET " + bundle, "");
			assertThat(body(in)).isEqualTo(first);
		}
	}

	@Test
	void downloadsArriveWholeOnFreshAndReusedConnections() throws IOException {
		String token = adminToken();
		byte[] content = new byte[5 * 1024 * 1024 + 13];
		new Random(23).nextBytes(content);
		Api.Response uploaded = api.send(api.builder("/api/v1/files/content?path=/large-writes.bin", token)
			.PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		String download = "GET /api/v1/files/" + uploaded.json().get("id").asString() + "/download";
		for (int i = 0; i < 3; i++) {
			try (Socket socket = connect()) {
				send(socket, download, "Authorization: Bearer " + token + "\r\n");
				assertThat(body(socket.getInputStream())).as("download %d", i).isEqualTo(content);
			}
		}
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(30_000);
		return socket;
	}

	private static void send(Socket socket, String requestLine, String headers) throws IOException {
		socket.getOutputStream()
			.write((requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n")
				.getBytes(StandardCharsets.US_ASCII));
	}

	/** The body of one HTTP/1.1 200 answer with a Content-Length. */
	private static byte[] body(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.indexOf("\r\n\r\n") < 0) {
			int b = in.read();
			assertThat(b).as("an answer, not a closed connection").isNotNegative();
			head.append((char) b);
		}
		assertThat(head).startsWith("HTTP/1.1 200");
		Matcher length = LENGTH.matcher(head);
		assertThat(length.find()).as(head.toString()).isTrue();
		byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
		assertThat(body).hasSize(Integer.parseInt(length.group(1)));
		return body;
	}

}
