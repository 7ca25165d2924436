package dev.ferry.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A receiver decides how long its answer's body takes; the delivery must not wait for it.
 */
class WebhookSenderTests {

	/**
	 * The answer's headers promise a megabyte and one byte follows: with the body read
	 * (or discarded, which reads it too) this would wait until the receiver hangs up,
	 * holding a job thread, since the request timeout ends with the headers.
	 */
	@Test
	@Timeout(60)
	void theStatusIsEnoughAndABodyThatNeverEndsIsNotAwaited() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread receiver = new Thread(() -> answerAndHang(server, done));
			receiver.setDaemon(true);
			receiver.start();
			WebhookSender sender = new WebhookSender(new AddressGuard(properties()), properties());

			WebhookSender.Result result = sender.send("http://127.0.0.1:" + server.getLocalPort() + "/hook", "msg_1",
					Instant.now(), "{}", List.of(WebhookSigner.newKey()));

			assertThat(result.code()).isEqualTo(200);
			assertThat(result.delivered()).isTrue();
			done.countDown();
			receiver.join();
		}
	}

	private static void answerAndHang(ServerSocket server, CountDownLatch done) {
		try (Socket socket = server.accept()) {
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[8192];
			String request = "";
			while (!request.contains("\r\n\r\n{}")) {
				int read = in.read(buffer);
				if (read < 0) {
					return;
				}
				request += new String(buffer, 0, read, StandardCharsets.ISO_8859_1);
			}
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\nx".getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			done.await();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WebhookProperties properties() {
		return new WebhookProperties(true, 8, Duration.ofSeconds(30), Duration.ofSeconds(5));
	}

}
