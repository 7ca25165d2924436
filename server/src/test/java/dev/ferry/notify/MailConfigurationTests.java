package dev.ferry.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With SMTP credentials, STARTTLS is required: a server that does not offer it (or a
 * network that strips the offer) gets neither the password nor the mail. Driven through
 * Jakarta Mail against a minimal SMTP server on a socket that offers AUTH but no
 * STARTTLS.
 */
class MailConfigurationTests {

	@Test
	void credentialsNeverGoToAServerWithoutStarttls() throws Exception {
		List<String> heard = new CopyOnWriteArrayList<>();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread smtp = new Thread(() -> converse(server, heard));
			smtp.setDaemon(true);
			smtp.start();
			MailTransport transport = new MailConfiguration().mailTransport(new MailProperties("127.0.0.1",
					server.getLocalPort(), "ferry", "smtp-secret", "ferry@localhost", true, Duration.ofMinutes(1), 8));
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom("ferry@localhost");
			message.setTo("ann@example.org");
			message.setSubject("Reset your password");
			message.setText("https://ferry.example/reset#token");

			assertThatThrownBy(() -> transport.sender().send(message)).isInstanceOf(MailException.class)
				.hasStackTraceContaining("STARTTLS");
			smtp.join(10_000);
		}
		assertThat(heard).anySatisfy((line) -> assertThat(line).startsWithIgnoringCase("EHLO"))
			.noneSatisfy((line) -> assertThat(line).startsWithIgnoringCase("AUTH"))
			.noneSatisfy((line) -> assertThat(line).startsWithIgnoringCase("MAIL FROM"));
	}

	/**
	 * Greets, offers AUTH but no STARTTLS, and records what the client says until QUIT.
	 */
	private static void converse(ServerSocket server, List<String> heard) {
		try (Socket socket = server.accept()) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
			OutputStream out = socket.getOutputStream();
			out.write("220 localhost ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				heard.add(line);
				String reply = line.toUpperCase().startsWith("EHLO") ? "250-localhost\r\n250 AUTH PLAIN LOGIN\r\n"
						: line.toUpperCase().startsWith("QUIT") ? "221 bye\r\n" : "250 ok\r\n";
				out.write(reply.getBytes(StandardCharsets.US_ASCII));
				out.flush();
				if (line.toUpperCase().startsWith("QUIT")) {
					return;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
