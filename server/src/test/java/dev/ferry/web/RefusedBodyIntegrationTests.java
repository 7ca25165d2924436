package dev.ferry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import dev.ferry.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A client that keeps sending the body of an upload the server already refused (no
 * credentials) must be cut off, not read forever: Tomcat discards at most
 * {@code max-swallow-size} after the answer, then closes the connection. A raw socket,
 * because real clients stop sending when they see the 401; an attacker does not.
 */
class RefusedBodyIntegrationTests extends IntegrationTest {

	private static final long GIVE_UP_AFTER = 256L * 1024 * 1024;

	@Test
	void aRefusedUnauthenticatedUploadCannotKeepStreamingIntoTheServer() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("PUT /api/v1/files/content?path=/flood.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Content-Type: application/octet-stream\r\nContent-Length: 10000000000\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			assertThat(responseHead(socket.getInputStream())).startsWith("HTTP/1.1 401");

			AtomicLong sent = new AtomicLong();
			byte[] chunk = new byte[64 * 1024];
			assertThatExceptionOfType(IOException.class).as("the connection is closed").isThrownBy(() -> {
				while (sent.get() < GIVE_UP_AFTER) {
					out.write(chunk);
					sent.addAndGet(chunk.length);
				}
			});
			assertThat(sent.get()).as("bytes accepted after the refusal").isLessThan(64L * 1024 * 1024);
		}
	}

	private static String responseHead(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
			int b = in.read();
			if (b < 0) {
				break;
			}
			head.write(b);
		}
		return head.toString(StandardCharsets.US_ASCII);
	}

}
