package dev.ferry.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A receiver decides how long its answer takes, and its DNS server what its name resolves
 * to; the delivery must neither wait for the one nor trust the other twice.
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

			assertThat(result.code()).as(String.valueOf(result.error())).isEqualTo(200);
			assertThat(result.delivered()).isTrue();
			done.countDown();
			receiver.join();
		}
	}

	/**
	 * A name only the guard's lookup knows is delivered to: the client connects to the
	 * addresses the guard resolved, not to what the system's resolver would answer.
	 */
	@Test
	@Timeout(60)
	void theClientConnectsToTheAddressesTheGuardResolved() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread receiver = new Thread(() -> answerAndHang(server, done));
			receiver.setDaemon(true);
			receiver.start();
			AtomicInteger lookups = new AtomicInteger();
			AddressGuard guard = new AddressGuard(properties(), host -> {
				lookups.incrementAndGet();
				assertThat(host).isEqualTo("receiver.invalid");
				return new InetAddress[] { InetAddress.getLoopbackAddress() };
			});

			WebhookSender.Result result = new WebhookSender(guard, properties()).send(
					"http://receiver.invalid:" + server.getLocalPort() + "/hook", "msg_1", Instant.now(), "{}",
					List.of(WebhookSigner.newKey()));

			assertThat(result.code()).as(String.valueOf(result.error())).isEqualTo(200);
			assertThat(lookups).hasValue(1);
			done.countDown();
			receiver.join();
		}
	}

	/**
	 * DNS rebinding: the name first resolves to a public address, then to loopback, where
	 * a receiver waits. The one lookup the guard checks is the one the connection uses,
	 * so loopback is never reached.
	 */
	@Test
	@Timeout(60)
	void aNameThatResolvesElsewhereTheSecondTimeIsNotAskedTwice() throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			AtomicInteger lookups = new AtomicInteger();
			WebhookProperties guarded = new WebhookProperties(false, 8, Duration.ofSeconds(30), Duration.ofSeconds(1));
			AddressGuard guard = new AddressGuard(guarded,
					host -> new InetAddress[] { (lookups.getAndIncrement() == 0)
							? InetAddress.getByAddress(new byte[] { (byte) 192, 0, 2, 1 })
							: InetAddress.getLoopbackAddress() });

			WebhookSender.Result result = new WebhookSender(guard, guarded).send(
					"http://rebind.invalid:" + server.getLocalPort() + "/hook", "msg_1", Instant.now(), "{}",
					List.of(WebhookSigner.newKey()));

			assertThat(result.delivered()).isFalse();
			assertThat(lookups).hasValue(1);
			server.setSoTimeout(1);
			assertThatExceptionOfType(SocketTimeoutException.class).as("no connection reached loopback")
				.isThrownBy(server::accept);
		}
	}

	/**
	 * Headers that arrive a byte at a time never let a read time out; the deadline ends
	 * the attempt anyway.
	 */
	@Test
	@Timeout(60)
	void headersThatTrickleInAreCutOffAtTheTimeout() throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread receiver = new Thread(() -> trickle(server, done));
			receiver.setDaemon(true);
			receiver.start();
			WebhookProperties quick = new WebhookProperties(true, 8, Duration.ofSeconds(30), Duration.ofSeconds(1));

			WebhookSender.Result result = new WebhookSender(new AddressGuard(quick), quick).send(
					"http://127.0.0.1:" + server.getLocalPort() + "/hook", "msg_1", Instant.now(), "{}",
					List.of(WebhookSigner.newKey()));

			assertThat(result.delivered()).isFalse();
			assertThat(result.error()).isEqualTo("timeout");
			done.countDown();
			receiver.join();
		}
	}

	private static void trickle(ServerSocket server, CountDownLatch done) {
		try (Socket socket = server.accept()) {
			OutputStream out = socket.getOutputStream();
			out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.ISO_8859_1));
			int header = 0;
			while (!done.await(200, TimeUnit.MILLISECONDS)) {
				out.write(("X-Slow-" + header++ + ": y\r\n").getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
		}
		catch (IOException ex) {
			// the sender hung up, as it should
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
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
